import type { RuleSpec } from "../methodology/types.ts";
import type { Points } from "../points.ts";
import type {
  CommissionValue,
  GiftsValue,
  IndicatorValue,
  OffenceReportsValue,
  PropagandaValue,
  RisksValue,
  ShareValue,
  TrainingValue,
} from "./values.ts";

/** One entry's score. `max` is absent when the rule has no upper bound. */
export type EntryScore = { points: Points; applicable: boolean; max?: Points };

const NOT_APPLICABLE: EntryScore = { points: 0, applicable: false };

/** Full 10 % steps of a share, in integers (69.9 % → 6). */
export function stepsOf(share: ShareValue): number {
  return Math.floor((10 * share.done) / share.total);
}

function score(points: Points, max?: Points): EntryScore {
  return max === undefined ? { points, applicable: true } : { points, applicable: true, max };
}

/**
 * Scores one entry (an annual value, or one month's / quarter's entry) by a rule.
 * `value` undefined means nothing was reported: flags count as not done, shares as 0 done, counts as 0.
 */
export function scoreEntry(rule: RuleSpec, value: IndicatorValue | undefined): EntryScore {
  switch (rule.kind) {
    case "flagPenalty":
      return score(value === true ? 0 : rule.notDone, 0);
    case "shareSteps": {
      const share = value as ShareValue | undefined;
      if (share?.total === 0) return NOT_APPLICABLE;
      const steps = share ? stepsOf(share) : 0;
      return score(steps >= rule.minSteps ? steps * rule.perStep : 0, 10 * rule.perStep);
    }
    case "perPercent": {
      const share = value as ShareValue | undefined;
      if (share?.total === 0) return NOT_APPLICABLE;
      const percent = share ? Math.floor((100 * share.done) / share.total) : 0;
      return score(percent * rule.perPercent, 100 * rule.perPercent);
    }
    case "shareStepsWithZeroPenalty": {
      const share = value as ShareValue | undefined;
      if (share?.total === 0) return NOT_APPLICABLE;
      const points = !share || share.done === 0 ? rule.zeroDone : stepsOf(share) * rule.perStep;
      return score(points, 10 * rule.perStep);
    }
    case "riskCounts": {
      const r = (value as RisksValue | undefined) ?? { identified: 0, eliminated: 0, completed: 0 };
      // A completed elimination earns its own points instead of an elimination's, unless cumulative.
      const eliminated = rule.cumulative ? r.eliminated : r.eliminated - r.completed;
      return score(
        r.identified * rule.identified +
          eliminated * rule.eliminated +
          r.completed * rule.completed,
      );
    }
    case "perCount":
      return score(((value as number | undefined) ?? 0) * rule.perItem);
    case "weightedCounts": {
      const r = (value as OffenceReportsValue | undefined) ?? { administrative: 0, criminal: 0 };
      return score(r.administrative * rule.administrative + r.criminal * rule.criminal);
    }
    case "countBrackets":
      return scoreBrackets(rule, value as number | undefined);
    case "giftsInformation": {
      const g = value as GiftsValue | undefined;
      return score(g?.provided ? rule.provided : rule.notProvided, rule.provided);
    }
    case "giftsPerFact": {
      // The information not provided decides, whatever facts were counted (a warning says so).
      const g = value as GiftsValue | undefined;
      return score(g?.provided ? g.facts * rule.perFact : rule.notProvided);
    }
    case "commissionMeetings":
      return score(commissionPoints(rule, value as CommissionValue | undefined), rule.held);
    case "trainingThreshold": {
      const t = value as TrainingValue | undefined;
      if (t?.headcount === 0) return NOT_APPLICABLE;
      const halves = t
        ? Math.min(rule.maxHalfPercents, Math.floor((200 * t.trained) / t.headcount))
        : 0;
      return score(halves * rule.perHalfPercent, rule.maxHalfPercents * rule.perHalfPercent);
    }
    case "legalPropaganda":
      return scorePropaganda(rule, value as PropagandaValue | undefined);
  }
}

export type Rule<K extends RuleSpec["kind"]> = Extract<RuleSpec, { kind: K }>;

function scoreBrackets(rule: Rule<"countBrackets">, count: number | undefined): EntryScore {
  const max = Math.max(...rule.brackets.map((b) => b.points));
  if (count === undefined) return score(rule.notReported, max);
  const bracket = rule.brackets.find((b) => b.upTo === null || count <= b.upTo);
  return score(bracket?.points ?? 0, max);
}

function commissionPoints(
  rule: Rule<"commissionMeetings">,
  c: CommissionValue | undefined,
): Points {
  if (!c?.held) return rule.notHeld;
  if (!c.districts) return rule.held;
  const missedSteps = Math.floor((10 * (c.districtsNotHeld ?? 0)) / c.districts);
  return Math.max(0, rule.held - missedSteps * rule.perStepMissed);
}

/** Parts of a month's legal propaganda score, so the bot can show them item by item. */
export function propagandaParts(
  rule: Rule<"legalPropaganda">,
  p: PropagandaValue | undefined,
): { report: Points; publicity: Points; reach: Points } {
  // Nothing published earns no publicity, whatever views were counted (a warning says so).
  if (!p || p.events === 0) return { report: 0, publicity: 0, reach: 0 };
  const reached = p.published && p.views >= rule.reachViews;
  if (rule.additive) {
    return {
      report: rule.report,
      publicity: p.published ? rule.published : 0,
      reach: reached ? rule.reach : 0,
    };
  }
  // One publicity item: 5 for publishing, or 10 instead when the reach is 1000+ views.
  return {
    report: rule.report,
    publicity: reached ? 0 : p.published ? rule.published : 0,
    reach: reached ? rule.reach : 0,
  };
}

function scorePropaganda(rule: Rule<"legalPropaganda">, p: PropagandaValue | undefined) {
  const parts = propagandaParts(rule, p);
  const max = rule.additive
    ? rule.report + rule.published + rule.reach
    : rule.report + Math.max(rule.published, rule.reach);
  return score(parts.report + parts.publicity + parts.reach, max);
}
