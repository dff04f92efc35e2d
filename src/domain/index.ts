// The pure domain: methodology data, scoring, periods and deadlines. No I/O.
export * from "./deadlines.ts";
export * from "./leaderboard.ts";
export { METHODOLOGY } from "./methodology/data.ts";
export * from "./methodology/lookup.ts";
export * from "./methodology/types.ts";
export { checkMethodology, MethodologyError, SCORING_MD_IDS } from "./methodology/validate.ts";
export * from "./periods.ts";
export * from "./points.ts";
export * from "./problems.ts";
export * from "./reports/monthly-report.ts";
export * from "./reports/report-fields.ts";
export * from "./scoring/parse-scorecard.ts";
export * from "./scoring/parse-value.ts";
export * from "./scoring/rules.ts";
export * from "./scoring/score-indicator.ts";
export * from "./scoring/scorecard.ts";
export * from "./scoring/values.ts";
export * from "./variants.ts";
