// One migrated in-memory database per test file, emptied before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createRepositories, type Database, type Repositories } from "../../src/db/index.ts";
import type { JobInput } from "../../src/jobs/job.ts";
import { resetDatabase } from "../db/database.ts";
import { openMigratedPglite } from "../support/scratch-database.ts";

/** Almaty: UTC+5. */
export const jobConfig: JobInput["config"] = { timeZone: "Asia/Almaty", methodologyVariants: {} };

/** A local Almaty time as an instant: almaty("2026-11-02T10:00"). */
export function almaty(local: string): Date {
  return new Date(`${local}:00+05:00`);
}

/** Gives the file a fresh database before each test; read ctx.repos inside tests. */
export function useJobDatabase(): { repos: Repositories; db: Database } {
  const ctx = {} as { repos: Repositories; db: Database };
  beforeAll(async () => {
    ctx.db = await openMigratedPglite();
    ctx.repos = createRepositories(ctx.db);
  });
  afterAll(async () => {
    await ctx.db?.close();
  });
  beforeEach(async () => {
    await resetDatabase(ctx.db);
  });
  return ctx;
}

/** Every message waiting in the outbox, oldest first. */
export async function outboxOf(db: Database) {
  const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
  return rows.map((row) => ({
    chatId: Number(row.chatId),
    text: row.text,
    key: row.idempotencyKey,
    replyMarkup: row.replyMarkup,
    attachments: row.attachments,
    batch: row.batch,
  }));
}
