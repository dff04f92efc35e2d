import { parsePeriod } from "../domain/periods.ts";
import { formatPoints } from "../domain/points.ts";
import { type Lang, translator } from "../i18n.ts";

/** A month's period key, "2026-03". */
const PERIOD_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Thrown for a period key that is not a period ("YYYY-MM" where a month is needed): a caller's bug. */
export class InvalidPeriodKeyError extends Error {
  constructor(readonly periodKey: string) {
    super(`Not a month period key (YYYY-MM): "${periodKey}"`);
    this.name = "InvalidPeriodKeyError";
  }
}

function splitPeriodKey(periodKey: string): { year: string; month: string } {
  const match = PERIOD_KEY.exec(periodKey);
  if (!match) throw new InvalidPeriodKeyError(periodKey);
  return { year: match[1]!, month: match[2]! };
}

/** The month's name alone: `formatMonthName("2026-04", "kk")` → "сәуір". */
export function formatMonthName(periodKey: string, lang: Lang): string {
  const { month } = splitPeriodKey(periodKey);
  return translator(lang)(`documents:months.${month}`);
}

/** The month with its year: "2026 ж. сәуір" (kk), "апрель 2026" (ru). */
export function formatMonth(periodKey: string, lang: Lang): string {
  const { year } = splitPeriodKey(periodKey);
  return translator(lang)("documents:monthYear", {
    month: formatMonthName(periodKey, lang),
    year,
  });
}

/** The year of a month's period key: "2026-04" → "2026". */
export function periodYear(periodKey: string): string {
  return splitPeriodKey(periodKey).year;
}

/**
 * Integer hundredths as a decimal string, exactly (no binary floats): 210 → "2,1", −1000 → "−10".
 * The separator is a comma for people and a dot for machine-read files (CSV).
 */
export function formatHundredths(hundredths: number, separator: "," | "." = ","): string {
  if (!Number.isSafeInteger(hundredths)) {
    throw new RangeError(`Points must be integer hundredths, got ${hundredths}`);
  }
  if (separator === ",") return formatPoints(hundredths);
  // Machine-readable CSV: a plain hyphen and a decimal point.
  return formatPoints(hundredths).replace("\u2212", "-").replace(",", ".");
}

/** Integer hundredths as the number a spreadsheet cell holds (84.5 for 8450). */
export function hundredthsToNumber(hundredths: number): number {
  // Division by 100 gives the nearest double to the exact decimal, the best a cell can hold.
  return hundredths / 100;
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** A period as a chart row names it: "октябрь", "IV квартал", "2026 год" (kk: "қазан", "IV тоқсан", "2026 жыл"). */
export function formatPeriodShort(periodKey: string, lang: Lang): string {
  const t = translator(lang);
  const period = parsePeriod(periodKey);
  if (!period) throw new InvalidPeriodKeyError(periodKey);
  if (period.kind === "month") return formatMonthName(periodKey, lang);
  if (period.kind === "quarter") {
    return t("documents:periodShort.quarter", { quarter: ROMAN[period.quarter - 1] });
  }
  return t("documents:periodShort.year", { year: period.year });
}
