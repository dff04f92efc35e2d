/** Points in integer hundredths: 0.3 points is 30. Never a binary fraction. */
export type Points = number;

/** Thrown when a value that should be integer hundredths is not. */
export class PointsError extends Error {
  override readonly name = "PointsError";
  constructor(readonly value: number) {
    super(`Points must be a safe integer of hundredths, got ${value}`);
  }
}

function assertPoints(h: Points): void {
  if (!Number.isSafeInteger(h)) throw new PointsError(h);
}

/** Hundredths as a decimal string with a comma and no trailing zeros: 8450 → "84,5", -1000 → "-10". */
export function formatPoints(h: Points): string {
  assertPoints(h);
  // A true minus sign (U+2212): it reads as "minus", never as a hyphen or a dash.
  const sign = h < 0 ? "\u2212" : "";
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  const fraction = String(cents).padStart(2, "0").replace(/0$/, "");
  return `${sign}${whole},${fraction}`;
}

/** Hundredths as a JSON number (8450 → 84.5), parsed from the exact decimal so no float error creeps in. */
export function pointsToNumber(h: Points): number {
  return Number(formatPoints(h).replace("\u2212", "-").replace(",", "."));
}

/** Sum of points; integers stay exact. */
export function sumPoints(values: readonly Points[]): Points {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
