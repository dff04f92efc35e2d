// Runs one suite against embedded PGlite and the run's PostgreSQL server, each database a copy of
// the migrated template (see test/support/global-setup.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "../../src/db/index.ts";
import { createRepositories, type Repositories } from "../../src/db/repositories/index.ts";
import {
  connectPostgres,
  type PostgresDatabases,
  postgresAvailable,
  startPostgres,
} from "../support/postgres.ts";
import { openMigratedPglite, sharedPostgres } from "../support/scratch-database.ts";

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

let server: Promise<PostgresDatabases & { stop(): Promise<void> }> | undefined;

/** The run's server; a file run without the db project's global setup starts (and stops) its own. */
function postgresServer(): Promise<PostgresDatabases & { stop(): Promise<void> }> {
  const shared = sharedPostgres();
  server ??= shared ? Promise.resolve(connectPostgres(shared.adminUrl)) : startPostgres();
  return server;
}

const uniqueName = () => `t_${randomUUID().replace(/-/g, "")}`;

/** An empty database of the backend, not migrated (for the migration tests). */
export async function openEmptyDatabase(backend: BackendName): Promise<Database> {
  if (backend === "pglite") return openDatabase("pglite:memory");
  return openDatabase(await (await postgresServer()).createDatabase(uniqueName()));
}

/** A new migrated database on the PostgreSQL server (a copy of the template); its URL. */
export async function createMigratedPostgresDatabase(): Promise<string> {
  const template = sharedPostgres()?.template;
  const url = await (await postgresServer()).createDatabase(uniqueName(), { template });
  if (!template) await migrateDatabase(url);
  return url;
}

/** A migrated database of the backend of the file's own. */
export async function openMigratedDatabase(backend: BackendName): Promise<Database> {
  if (backend === "pglite") return openMigratedPglite();
  return openDatabase(await createMigratedPostgresDatabase());
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
      processed_update, outbox_message, outbox_file, audit_log, job_run, uploaded_methodology
      RESTART IDENTITY CASCADE`);
  await db.prisma.$executeRawUnsafe(`
    UPDATE deadline_rule SET month_offset = 1, due_hour = 18, due_minute = 0,
      due_day = CASE report_kind WHEN 'monthly' THEN 5 WHEN 'quarterly' THEN 10 ELSE 15 END`);
}

/**
 * One migrated database per backend for all the suites a worker runs (isolate: false keeps this
 * module, and so the map, from file to file). Each test starts from resetDatabase either way, so
 * a suite sees what a database of its own would show, without a copy and a start of its own
 * (a third of a second of CPU for PGlite, a CREATE DATABASE on the server). Left open until the
 * worker exits.
 */
const workerDatabases = new Map<BackendName, Promise<Database>>();

function workerDatabase(backend: BackendName): Promise<Database> {
  let db = workerDatabases.get(backend);
  if (!db) {
    db = openMigratedDatabase(backend);
    workerDatabases.set(backend, db);
    // A failed open is not kept: the next suite tries again.
    db.catch(() => workerDatabases.delete(backend));
  }
  return db;
}

/** Declares `body` once per backend with a migrated database that is emptied before each test. */
export function describeDatabases(title: string, body: (ctx: DatabaseContext) => void): void {
  for (const backend of backends) {
    describe.skipIf(!backend.available)(`${title} [${backend.name}]`, () => {
      const ctx = { backend: backend.name } as DatabaseContext;
      beforeAll(async () => {
        ctx.db = await workerDatabase(backend.name);
        // Repositories of its own: their caches (deadline rules…) start empty, as at a start.
        ctx.repos = createRepositories(ctx.db);
      });
      beforeEach(async () => {
        await resetDatabase(ctx.db);
      });
      body(ctx);
    });
  }
}
