import type { UserRecord } from "../db/repositories/users.ts";
import { enqueueMessages, type OutgoingMessage } from "../delivery/outbox-message.ts";
import { formatDateTime, formatPeriodLabel, formatTime } from "../domain/calendar/format.ts";
import { daysBetween, localDateOf } from "../domain/calendar/zone.ts";
import { dueAt, type ReportKind } from "../domain/deadlines.ts";
import { type PeriodUnit, periodContaining, previousPeriod } from "../domain/periods.ts";
import { translator } from "../i18n.ts";
import { loadDeadlineRules } from "../services/deadlines.ts";
import { bodiesOwing } from "../services/owing-bodies.ts";
import type { JobInput, JobOutcome } from "./job.ts";
import { reportLabel } from "./labels.ts";

/** Default: remind 3 days and 1 day before a deadline (then on the day and once when overdue). */
export const DEFAULT_DAYS_BEFORE: readonly number[] = [3, 1];

/** An overdue reminder still goes out this long after the deadline if the day's run was missed. */
const OVERDUE_WINDOW_MS = 7 * 24 * 60 * 60_000;

const UNIT: Record<ReportKind, PeriodUnit> = {
  monthly: "month",
  quarterly: "quarter",
  annual: "year",
};

/** Who makes each report: commissioners the monthly one, officers the indicator reports. */
const MAKER: Record<ReportKind, UserRecord["role"]> = {
  monthly: "commissioner",
  quarterly: "officer",
  annual: "officer",
};

/** The conversation the reminder's button opens (callbacks of the main menu). */
export const REMINDER_CALLBACK: Record<ReportKind, string> = {
  monthly: "menu:monthly",
  quarterly: "menu:indicators",
  annual: "menu:indicators",
};

export type ReminderStage =
  | { stage: "before"; days: number }
  | { stage: "today" }
  | { stage: "overdue" };

/** Which reminder (if any) is due now for a deadline: N days before, on the day, or overdue. */
export function reminderStage(
  now: Date,
  due: Date,
  daysBefore: readonly number[],
  zone: string,
): ReminderStage | undefined {
  if (now.getTime() > due.getTime()) {
    return now.getTime() - due.getTime() <= OVERDUE_WINDOW_MS ? { stage: "overdue" } : undefined;
  }
  const days = daysBetween(localDateOf(now, zone), localDateOf(due, zone));
  if (days === 0) return { stage: "today" };
  return daysBefore.includes(days) ? { stage: "before", days } : undefined;
}

/**
 * Puts reminders in the outbox for every report whose reminder day it is, to the people who make
 * it in bodies that have not submitted it (a returned report counts as not submitted). Each
 * (report, period, stage, person) is enqueued once, however often this runs.
 */
export async function runReminders(
  { repos, now, config, methodology }: JobInput,
  options: { daysBefore?: readonly number[] } = {},
): Promise<JobOutcome> {
  const zone = config.timeZone;
  const rules = await loadDeadlineRules(repos);
  const bodies = await repos.directory.listBodies();
  const messages: OutgoingMessage[] = [];
  for (const kind of ["monthly", "quarterly", "annual"] as const) {
    const justEnded = previousPeriod(periodContaining(UNIT[kind], now, zone));
    for (const periodKey of [previousPeriod(justEnded), justEnded]) {
      const due = dueAt(kind, periodKey, rules, zone);
      const stage = reminderStage(now, due, options.daysBefore ?? DEFAULT_DAYS_BEFORE, zone);
      if (!stage) continue;
      const owing = bodiesOwing(bodies, { kind, periodKey }, methodology, zone);
      const submitted = new Set(
        (await repos.submissions.listByPeriod(kind, periodKey))
          .filter((s) => s.status === "submitted" || s.status === "accepted")
          .map((s) => s.bodyId),
      );
      const makers = await repos.users.listUsers({ role: MAKER[kind], reachableOnly: true });
      for (const user of makers) {
        if (user.bodyId === null || !owing.has(user.bodyId)) continue;
        if (submitted.has(user.bodyId)) continue;
        messages.push(reminderMessage(user, { kind, periodKey, due, stage, zone }));
      }
    }
  }
  return { enqueued: await enqueueMessages(repos, messages, now) };
}

function reminderMessage(
  user: UserRecord,
  r: { kind: ReportKind; periodKey: string; due: Date; stage: ReminderStage; zone: string },
): OutgoingMessage {
  const lang = user.language;
  const t = translator(lang);
  const text = t(`notifications:reminder.${r.stage.stage}`, {
    report: reportLabel(r.kind, lang, true),
    period: formatPeriodLabel(r.periodKey, lang),
    due: formatDateTime(r.due, r.zone),
    time: formatTime(r.due, r.zone),
    left: r.stage.stage === "before" ? t("notifications:daysLeft", { count: r.stage.days }) : "",
  });
  const stageKey = r.stage.stage === "before" ? `before${r.stage.days}` : r.stage.stage;
  return {
    chatId: user.telegramId,
    text,
    keyboard: [
      [{ text: t("notifications:reminder.button"), callback_data: REMINDER_CALLBACK[r.kind] }],
    ],
    idempotencyKey: `reminder:${r.kind}:${r.periodKey}:${stageKey}:user:${user.id}`,
    batch: `reminders:${r.kind}:${r.periodKey}`,
  };
}
