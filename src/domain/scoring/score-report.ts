import type { ReportKind } from "../deadlines.ts";
import type { BodyKind, IndicatorDef, MethodologyVersion } from "../methodology/types.ts";
import { type Points, sumPoints } from "../points.ts";
import type { Variants } from "../variants.ts";
import { type IndicatorScore, scoreIndicator } from "./score-indicator.ts";
import type { IndicatorValue } from "./values.ts";

const PERIOD_OF_REPORT: Record<ReportKind, IndicatorDef["period"]> = {
  monthly: "monthly",
  quarterly: "quarterly",
  annual: "annual",
};

/** The indicators one kind of report carries in a version: a month's, a quarter's or a year's. */
export function indicatorsOfReport(version: MethodologyVersion, kind: ReportKind): IndicatorDef[] {
  return version.indicators.filter((def) => def.period === PERIOD_OF_REPORT[kind]);
}

export type ReportScore = {
  /** The id of the version that scored it. */
  methodologyVersion: string;
  total: Points;
  indicators: IndicatorScore[];
};

/**
 * Scores one report for one period (a month, a quarter or a year) on its own by the version in
 * force for that period: only the indicators that report carries, each value a single entry, so
 * monthly caps hold per month.
 */
export function scoreReport(
  version: MethodologyVersion,
  input: {
    bodyKind: BodyKind;
    p1Exempt: boolean;
    kind: ReportKind;
    values: Partial<Record<string, IndicatorValue>>;
    variants?: Variants;
  },
): ReportScore {
  const ctx = { bodyKind: input.bodyKind, p1Exempt: input.p1Exempt, variants: input.variants };
  const indicators = indicatorsOfReport(version, input.kind).map((def) => {
    const value = input.values[def.id];
    // Monthly and quarterly indicators score a list of entries; this report is one entry.
    const entry = def.period === "annual" || value === undefined ? value : [value];
    return scoreIndicator(def, entry, ctx);
  });
  const total = sumPoints(indicators.filter((s) => s.applicable).map((s) => s.points));
  return { methodologyVersion: version.id, total, indicators };
}
