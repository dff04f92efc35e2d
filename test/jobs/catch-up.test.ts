import { afterEach, describe, expect, it } from "vitest";
import { JOBS, type ScheduledJob, startSchedule } from "../../src/jobs/schedule.ts";
import { filesOnly } from "../../src/methodology/shelf.ts";
import { createMemoryLogger } from "../support/memory-logger.ts";
import { BOOK } from "../support/methodology.ts";
import { seedBody, seedUser } from "../support/seed.ts";
import { almaty, jobConfig, outboxOf, useJobDatabase } from "./support.ts";

describe("catching up, on start, the slots missed while the bot was down", () => {
  const ctx = useJobDatabase();
  const running: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((schedule) => schedule.stop()));
  });

  /** Starts the schedule on a fixed clock; resolves once its catch-up is done. */
  async function startAt(local: string, jobs: readonly ScheduledJob[] = JOBS) {
    const now = almaty(local);
    const schedule = startSchedule({
      repos: ctx.repos,
      methodology: filesOnly(BOOK),
      config: jobConfig,
      logger: createMemoryLogger().logger,
      clock: () => now,
      jobs,
    });
    running.push(schedule);
    await schedule.caughtUp;
  }

  /** The real schedule with each job's work replaced by a note of when it ran. */
  function recordingJobs() {
    const ran: string[] = [];
    const jobs = JOBS.map((job) => ({
      ...job,
      run: async ({ now }: { now: Date }) => {
        ran.push(`${job.name} as of ${now.toISOString()}`);
        return { enqueued: 0 };
      },
    }));
    return { jobs, ran };
  }

  const claimed = async () =>
    (await ctx.db.prisma.jobRun.findMany({ orderBy: [{ job: "asc" }, { slot: "asc" }] })).map(
      (r) => `${r.job} ${r.slot}`,
    );

  it("sends the day's 10:00 reminders when the bot starts at 14:30 the same day, once across instances", async () => {
    const body = await seedBody(ctx.repos, { code: "A" });
    await seedUser(ctx.repos, { telegramId: 101, role: "commissioner", bodyId: body.id });
    // 2 November: three days before the October report's deadline (5 November, 18:00).
    await startAt("2026-11-02T14:30");
    expect((await outboxOf(ctx.db)).map((m) => m.key)).toEqual([
      "reminder:monthly:2026-10:before3:user:1",
    ]);
    // A second instance starting a minute later finds the slot taken.
    await startAt("2026-11-02T14:31");
    expect(await outboxOf(ctx.db)).toHaveLength(1);
    expect(await claimed()).toEqual([
      "missed-report-scores 2026-11-02T00:30",
      "reminders 2026-11-02T10:00",
    ]);
  });

  it("runs each job as of its missed minute, and only the latest missed one", async () => {
    const { jobs, ran } = recordingJobs();
    // Down from the 6th to the morning of the 9th: the 7th's digest and leaderboard are still news.
    await startAt("2026-11-09T08:00", jobs);
    expect(ran).toEqual([
      `missed-report-scores as of ${almaty("2026-11-09T00:30").toISOString()}`,
      `monthly-digest as of ${almaty("2026-11-07T10:00").toISOString()}`,
      `leaderboard as of ${almaty("2026-11-07T12:00").toISOString()}`,
    ]);
  });

  it("leaves a reminder day that is over, and a digest more than three days late", async () => {
    const { jobs, ran } = recordingJobs();
    await startAt("2026-11-11T09:00", jobs);
    expect(ran).toEqual([`missed-report-scores as of ${almaty("2026-11-11T00:30").toISOString()}`]);
    expect(await claimed()).toEqual(["missed-report-scores 2026-11-11T00:30"]);
  });

  it("runs nothing twice when the slot ran before the bot went down", async () => {
    const { jobs, ran } = recordingJobs();
    await ctx.repos.jobRuns.claimJobRun(
      "reminders",
      "2026-11-02T10:00",
      almaty("2026-11-02T10:00"),
    );
    await ctx.repos.jobRuns.claimJobRun(
      "missed-report-scores",
      "2026-11-02T00:30",
      almaty("2026-11-02T00:30"),
    );
    await startAt("2026-11-02T14:30", jobs);
    expect(ran).toEqual([]);
  });
});
