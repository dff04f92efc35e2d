import { findIndicator } from "../methodology/lookup.ts";
import type { IndicatorDef, MethodologyVersion } from "../methodology/types.ts";
import type { Points } from "../points.ts";
import { propagandaParts } from "../scoring/rules.ts";
import { scoreIndicator } from "../scoring/score-indicator.ts";
import type { PropagandaValue } from "../scoring/values.ts";
import { ruleOf, type Variants } from "../variants.ts";

/** The monthly indicators' values of one report (one month's entry each). */
export type MonthlyValues = { "p4.t2.s3": number; "p4.t2.s4": number; "p4.t3.s1": PropagandaValue };

export type CappedSectionScore = { points: Points; max: Points; perItem: Points[] };
export type MonthlyReportScore = {
  total: Points;
  max: Points;
  explanatoryEvents: CappedSectionScore;
  preventiveTalks: CappedSectionScore;
  propaganda: { points: Points; max: Points; report: Points; publicity: Points; reach: Points };
};

function def(version: MethodologyVersion, id: string): IndicatorDef {
  const found = findIndicator(version, id);
  if (!found) throw new Error(`Methodology ${version.id} lacks ${id}`);
  return found;
}

function cappedSection(
  version: MethodologyVersion,
  id: string,
  count: number,
  variants: Variants,
): CappedSectionScore {
  const d = def(version, id);
  const rule = ruleOf(d, variants);
  // The version check keeps these a capped count (check-version.ts, the monthly form).
  if (rule.kind !== "perCount" || d.cap === undefined) throw new Error(`${id} is not capped`);
  const { perItem } = rule;
  const cap = d.cap;
  // Each item is worth its points until the month's cap is reached; later ones add nothing.
  const items = Array.from({ length: count }, (_, i) =>
    Math.max(0, Math.min(perItem, cap - i * perItem)),
  );
  const s = scoreIndicator(d, [count], { bodyKind: "central", variants });
  return { points: s.points, max: s.max ?? cap, perItem: items };
}

/** Scores one month's entries of the three monthly indicators item by item, as scoreScorecard would. */
export function scoreMonthlyValues(
  version: MethodologyVersion,
  values: MonthlyValues,
  variants: Variants = {},
): MonthlyReportScore {
  const explanatoryEvents = cappedSection(version, "p4.t2.s3", values["p4.t2.s3"], variants);
  const preventiveTalks = cappedSection(version, "p4.t2.s4", values["p4.t2.s4"], variants);
  const p = def(version, "p4.t3.s1");
  const rule = ruleOf(p, variants);
  if (rule.kind !== "legalPropaganda") throw new Error("p4.t3.s1 is not legal propaganda");
  const s = scoreIndicator(p, [values["p4.t3.s1"]], { bodyKind: "central", variants });
  const parts = propagandaParts(rule, values["p4.t3.s1"]);
  const propaganda = { points: s.points, max: s.max ?? 0, ...parts };
  return {
    total: explanatoryEvents.points + preventiveTalks.points + propaganda.points,
    max: explanatoryEvents.max + preventiveTalks.max + propaganda.max,
    explanatoryEvents,
    preventiveTalks,
    propaganda,
  };
}
