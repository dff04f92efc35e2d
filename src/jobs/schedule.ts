import cron, { type ScheduledTask } from "node-cron";
import type { Config } from "../config.ts";
import type { Repositories } from "../db/index.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { Logger } from "../logger.ts";
import { type JobRun, runJobOnce, slotOf } from "./job.ts";
import { runLeaderboard } from "./leaderboard.ts";
import { runMissedReportScores } from "./missed-report-scores.ts";
import { runMonthlyDigest } from "./monthly-digest.ts";
import { runReminders } from "./reminders.ts";

/** A scheduled job: its name (the job_run key), cron expression in TIME_ZONE, and logic. */
export interface ScheduledJob {
  name: string;
  cron: string;
  run: JobRun;
}

/**
 * Missed reports are scored each night, before the morning's reminders; the digest and the
 * leaderboard go out on the 7th, after the 5th's deadline has been scored.
 */
export const JOBS: readonly ScheduledJob[] = [
  { name: "missed-report-scores", cron: "30 0 * * *", run: runMissedReportScores },
  { name: "reminders", cron: "0 10 * * *", run: (input) => runReminders(input) },
  { name: "monthly-digest", cron: "0 10 7 * *", run: runMonthlyDigest },
  { name: "leaderboard", cron: "0 12 7 * *", run: runLeaderboard },
];

export interface ScheduleDeps {
  repos: Repositories;
  /** The live book: read at each run, so a version uploaded since is used. */
  methodology: () => MethodologyBook;
  config: Pick<Config, "timeZone" | "methodologyVariants">;
  logger: Logger;
  /** The process clock (shifted in tests); slots come from the scheduled minute on it. */
  clock?: () => Date;
  /** Called after a run enqueued messages (wakes the outbox sender). */
  onEnqueued?: () => void;
  jobs?: readonly ScheduledJob[];
}

/** Starts the cron jobs; each schedule slot runs on one instance only (claimJobRun). */
export function startSchedule(deps: ScheduleDeps): { stop(): Promise<void> } {
  const clock = deps.clock ?? (() => new Date());
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = (deps.jobs ?? JOBS).map((job) =>
    cron.schedule(
      job.cron,
      (context) => {
        // The scheduled minute, shifted like the process clock: identical on every instance.
        const shift = clock().getTime() - Date.now();
        const now = new Date(context.date.getTime() + shift);
        const slot = slotOf(now, deps.config.timeZone);
        const log = deps.logger.child({ job: job.name, slot });
        const task = runJobOnce(
          job.name,
          job.run,
          { repos: deps.repos, methodology: deps.methodology(), now, config: deps.config },
          slot,
        )
          .then((outcome) => {
            if (!outcome) log.debug("slot already taken by another instance");
            else {
              log.info({ enqueued: outcome.enqueued }, "job ran");
              if (outcome.enqueued > 0) deps.onEnqueued?.();
            }
          })
          .catch((error: unknown) => log.error({ err: error }, "job failed"))
          .finally(() => running.delete(task));
        running.add(task);
      },
      { timezone: deps.config.timeZone, name: job.name, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.allSettled([...running]);
    },
  };
}
