import {
  comparePeriods,
  lastMonthOf,
  monthsOf,
  nextPeriod,
  type PeriodUnit,
  parsePeriod,
  periodContaining,
  periodEnd,
  periodKeyOf,
  periodOf,
  previousPeriod,
  quarterOf,
} from "./periods.ts";

/**
 * The report periods a period is made of, in reading order: a month is itself; a quarter is its
 * three months, then the quarter itself; a year is each month, each quarter after its last month,
 * then the year. `reportPeriodsOf("2026-Q1")` → 2026-01, 2026-02, 2026-03, 2026-Q1.
 */
export function reportPeriodsOf(periodKey: string): string[] {
  const period = periodOf(periodKey);
  if (period.kind === "month") return [periodKey];
  const keys: string[] = [];
  for (const month of monthsOf(periodKey)) {
    keys.push(month);
    if (monthsOf(quarterOf(month)).at(-1) === month) keys.push(quarterOf(month));
  }
  if (period.kind === "year") keys.push(periodKey);
  return keys;
}

/** The report periods of a period that have ended by `now` (its span so far), in reading order. */
export function endedSpanOf(periodKey: string, now: Date, zone: string): string[] {
  return reportPeriodsOf(periodKey).filter(
    (key) => periodEnd(key, zone).getTime() <= now.getTime(),
  );
}

/** The same period some years away: `shiftYears("2026-Q3", -1)` → "2025-Q3". */
export function shiftYears(periodKey: string, years: number): string {
  const period = periodOf(periodKey);
  return periodKeyOf({ ...period, year: period.year + years });
}

/**
 * The latest period of a unit that has a report to look at: the one holding the month just
 * ended (a quarter or a year may still be running).
 */
export function latestPeriod(unit: PeriodUnit, now: Date, zone: string): string {
  const month = previousPeriod(periodContaining("month", now, zone));
  const p = periodOf(month, "month");
  if (unit === "month") return month;
  if (unit === "quarter") return quarterOf(month);
  return String(p.year);
}

/** Whether a period can be looked at now: it is not later than the latest of its unit. */
export function isViewablePeriod(periodKey: string, now: Date, zone: string): boolean {
  const period = parsePeriod(periodKey);
  if (!period || period.year < 2000) return false;
  const latest = latestPeriod(period.kind, now, zone);
  return comparePeriods(lastMonthOf(periodKey), lastMonthOf(latest)) <= 0;
}

/** The period after, when it can be looked at now; undefined for the latest. */
export function viewableNext(periodKey: string, now: Date, zone: string): string | undefined {
  const next = nextPeriod(periodKey);
  return isViewablePeriod(next, now, zone) ? next : undefined;
}

/** The period of another unit that a view switches to: the month's quarter, the quarter's year… */
export function switchUnit(periodKey: string, unit: PeriodUnit, latestMonth: string): string {
  const months = monthsOf(periodKey).filter((m) => m <= latestMonth);
  const month = months.at(-1) ?? monthsOf(periodKey)[0]!;
  if (unit === "month") return month;
  if (unit === "quarter") return quarterOf(month);
  return String(periodOf(month, "month").year);
}
