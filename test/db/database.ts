// Runs one suite against embedded PGlite (in memory) and a throwaway PostgreSQL server.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "../../src/db/index.ts";
import { createRepositories, type Repositories } from "../../src/db/repositories/index.ts";
import { type PostgresServer, postgresAvailable, startPostgres } from "../support/postgres.ts";

export type BackendName = "pglite" | "postgres";

export interface DatabaseContext {
  backend: BackendName;
  db: Database;
  repos: Repositories;
}

const withServer = postgresAvailable();

/** The backends this machine can run: always PGlite, PostgreSQL when its binaries exist (required on CI). */
export const backends: { name: BackendName; available: boolean }[] = [
  { name: "pglite", available: true },
  { name: "postgres", available: withServer },
];

let server: Promise<PostgresServer> | undefined;

/** An empty database of the backend, not migrated. The file's server stops in afterAll. */
export async function openEmptyDatabase(backend: BackendName): Promise<Database> {
  if (backend === "pglite") return openDatabase("pglite:memory");
  server ??= startPostgres();
  const url = await (await server).createDatabase(`t_${randomUUID().replace(/-/g, "")}`);
  return openDatabase(url);
}

afterAll(async () => {
  if (server) await (await server).stop();
  server = undefined;
});

/** TRUNCATE bypasses the immutability triggers (they are row-level), so each test starts clean. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.prisma.$executeRawUnsafe(`
    TRUNCATE body, body_member, app_user, invite, invite_redemption, submission, submission_version,
      submission_value, submission_event, evidence, review_decision, draft, score, bot_state,
      processed_update, outbox_message, outbox_file, audit_log, job_run RESTART IDENTITY CASCADE`);
  await db.prisma.$executeRawUnsafe(`
    UPDATE deadline_rule SET month_offset = 1, due_hour = 18, due_minute = 0,
      due_day = CASE report_kind WHEN 'monthly' THEN 5 WHEN 'quarterly' THEN 10 ELSE 15 END`);
}

/** Declares `body` once per backend with a migrated database that is emptied before each test. */
export function describeDatabases(title: string, body: (ctx: DatabaseContext) => void): void {
  for (const backend of backends) {
    describe.skipIf(!backend.available)(`${title} [${backend.name}]`, () => {
      const ctx = { backend: backend.name } as DatabaseContext;
      beforeAll(async () => {
        ctx.db = await openEmptyDatabase(backend.name);
        await migrateDatabase(ctx.db);
        ctx.repos = createRepositories(ctx.db);
      });
      afterAll(async () => {
        await ctx.db?.close();
      });
      beforeEach(async () => {
        await resetDatabase(ctx.db);
      });
      body(ctx);
    });
  }
}
