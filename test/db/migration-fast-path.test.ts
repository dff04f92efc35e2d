// A start on a database that already has every migration reads the history once and leaves the
// schema engine unloaded; any other history goes to the engine, which answers as it always has.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { type Database, MigrationError } from "../../src/db/index.ts";
import {
  defaultPrismaDir,
  migrateDatabase,
  migrationStatus,
  schemaEngineRuns,
} from "../../src/db/migrations.ts";
import { countStatements } from "../../src/db/statement-count.ts";
import { backends, openEmptyDatabase, openMigratedDatabase } from "./database.ts";

const scratch = mkdtempSync(join(tmpdir(), "adaldyq-fast-path-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const migrationsDir = join(defaultPrismaDir, "migrations");
const INIT = "20261123112830_init";

/** A copy of prisma/ to change; `change` edits its migrations folder. */
function prismaCopy(name: string, change: (migrations: string) => void): string {
  const prismaDir = join(scratch, name);
  cpSync(defaultPrismaDir, prismaDir, { recursive: true });
  change(join(prismaDir, "migrations"));
  return prismaDir;
}

/** Runs `work` and tells how many times it started the schema engine. */
async function engineRunsOf<T>(work: () => Promise<T>): Promise<{ result: T; runs: number }> {
  const before = schemaEngineRuns();
  const result = await work();
  return { result, runs: schemaEngineRuns() - before };
}

async function lastApplied(db: Database): Promise<string> {
  const rows = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT max(migration_name) AS name FROM "_prisma_migrations"`,
  );
  return rows[0]?.name ?? "";
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(`the migration step at start [${backend.name}]`, () => {
    const withMigrated = async (work: (db: Database) => Promise<void>) => {
      const db = await openMigratedDatabase(backend.name);
      try {
        await work(db);
      } finally {
        await db.close();
      }
    };

    test("an up-to-date database: one statement, no schema engine", () =>
      withMigrated(async (db) => {
        const { result, runs } = await engineRunsOf(() =>
          countStatements(() => migrateDatabase(db)),
        );
        expect(result).toEqual({ result: { applied: [] }, statements: 1 });
        expect(runs).toBe(0);
        const status = await engineRunsOf(() => migrationStatus(db));
        expect(status).toEqual({
          result: {
            upToDate: true,
            hasMigrationsTable: true,
            pending: [],
            failed: [],
            edited: [],
            unknown: [],
          },
          runs: 0,
        });
      }));

    test("the checksum it compares is the one Prisma recorded", () =>
      withMigrated(async (db) => {
        const rows = await db.prisma.$queryRawUnsafe<{ checksum: string }[]>(
          `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1`,
          INIT,
        );
        const file = readFileSync(join(migrationsDir, INIT, "migration.sql"));
        expect(rows[0]?.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      }));

    test("a new migration in the folder goes to the engine, which applies it", () =>
      withMigrated(async (db) => {
        const prismaDir = prismaCopy(`${backend.name}-new`, (migrations) => {
          mkdirSync(join(migrations, "29990101000000_extra"));
          writeFileSync(
            join(migrations, "29990101000000_extra", "migration.sql"),
            'CREATE TABLE "extra_table" (id int);\n',
          );
        });
        const applied = await engineRunsOf(() => migrateDatabase(db, { prismaDir }));
        expect(applied.result).toEqual({ applied: ["29990101000000_extra"] });
        expect(applied.runs).toBeGreaterThan(0);
        // Now the history matches that folder: the next start skips the engine again.
        expect(await engineRunsOf(() => migrateDatabase(db, { prismaDir }))).toEqual({
          result: { applied: [] },
          runs: 0,
        });
      }));

    test("an applied migration whose file changed goes to the engine, which refuses", () =>
      withMigrated(async (db) => {
        const prismaDir = prismaCopy(`${backend.name}-edited`, (migrations) => {
          const file = join(migrations, INIT, "migration.sql");
          writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited\n`);
        });
        const { result, runs } = await engineRunsOf(() =>
          migrateDatabase(db, { prismaDir }).catch((error: unknown) => error),
        );
        expect(result).toBeInstanceOf(MigrationError);
        expect((result as Error).message).toBe(`Applied migrations were edited since: ${INIT}`);
        expect(runs).toBeGreaterThan(0);
      }));

    test("a migration recorded as failed goes to the engine, which refuses", () =>
      withMigrated(async (db) => {
        const last = await lastApplied(db);
        await db.prisma.$executeRawUnsafe(
          `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`,
          last,
        );
        const { result, runs } = await engineRunsOf(() =>
          migrateDatabase(db).catch((error: unknown) => error),
        );
        expect(result).toBeInstanceOf(MigrationError);
        expect((result as Error).message).toBe(
          `Migrations failed earlier and need attention: ${last}`,
        );
        expect(runs).toBeGreaterThan(0);
      }));

    test("a migration the folder lacks goes to the engine, which refuses", () =>
      withMigrated(async (db) => {
        await db.prisma.$executeRawUnsafe(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ('newer', 'x', now(), '29990101000000_newer', now(), 1)`,
        );
        const { result, runs } = await engineRunsOf(() =>
          migrateDatabase(db).catch((error: unknown) => error),
        );
        expect(result).toBeInstanceOf(MigrationError);
        expect((result as Error).message).toMatch(/does not know .*29990101000000_newer/);
        expect(runs).toBeGreaterThan(0);
      }));

    test("a rolled-back migration goes to the engine, which counts it as pending", () =>
      withMigrated(async (db) => {
        const last = await lastApplied(db);
        await db.prisma.$executeRawUnsafe(
          `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`,
          last,
        );
        const { result, runs } = await engineRunsOf(() => migrationStatus(db));
        expect(result).toMatchObject({ upToDate: false, pending: [last], failed: [] });
        expect(runs).toBeGreaterThan(0);
      }));

    test("an empty database (no history table) goes to the engine", async () => {
      const db = await openEmptyDatabase(backend.name);
      try {
        const { result, runs } = await engineRunsOf(() => migrationStatus(db));
        expect(result).toMatchObject({ upToDate: false, hasMigrationsTable: false });
        expect(runs).toBeGreaterThan(0);
      } finally {
        await db.close();
      }
    });
  });
}
