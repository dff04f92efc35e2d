import type { IndicatorDef } from "../methodology/types.ts";
import type { Translate } from "../problems.ts";
import type { GiftsValue, IndicatorValue, PropagandaValue } from "./values.ts";

/**
 * Values that contradict each other but are each valid (SCORING.md, "General rules"): scored by
 * the rule's deciding field, and named so whoever reported them can see what counted.
 */
export type WarningCode =
  | "factsWithoutInformation"
  | "viewsWithoutPublication"
  | "publicityWithoutEvents";

/** One contradiction: the indicator, the 1-based entry of a monthly or quarterly list, the values. */
export type ScoringWarning = {
  indicatorId: string;
  code: WarningCode;
  entry?: number;
  params?: Record<string, number>;
};

/** The contradictions in one entry of an indicator (an annual value, or a month's or quarter's). */
export function contradictionsOf(
  def: IndicatorDef,
  value: IndicatorValue,
  entry?: number,
): ScoringWarning[] {
  const warn = (code: WarningCode, params?: Record<string, number>): ScoringWarning[] => [
    {
      indicatorId: def.id,
      code,
      ...(entry === undefined ? {} : { entry }),
      ...(params ? { params } : {}),
    },
  ];
  if (def.input === "gifts") {
    const g = value as GiftsValue;
    // The flag decides: the information was not provided, whatever facts were counted.
    return !g.provided && g.facts > 0 ? warn("factsWithoutInformation", { facts: g.facts }) : [];
  }
  if (def.input === "propaganda") {
    const p = value as PropagandaValue;
    // No event: no report to score, so publicity counts for nothing either.
    if (p.events === 0 && (p.published || p.views > 0)) return warn("publicityWithoutEvents");
    if (!p.published && p.views > 0) return warn("viewsWithoutPublication", { views: p.views });
  }
  return [];
}

/** The contradictions of what a scorecard holds for an indicator: one value, or a list of entries. */
export function contradictionsOfInput(
  def: IndicatorDef,
  value: IndicatorValue | IndicatorValue[] | undefined,
): ScoringWarning[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return contradictionsOf(def, value);
  return value.flatMap((entry, i) => contradictionsOf(def, entry, i + 1));
}

/** A warning as one line: "p2.t5.s4: <message>", or "p4.t3.s1, entry 2: <message>". */
export function describeWarning(warning: ScoringWarning, t: Translate): string {
  const where = [
    t("scoring:where.indicator", { indicator: warning.indicatorId }),
    ...(warning.entry === undefined ? [] : [t("scoring:where.entry", { entry: warning.entry })]),
  ];
  return `${where.join(", ")}: ${t(`scoring:warnings.${warning.code}`, warning.params ?? {})}`;
}
