import type { BodyKind, LocalizedText, MethodologyVersion } from "../methodology/types.ts";
import { type Points, sumPoints } from "../points.ts";
import { readingsOf, type Variants } from "../variants.ts";
import { type IndicatorScore, scoreIndicator } from "./score-indicator.ts";
import type { IndicatorValue, ShareValue } from "./values.ts";
import { contradictionsOfInput, type ScoringWarning } from "./warnings.ts";

/** One body's reported values for a year (or any span), as the `score` command reads it. */
export type Scorecard = {
  /** The year it is for, when it names one: the version in force for that year scores it. */
  year?: number;
  bodyKind: BodyKind;
  /** An external analysis was made the year before: project 1 is not scored. */
  p1Exempt: boolean;
  /** Share of the external analysis' action plan done; shown without points. */
  p1ExternalPlan?: ShareValue;
  values: Partial<Record<string, IndicatorValue | IndicatorValue[]>>;
};

export type TaskScore = {
  id: string;
  title: LocalizedText;
  points: Points;
  max?: Points;
  indicators: IndicatorScore[];
};
export type ProjectScore = {
  id: string;
  title: LocalizedText;
  points: Points;
  max?: Points;
  tasks: TaskScore[];
};

export type ScoreBreakdown = {
  methodologyVersion: string;
  /** The reading each indicator with variants was scored by. */
  variants: Variants;
  total: Points;
  /** Sum of applicable maxima; absent when an applicable indicator has no upper bound. */
  max?: Points;
  projects: ProjectScore[];
  /** Every indicator id of the methodology, applicable or not. */
  indicators: Record<string, { points: Points; applicable: boolean; max?: Points }>;
  p1ExternalPlan?: ShareValue;
  /** Values that contradict each other, scored by the deciding field (SCORING.md). */
  warnings: ScoringWarning[];
};

type Scored = { points: Points; applicable?: boolean; max?: Points };

function sumOf<T extends Scored>(items: readonly T[]): { points: Points; max?: Points } {
  const counted = items.filter((i) => i.applicable !== false);
  const points = sumPoints(counted.map((i) => i.points));
  const bounded = counted.every((i) => i.max !== undefined);
  return bounded ? { points, max: sumPoints(counted.map((i) => i.max ?? 0)) } : { points };
}

/** Scores a whole scorecard by a version: every indicator, grouped by task and project, plus the total. */
export function scoreScorecard(
  version: MethodologyVersion,
  card: Scorecard,
  options: { variants?: Variants } = {},
): ScoreBreakdown {
  const variants = options.variants ?? {};
  const ctx = { bodyKind: card.bodyKind, p1Exempt: card.p1Exempt, variants };
  const indicators: ScoreBreakdown["indicators"] = {};
  const warnings: ScoringWarning[] = [];
  const projects = version.projects.map((project): ProjectScore => {
    const tasks = project.tasks.map((task): TaskScore => {
      const scores = task.indicators.map((def) => {
        const score = scoreIndicator(def, card.values[def.id], ctx);
        if (score.applicable) warnings.push(...contradictionsOfInput(def, card.values[def.id]));
        return score;
      });
      for (const s of scores) {
        indicators[s.id] =
          s.max === undefined
            ? { points: s.points, applicable: s.applicable }
            : { points: s.points, applicable: s.applicable, max: s.max };
      }
      return { id: task.id, title: task.title, ...sumOf(scores), indicators: scores };
    });
    return { id: project.id, title: project.title, ...sumOf(tasks), tasks };
  });
  const overall = sumOf(Object.values(indicators));
  const breakdown: ScoreBreakdown = {
    methodologyVersion: version.id,
    variants: readingsOf(version, variants),
    total: overall.points,
    projects,
    indicators,
    warnings,
  };
  if (overall.max !== undefined) breakdown.max = overall.max;
  if (card.p1ExternalPlan) breakdown.p1ExternalPlan = card.p1ExternalPlan;
  return breakdown;
}
