import type { Repositories } from "../db/index.ts";
import type { DeadlineRuleRecord } from "../db/repositories/deadlines.ts";
import type { DeadlineRule } from "../domain/deadlines.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The stored deadline rules in the domain's terms. The domain's due day is always in the month
 * after the period, in the configured UTC offset; the admins' /deadlines edits only day and time.
 */
export function toDomainDeadlines(records: readonly DeadlineRuleRecord[]): DeadlineRule[] {
  return records.map((r) => ({
    reportKind: r.kind,
    // The domain caps due days at 28 so every month has the day.
    dayOfNextPeriodMonth: Math.min(28, Math.max(1, r.dueDay)),
    time: `${pad(r.dueHour)}:${pad(r.dueMinute)}`,
  }));
}

/** The deadline rules in force, as the domain reads them. */
export async function loadDeadlineRules(repos: Repositories): Promise<DeadlineRule[]> {
  return toDomainDeadlines(await repos.deadlines.getRules());
}
