import { METHODOLOGY } from "../domain/methodology/data.ts";
import type { Methodology } from "../domain/methodology/types.ts";

/** The methodology a period is judged by: what the views and reporting rates read for it. */
export type MethodologyFor = (periodKey: string) => Methodology;

/**
 * The version in force for a period. One version exists today; when versions become data files,
 * this is the one place that asks the book for `forPeriod(periodKey)`.
 */
export const methodologyFor: MethodologyFor = () => METHODOLOGY;
