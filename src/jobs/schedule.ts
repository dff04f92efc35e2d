import cron, { type ScheduledTask } from "node-cron";
import type { Config } from "../config.ts";
import type { Repositories } from "../db/index.ts";
import { addDays, fromLocal, instantsAtLocal, toLocal } from "../domain/calendar/zone.ts";
import type { Logger } from "../logger.ts";
import type { MethodologySource } from "../methodology/shelf.ts";
import { type JobRun, runJobOnce, slotOf } from "./job.ts";
import { runLeaderboard } from "./leaderboard.ts";
import { runMissedReportScores } from "./missed-report-scores.ts";
import { runMonthlyDigest } from "./monthly-digest.ts";
import { runReminders } from "./reminders.ts";

/**
 * How late a slot missed while no process ran is still worth running at the next start: until the
 * end of its local day, or for some hours.
 */
export type CatchUp = { until: "endOfDay" } | { hours: number };

/** A scheduled job: its name (the job_run key), cron expression in TIME_ZONE, and logic. */
export interface ScheduledJob {
  name: string;
  cron: string;
  run: JobRun;
  catchUp: CatchUp;
}

/**
 * Missed reports are scored each night, before the morning's reminders; the digest and the
 * leaderboard go out on the 7th, after the 5th's deadline has been scored.
 *
 * Catching up: scoring is right whenever it runs (three days bound the look back; the next night
 * does it anyway). A reminder says "3 days left" or "due today": only its own day. The digest and
 * the leaderboard are the month's news for a few days: three.
 */
export const JOBS: readonly ScheduledJob[] = [
  {
    name: "missed-report-scores",
    cron: "30 0 * * *",
    run: runMissedReportScores,
    catchUp: { hours: 72 },
  },
  {
    name: "reminders",
    cron: "0 10 * * *",
    run: (input) => runReminders(input),
    catchUp: { until: "endOfDay" },
  },
  { name: "monthly-digest", cron: "0 10 7 * *", run: runMonthlyDigest, catchUp: { hours: 72 } },
  { name: "leaderboard", cron: "0 12 7 * *", run: runLeaderboard, catchUp: { hours: 72 } },
];

export interface ScheduleDeps {
  repos: Repositories;
  /** The methodology: read again before each run, so a version uploaded since (anywhere) is used. */
  methodology: MethodologySource;
  config: Pick<Config, "timeZone" | "methodologyVariants">;
  logger: Logger;
  /** The process clock (shifted in tests); slots come from the scheduled minute on it. */
  clock?: () => Date;
  /** Called after a run enqueued messages (wakes the outbox sender). */
  onEnqueued?: () => void;
  jobs?: readonly ScheduledJob[];
}

/** A started schedule; `caughtUp` settles once the slots missed before the start have run. */
export interface Schedule {
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the cron jobs; each schedule slot runs on one instance only (claimJobRun). First, each
 * job's latest slot missed while no process ran (within its catch-up window) runs, as of that
 * slot's minute; a slot that ran before, here or on another instance, is claimed and skipped.
 */
export function startSchedule(deps: ScheduleDeps): Schedule {
  const clock = deps.clock ?? (() => new Date());
  const running = new Set<Promise<unknown>>();
  const zone = deps.config.timeZone;
  const runSlot = (job: ScheduledJob, now: Date, why: "scheduled" | "caught up") => {
    const slot = slotOf(now, zone);
    const log = deps.logger.child({ job: job.name, slot });
    const task = deps.methodology
      .refresh()
      .then(() =>
        runJobOnce(
          job.name,
          job.run,
          { repos: deps.repos, methodology: deps.methodology.book(), now, config: deps.config },
          slot,
        ),
      )
      .then((outcome) => {
        if (!outcome) log.debug("slot already taken");
        else {
          log.info({ enqueued: outcome.enqueued, why }, "job ran");
          if (outcome.enqueued > 0) deps.onEnqueued?.();
        }
      })
      .catch((error: unknown) => log.error({ err: error }, "job failed"))
      .finally(() => running.delete(task));
    running.add(task);
    return task;
  };
  const jobs = deps.jobs ?? JOBS;
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      (context) => {
        // The scheduled minute, shifted like the process clock: identical on every instance.
        const shift = clock().getTime() - Date.now();
        void runSlot(job, new Date(context.date.getTime() + shift), "scheduled");
      },
      { timezone: zone, name: job.name, noOverlap: true },
    ),
  );
  const caughtUp = (async () => {
    const now = clock();
    // In the schedule's order: scores before reminders, the digest before the leaderboard.
    for (const [index, job] of jobs.entries()) {
      const task = tasks[index];
      const missed = task && latestMissedSlot(task, cron.parse(job.cron), now, job.catchUp, zone);
      if (missed) await runSlot(job, missed, "caught up");
    }
  })();
  return {
    caughtUp,
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await caughtUp;
      await Promise.allSettled([...running]);
    },
  };
}

const MINUTE = 60_000;

/** The hours and minutes a cron expression names (node-cron expands ranges, steps and lists). */
export interface CronClock {
  hour: readonly number[];
  minute: readonly number[];
}

/**
 * The latest minute, up to now, at which the task was due and that is still worth running. Only
 * the times of day the expression names are tried, a local day at a time from today back (trying
 * every minute of a three-day window cost a fifth of a second of CPU at each start); the task's
 * own matcher decides each, days of month and week included.
 */
export function latestMissedSlot(
  task: Pick<ScheduledTask, "match">,
  clockOf: CronClock,
  now: Date,
  catchUp: CatchUp,
  zone: string,
): Date | undefined {
  const current = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const hours = "hours" in catchUp ? catchUp.hours : 24;
  const today = toLocal(now, zone);
  const startOfToday = fromLocal({ ...today, hour: 0, minute: 0 }, zone).getTime();
  const earliest = Math.max(
    current - hours * 60 * MINUTE + MINUTE,
    "until" in catchUp ? startOfToday : Number.NEGATIVE_INFINITY,
  );
  for (let back = 0; ; back++) {
    const date = addDays(today, -back);
    // A whole local day before the window: nothing older can be in it.
    const lastMinute = { ...date, hour: 23, minute: 59 };
    const dayEnd = instantsAtLocal(lastMinute, zone).at(-1) ?? fromLocal(lastMinute, zone);
    if (dayEnd.getTime() < earliest) return undefined;
    // The day's latest match: when the clocks go back, a later instant may have an earlier time.
    let latest: Date | undefined;
    for (const hour of clockOf.hour)
      for (const minute of clockOf.minute)
        for (const at of instantsAtLocal({ ...date, hour, minute }, zone)) {
          const time = at.getTime();
          if (time > current || time < earliest || (latest && time <= latest.getTime())) continue;
          if (task.match(at)) latest = at;
        }
    if (latest) return latest;
  }
}
