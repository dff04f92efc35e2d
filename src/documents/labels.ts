import { formatPoints } from "../domain/points.ts";
import { type Lang, translator } from "../i18n.ts";

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

/** The words the charts write, in a language. */
export function chartWords(lang: Lang) {
  const t = translator(lang);
  return {
    late: t("documents:chart.late"),
    returned: t("documents:chart.returned"),
    missing: t("documents:chart.missing"),
    pending: t("documents:chart.pending"),
    notReported: t("documents:chart.notReported"),
    noData: t("documents:chart.noData"),
  };
}
