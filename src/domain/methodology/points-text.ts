import type { Points } from "../points.ts";

// How the methodology writes points: 0.3, 4,5, −10 (a comma or a true minus sign are fine too).
const DECIMAL = /^-?\d{1,9}(\.\d{1,2})?$/;
const TOO_PRECISE = /^-?\d+\.\d{3,}$/;

export type ReadPointsResult =
  | { ok: true; points: Points }
  | { ok: false; reason: "notPoints" | "tooManyDecimals" };

/**
 * Reads points written as a decimal into exact integer hundredths: 0.3 → 30, "−10" → −1000,
 * "4,5" → 450. Never through binary fractions: the digits are read as text.
 */
export function readPoints(raw: unknown): ReadPointsResult {
  if (typeof raw !== "number" && typeof raw !== "string") return { ok: false, reason: "notPoints" };
  // A number's shortest text is what was written (0.3 stays "0.3"; 0.1 + 0.2 would not).
  const text =
    typeof raw === "number"
      ? String(raw)
      : raw
          .trim()
          .replace(/^\u2212/, "-")
          .replace(",", ".")
          .replace(/\s/g, "");
  if (TOO_PRECISE.test(text)) return { ok: false, reason: "tooManyDecimals" };
  if (!DECIMAL.test(text)) return { ok: false, reason: "notPoints" };
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return { ok: true, points: negative && hundredths !== 0 ? -hundredths : hundredths };
}

/** Hundredths as the methodology's files write them: 30 → 0.3, −1000 → -10 (a JSON/YAML number). */
export function pointsToDecimal(points: Points): number {
  const sign = points < 0 ? "-" : "";
  const abs = Math.abs(points);
  const cents = String(abs % 100).padStart(2, "0");
  return Number(`${sign}${Math.floor(abs / 100)}.${cents}`);
}
