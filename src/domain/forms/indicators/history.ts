// The body's own history beside each question: what it reported the period before, and whether
// a whole number is far outside what it usually reports.
import type { IndicatorDef } from "../../methodology/types.ts";
import { medianOf } from "../monthly/history.ts";
import { type FieldSpec, numberKey, numberOfValue } from "./fields.ts";
import type { IndicatorsHistory } from "./reference.ts";

/** How many times the body's usual value a whole number must be to be asked about. */
export const UNUSUAL_FACTOR = 10;

/** How many earlier reports the usual value is the median of (three years, or four quarters). */
export const USUAL_OVER = { annual: 3, quarterly: 4 } as const;

/**
 * The usual value when `value` is far outside the body's own history (ten times the median of
 * its last reports); undefined when it looks ordinary or there is nothing to compare with.
 */
export function unusualNumber(
  def: IndicatorDef,
  field: FieldSpec,
  value: number,
  history: IndicatorsHistory,
): number | undefined {
  const usual = history.usual[numberKey(def, field)];
  return usual !== undefined && usual > 0 && value >= UNUSUAL_FACTOR * usual ? usual : undefined;
}

/** What the body answered the period before: the value (null: "not reported"), or undefined. */
export function previousValueOf(history: IndicatorsHistory, id: string): unknown {
  const previous = history.previous;
  if (!previous) return undefined;
  if (previous.notReported.includes(id)) return null;
  return previous.values[id];
}

/**
 * The usual value of every whole-number answer over earlier reports (each a record of stored
 * values): the median of the values reported, by the keys `unusualNumber` reads.
 */
export function usualValues(
  defs: readonly IndicatorDef[],
  fieldsOf: (def: IndicatorDef) => readonly FieldSpec[],
  reports: readonly Record<string, unknown>[],
): Record<string, number> {
  const usual: Record<string, number> = {};
  for (const def of defs) {
    for (const field of fieldsOf(def)) {
      if (field.kind !== "number") continue;
      const seen = reports
        .map((values) => numberOfValue(values[def.id], field.name))
        .filter((n): n is number => n !== undefined);
      const median = medianOf(seen);
      if (median > 0) usual[numberKey(def, field)] = median;
    }
  }
  return usual;
}
