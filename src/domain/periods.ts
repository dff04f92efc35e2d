import { fromLocal, toLocal } from "./calendar/zone.ts";

/** A reporting period: "2026-10" (month), "2026-Q3" (quarter) or "2026" (year). */
export type Period =
  | { kind: "month"; year: number; month: number }
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "year"; year: number };

export type PeriodUnit = Period["kind"];

/** Thrown when a string that must be a period key is not one. */
export class PeriodKeyError extends Error {
  override readonly name = "PeriodKeyError";
  constructor(readonly key: string) {
    super(`Not a period key: ${JSON.stringify(key)}`);
  }
}

const PATTERN = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/;

/** Parses a period key; undefined when it is not one. */
export function parsePeriod(key: string): Period | undefined {
  const m = PATTERN.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { kind: "month", year, month: Number(m[2]) };
  if (m[3]) return { kind: "quarter", year, quarter: Number(m[3]) };
  return { kind: "year", year };
}

/** Parses a period key, throwing PeriodKeyError (optionally also when it is not of the wanted unit). */
export function periodOf<U extends PeriodUnit = PeriodUnit>(
  key: string,
  unit?: U,
): Extract<Period, { kind: U }> {
  const p = parsePeriod(key);
  if (!p || (unit && p.kind !== unit)) throw new PeriodKeyError(key);
  return p as Extract<Period, { kind: U }>;
}

/** Whether `key` is a period key (of the given unit, if any). */
export function isPeriodKey(key: string, unit?: PeriodUnit): boolean {
  const p = parsePeriod(key);
  return p !== undefined && (unit === undefined || p.kind === unit);
}

/** The key of a period: { kind: "quarter", year: 2026, quarter: 3 } → "2026-Q3". */
export function periodKeyOf(p: Period): string {
  if (p.kind === "month") return `${p.year}-${String(p.month).padStart(2, "0")}`;
  if (p.kind === "quarter") return `${p.year}-Q${p.quarter}`;
  return String(p.year);
}

/** First and last month of a period as month indexes (year × 12 + month − 1). */
function monthSpan(p: Period): [number, number] {
  const base = p.year * 12;
  if (p.kind === "month") return [base + p.month - 1, base + p.month - 1];
  if (p.kind === "quarter") return [base + (p.quarter - 1) * 3, base + p.quarter * 3 - 1];
  return [base, base + 11];
}

function monthKey(index: number): string {
  return periodKeyOf({ kind: "month", year: Math.floor(index / 12), month: (index % 12) + 1 });
}

/** Orders periods by start, then the shorter first ("2026-01" < "2026-Q1" < "2026"). */
export function comparePeriods(a: string, b: string): number {
  const [as, ae] = monthSpan(periodOf(a));
  const [bs, be] = monthSpan(periodOf(b));
  return as - bs || ae - be;
}

function shift(key: string, by: 1 | -1): string {
  const p = periodOf(key);
  if (p.kind === "year") return String(p.year + by);
  const size = p.kind === "month" ? 12 : 4;
  const index = p.year * size + (p.kind === "month" ? p.month : p.quarter) - 1 + by;
  const year = Math.floor(index / size);
  const n = (index % size) + 1;
  return periodKeyOf(
    p.kind === "month" ? { kind: "month", year, month: n } : { kind: "quarter", year, quarter: n },
  );
}

/** The period before: "2026-01" → "2025-12", "2026-Q1" → "2025-Q4", "2026" → "2025". */
export function previousPeriod(key: string): string {
  return shift(key, -1);
}

/** The period after: "2025-12" → "2026-01". */
export function nextPeriod(key: string): string {
  return shift(key, 1);
}

/** The month keys a period covers: a month itself, a quarter's 3, a year's 12. */
export function monthsOf(key: string): string[] {
  const [start, end] = monthSpan(periodOf(key));
  return Array.from({ length: end - start + 1 }, (_, i) => monthKey(start + i));
}

/** The year a period belongs to. */
export function yearOf(key: string): number {
  return periodOf(key).year;
}

/** The quarter a month belongs to: "2026-08" → "2026-Q3". */
export function quarterOf(monthKeyText: string): string {
  const p = periodOf(monthKeyText, "month");
  return periodKeyOf({ kind: "quarter", year: p.year, quarter: Math.ceil(p.month / 3) });
}

/** The instant a period starts: local midnight of its first day in the zone ("Asia/Almaty"). */
export function periodStart(key: string, zone: string): Date {
  const [start] = monthSpan(periodOf(key));
  const year = Math.floor(start / 12);
  return fromLocal({ year, month: (start % 12) + 1, day: 1, hour: 0, minute: 0 }, zone);
}

/** The instant a period ends (exclusive): the start of the next one. */
export function periodEnd(key: string, zone: string): Date {
  return periodStart(nextPeriod(key), zone);
}

/** The period of the given unit that contains `now` in the zone's local time. */
export function periodContaining(unit: PeriodUnit, now: Date, zone: string): string {
  const { year, month } = toLocal(now, zone);
  if (unit === "month") return periodKeyOf({ kind: "month", year, month });
  if (unit === "quarter")
    return periodKeyOf({ kind: "quarter", year, quarter: Math.ceil(month / 3) });
  return String(year);
}

/** The last month of a period: "2026-Q3" → "2026-09". */
export function lastMonthOf(key: string): string {
  const [, end] = monthSpan(periodOf(key));
  return monthKey(end);
}
