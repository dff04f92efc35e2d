import { dueAt, type ReportKind } from "../domain/deadlines.ts";
import { periodContaining, previousPeriod } from "../domain/periods.ts";
import { loadDeadlineRules } from "../services/deadlines.ts";
import { recomputePeriodScores } from "../services/report-scores.ts";
import type { JobInput, JobOutcome } from "./job.ts";

const UNIT: Record<ReportKind, "month" | "quarter" | "year"> = {
  monthly: "month",
  quarterly: "quarter",
  annual: "year",
};

/**
 * After a deadline, a body that has not reported is scored as having reported nothing: its
 * penalties count in the standings instead of being dodged by staying silent. A late report
 * replaces those scores when it is submitted; a returned one falls back to them here.
 */
export async function runMissedReportScores({
  repos,
  methodology,
  now,
  config,
}: JobInput): Promise<JobOutcome> {
  const rules = await loadDeadlineRules(repos);
  const bodies = await repos.directory.listBodies();
  for (const kind of Object.keys(UNIT) as ReportKind[]) {
    const current = periodContaining(UNIT[kind], now, config.timeZone);
    // The two periods before the current one: the latest whose deadline may have passed, and the
    // one before it, whose deadline surely has (deadlines fall within the following period).
    const last = previousPeriod(current);
    for (const periodKey of [last, previousPeriod(last)]) {
      if (dueAt(kind, periodKey, rules, config.timeZone) > now) continue;
      await recomputePeriodScores(
        repos,
        methodology,
        { bodies, kind, periodKey },
        { variants: config.methodologyVariants, now, missed: true },
      );
    }
  }
  return { enqueued: 0 };
}
