import type { ReportKind } from "../deadlines.ts";
import { INDICATORS } from "../methodology/lookup.ts";
import type { BodyKind, IndicatorDef } from "../methodology/types.ts";
import { type Points, sumPoints } from "../points.ts";
import type { Variants } from "../variants.ts";
import { type IndicatorScore, scoreIndicator } from "./score-indicator.ts";
import type { IndicatorValue } from "./values.ts";

const PERIOD_OF_REPORT: Record<ReportKind, IndicatorDef["period"]> = {
  monthly: "monthly",
  quarterly: "quarterly",
  annual: "annual",
};

/** The indicators one kind of report carries: a month's, a quarter's or a year's. */
export function indicatorsOfReport(kind: ReportKind): IndicatorDef[] {
  return INDICATORS.filter((def) => def.period === PERIOD_OF_REPORT[kind]);
}

export type ReportScore = { total: Points; indicators: IndicatorScore[] };

/**
 * Scores one report for one period (a month, a quarter or a year) on its own: only the
 * indicators that report carries, each value a single entry, so monthly caps hold per month.
 */
export function scoreReport(input: {
  bodyKind: BodyKind;
  p1Exempt: boolean;
  kind: ReportKind;
  values: Partial<Record<string, IndicatorValue>>;
  variants?: Partial<Variants>;
}): ReportScore {
  const ctx = { bodyKind: input.bodyKind, p1Exempt: input.p1Exempt, variants: input.variants };
  const indicators = indicatorsOfReport(input.kind).map((def) => {
    const value = input.values[def.id];
    // Monthly and quarterly indicators score a list of entries; this report is one entry.
    const entry = def.period === "annual" || value === undefined ? value : [value];
    return scoreIndicator(def, entry, ctx);
  });
  const total = sumPoints(indicators.filter((s) => s.applicable).map((s) => s.points));
  return { total, indicators };
}
