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

/**
 * Sets a report kind's due day and time (its month offset stays) and records who changed it from
 * what, so /audit can tell.
 */
export async function changeDeadline(
  repos: Repositories,
  input: {
    kind: DeadlineRuleRecord["kind"];
    day: number;
    hour: number;
    minute: number;
    actorUserId: number | null;
    at: Date;
  },
): Promise<void> {
  const before = await repos.deadlines.getRule(input.kind);
  await repos.deadlines.setRule(
    input.kind,
    {
      dueDay: input.day,
      dueHour: input.hour,
      dueMinute: input.minute,
      monthOffset: before?.monthOffset ?? 1,
    },
    input.at,
  );
  await repos.audit.record({
    actorUserId: input.actorUserId,
    action: "deadline.set",
    target: `deadline:${input.kind}`,
    details: {
      before: before ? `${before.dueDay} ${pad(before.dueHour)}:${pad(before.dueMinute)}` : null,
      after: `${input.day} ${pad(input.hour)}:${pad(input.minute)}`,
    },
    at: input.at,
  });
}
