import type { PrismaClient } from "../generated/client.ts";

/** "Each cron job fires once": the first process to claim (job, slot) runs it, the rest skip. */
export function createJobRunsRepository(prisma: PrismaClient) {
  return {
    /** True only for the first claim of a job's schedule slot (e.g. "reminders", "2026-10-05T09:00"). */
    async claimJobRun(job: string, slot: string, at: Date = new Date()): Promise<boolean> {
      const { count } = await prisma.jobRun.createMany({
        data: [{ job, slot, claimedAt: at }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    /** Records how a claimed run ended ("ok", or an error summary). */
    async finishJobRun(
      job: string,
      slot: string,
      outcome: string,
      at: Date = new Date(),
    ): Promise<void> {
      await prisma.jobRun.updateMany({ where: { job, slot }, data: { finishedAt: at, outcome } });
    },

    async getJobRun(
      job: string,
      slot: string,
    ): Promise<{ claimedAt: Date; finishedAt: Date | null; outcome: string | null } | undefined> {
      const row = await prisma.jobRun.findUnique({
        where: { job_slot: { job, slot } },
        select: { claimedAt: true, finishedAt: true, outcome: true },
      });
      return row ?? undefined;
    },
  };
}
