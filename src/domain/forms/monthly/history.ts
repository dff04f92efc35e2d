import type { CheckedField } from "./steps.ts";

/** What the body reported before, so a question can show last month's value and spot a slip. */
export interface MonthlyHistory {
  /** Last month's submitted report: how many of each part, and the views of its publications. */
  previous: {
    month: string;
    explanatory: number;
    preventive: number;
    propaganda: number;
    views: number;
  } | null;
  /** The median of each part's monthly count over the last twelve reported months (0: no history). */
  median: { explanatory: number; preventive: number; propaganda: number };
}

export const NO_HISTORY: MonthlyHistory = {
  previous: null,
  median: { explanatory: 0, preventive: 0, propaganda: 0 },
};

/** How many times the usual a value must be to be asked about: counts ×10 the median, views ×50 last month's. */
export const UNUSUAL_FACTOR: Record<CheckedField, number> = {
  explanatoryCount: 10,
  preventiveCount: 10,
  propagandaCount: 10,
  views: 50,
};

function usualOf(field: CheckedField, history: MonthlyHistory): number {
  if (field === "views") return history.previous?.views ?? 0;
  if (field === "explanatoryCount") return history.median.explanatory;
  if (field === "preventiveCount") return history.median.preventive;
  return history.median.propaganda;
}

/**
 * The usual value when `value` is far outside the body's own history (e.g. views 50 times last
 * month's, events 10 times the yearly median); undefined when it looks ordinary or there is no
 * history to compare with.
 */
export function unusualValue(
  field: CheckedField,
  value: number,
  history: MonthlyHistory,
): number | undefined {
  const usual = usualOf(field, history);
  return usual > 0 && value >= UNUSUAL_FACTOR[field] * usual ? usual : undefined;
}

/** The median of counts (the lower middle for an even number), 0 for none. */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}
