import { z } from "zod";
import { daysInMonth, fromLocal } from "./calendar/zone.ts";
import {
  lastMonthOf,
  type PeriodUnit,
  periodContaining,
  periodOf,
  previousPeriod,
} from "./periods.ts";
import { type ReportKind, reportKindSchema } from "./vocabulary.ts";

export type { ReportKind } from "./vocabulary.ts";

/**
 * When a report is due: on day `day` of the month `monthOffset` months after the period's last
 * month (1: the month right after it), at a local time of the configured zone. A day past the
 * month's end means its last day (31 → 28 February).
 */
export const deadlineRuleSchema = z.object({
  reportKind: reportKindSchema,
  day: z.int().min(1).max(31),
  monthOffset: z.int().min(0).max(12),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** Monthly: the 5th of the next month; quarterly: the 10th after the quarter; annual: 15 January; all at 18:00. */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [
  { reportKind: "monthly", day: 5, monthOffset: 1, time: "18:00" },
  { reportKind: "quarterly", day: 10, monthOffset: 1, time: "18:00" },
  { reportKind: "annual", day: 15, monthOffset: 1, time: "18:00" },
];

/** The period unit each report is made for. */
export const UNIT_OF_REPORT: Record<ReportKind, PeriodUnit> = {
  monthly: "month",
  quarterly: "quarter",
  annual: "year",
};

/** How many periods before the one just ended are still accepted, late: last-but-one month or quarter. */
const LATE_WINDOW: Record<ReportKind, number> = { monthly: 1, quarterly: 1, annual: 0 };

function ruleFor(kind: ReportKind, rules: readonly DeadlineRule[]): DeadlineRule {
  const rule =
    rules.find((r) => r.reportKind === kind) ??
    DEFAULT_DEADLINE_RULES.find((r) => r.reportKind === kind);
  if (!rule) throw new Error(`No deadline rule for ${kind}`);
  return rule;
}

/** The instant a period's report is due, in the zone ("Asia/Almaty"). */
export function dueAt(
  kind: ReportKind,
  periodKey: string,
  rules: readonly DeadlineRule[],
  zone: string,
): Date {
  periodOf(periodKey, UNIT_OF_REPORT[kind]);
  const rule = ruleFor(kind, rules);
  const last = periodOf(lastMonthOf(periodKey), "month");
  const index = last.year * 12 + last.month - 1 + rule.monthOffset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const [hour = 0, minute = 0] = rule.time.split(":").map(Number);
  const day = Math.min(rule.day, daysInMonth(year, month));
  return fromLocal({ year, month, day, hour, minute }, zone);
}

/** Whether a report submitted at `at` is late; submitting exactly at the deadline is on time. */
export function isLate(
  kind: ReportKind,
  periodKey: string,
  at: Date,
  rules: readonly DeadlineRule[],
  zone: string,
): boolean {
  return at.getTime() > dueAt(kind, periodKey, rules, zone).getTime();
}

/**
 * Periods a report may be made for now, newest first: the period just ended (always, even late),
 * earlier ones whose deadline has not passed, and the report's late window (the month or quarter
 * before the one just ended, late). Never the current or a future period.
 */
export function reportablePeriods(
  kind: ReportKind,
  now: Date,
  rules: readonly DeadlineRule[],
  zone: string,
): string[] {
  const justEnded = previousPeriod(periodContaining(UNIT_OF_REPORT[kind], now, zone));
  const periods = [justEnded];
  let earlier = previousPeriod(justEnded);
  for (let late = 0; periods.length < 24; earlier = previousPeriod(earlier)) {
    if (isLate(kind, earlier, now, rules, zone)) {
      if (late >= LATE_WINDOW[kind]) break;
      late++;
    }
    periods.push(earlier);
  }
  return periods;
}
