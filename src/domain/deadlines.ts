import { z } from "zod";
import {
  nextPeriod,
  type PeriodUnit,
  periodContaining,
  periodOf,
  previousPeriod,
} from "./periods.ts";

export type ReportKind = "monthly" | "quarterly" | "annual";

/** When a report is due: on a day of the month right after its period, at a local time. */
export const deadlineRuleSchema = z.object({
  reportKind: z.enum(["monthly", "quarterly", "annual"]),
  // Days up to 28 exist in every month.
  dayOfNextPeriodMonth: z.int().min(1).max(28),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** Monthly: the 5th of the next month; quarterly: the 10th after the quarter; annual: 15 January; all at 18:00. */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [
  { reportKind: "monthly", dayOfNextPeriodMonth: 5, time: "18:00" },
  { reportKind: "quarterly", dayOfNextPeriodMonth: 10, time: "18:00" },
  { reportKind: "annual", dayOfNextPeriodMonth: 15, time: "18:00" },
];

/** Asia/Almaty: UTC+5 all year, no daylight saving time. */
export const ALMATY_UTC_OFFSET_MINUTES = 300;

const UNIT_OF: Record<ReportKind, PeriodUnit> = {
  monthly: "month",
  quarterly: "quarter",
  annual: "year",
};

function ruleFor(kind: ReportKind, rules: readonly DeadlineRule[]): DeadlineRule {
  const rule =
    rules.find((r) => r.reportKind === kind) ??
    DEFAULT_DEADLINE_RULES.find((r) => r.reportKind === kind);
  if (!rule) throw new Error(`No deadline rule for ${kind}`);
  return rule;
}

/** The instant a period's report is due. */
export function dueAt(
  kind: ReportKind,
  periodKey: string,
  rules: readonly DeadlineRule[],
  utcOffsetMinutes: number,
): Date {
  periodOf(periodKey, UNIT_OF[kind]);
  const rule = ruleFor(kind, rules);
  // The month right after the period is the first month of the next period.
  const after = periodOf(nextPeriod(periodKey));
  const month =
    after.kind === "month" ? after.month : after.kind === "quarter" ? after.quarter * 3 - 2 : 1;
  const [hh, mm] = rule.time.split(":").map(Number);
  const localMs = Date.UTC(after.year, month - 1, rule.dayOfNextPeriodMonth, hh, mm);
  return new Date(localMs - utcOffsetMinutes * 60_000);
}

/** Whether a report submitted at `at` is late; submitting exactly at the deadline is on time. */
export function isLate(
  kind: ReportKind,
  periodKey: string,
  at: Date,
  rules: readonly DeadlineRule[],
  utcOffsetMinutes: number,
): boolean {
  return at.getTime() > dueAt(kind, periodKey, rules, utcOffsetMinutes).getTime();
}

/**
 * Periods a report may be made for now, newest first: the period just ended (always, even late),
 * plus earlier ones whose deadline has not passed. Never the current or a future period.
 */
export function reportablePeriods(
  kind: ReportKind,
  now: Date,
  rules: readonly DeadlineRule[],
  utcOffsetMinutes: number,
): string[] {
  const justEnded = previousPeriod(periodContaining(UNIT_OF[kind], now, utcOffsetMinutes));
  const periods = [justEnded];
  let earlier = previousPeriod(justEnded);
  // Deadlines only move forward with periods, so the first passed one ends the walk.
  while (periods.length < 24 && !isLate(kind, earlier, now, rules, utcOffsetMinutes)) {
    periods.push(earlier);
    earlier = previousPeriod(earlier);
  }
  return periods;
}

/** Months a monthly report may be made for now (see reportablePeriods). */
export function reportableMonths(
  now: Date,
  rules: readonly DeadlineRule[],
  utcOffsetMinutes: number,
): string[] {
  return reportablePeriods("monthly", now, rules, utcOffsetMinutes);
}

/** Quarters a quarterly report may be made for now (see reportablePeriods). */
export function reportableQuarters(
  now: Date,
  rules: readonly DeadlineRule[],
  utcOffsetMinutes: number,
): string[] {
  return reportablePeriods("quarterly", now, rules, utcOffsetMinutes);
}

/** Years an annual report may be made for now (see reportablePeriods). */
export function reportableYears(
  now: Date,
  rules: readonly DeadlineRule[],
  utcOffsetMinutes: number,
): string[] {
  return reportablePeriods("annual", now, rules, utcOffsetMinutes);
}
