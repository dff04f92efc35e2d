import type { BodyKind, RuleSpec } from "./types.ts";

// Shared building blocks of the data files; points are hundredths (0.3 → 30).
export const BOTH: readonly BodyKind[] = ["central", "regional"];
export const REGIONAL: readonly BodyKind[] = ["regional"];

export const flagPenalty = (notDone: number): RuleSpec => ({ kind: "flagPenalty", notDone });
export const shareSteps = (perStep: number, minSteps = 0): RuleSpec => ({
  kind: "shareSteps",
  perStep,
  minSteps,
});
/** Every offence-type fact found by the body itself is worth 3 points. */
export const perFact: RuleSpec = { kind: "perCount", perItem: 300 };
