import type { Repositories } from "../db/index.ts";
import type { DeadlineRuleRecord } from "../db/repositories/deadlines.ts";
import type { DeadlineRule } from "../domain/deadlines.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** The stored deadline rules in the domain's terms (every rule is in the configured TIME_ZONE). */
export function toDomainDeadlines(records: readonly DeadlineRuleRecord[]): DeadlineRule[] {
  return records.map((r) => ({
    reportKind: r.kind,
    day: r.dueDay,
    monthOffset: r.monthOffset,
    time: `${pad(r.dueHour)}:${pad(r.dueMinute)}`,
  }));
}

/** The deadline rules in force, as the domain reads them. */
export async function loadDeadlineRules(repos: Repositories): Promise<DeadlineRule[]> {
  return toDomainDeadlines(await repos.deadlines.getRules());
}
