import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { MigrationError } from "../../src/db/errors.ts";
import {
  defaultPrismaDir,
  diffSchemaAgainstMigrations,
  migrateDatabase,
  migrationStatus,
} from "../../src/db/migrations.ts";
import { backends, openEmptyDatabase } from "./database.ts";

const scratch = mkdtempSync(join(tmpdir(), "adaldyq-migrations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the migrations folder", () => {
  test("is in sync with schema.prisma (the schema diff is empty)", async () => {
    expect(await diffSchemaAgainstMigrations()).toBe("");
  });

  test("would report a schema change that has no migration yet", async () => {
    const prismaDir = join(scratch, "changed");
    cpSync(defaultPrismaDir, prismaDir, { recursive: true });
    const schema = join(prismaDir, "schema.prisma");
    writeFileSync(schema, `${readFileSync(schema, "utf8")}\nmodel Extra {\n  id Int @id\n}\n`);
    expect(await diffSchemaAgainstMigrations({ prismaDir })).toMatch(/CREATE TABLE "Extra"/);
  });
});

for (const backend of backends) {
  describe.skipIf(!backend.available)(`migrating [${backend.name}]`, () => {
    test("takes an empty database to head, then has nothing left to apply", async () => {
      const db = await openEmptyDatabase(backend.name);
      try {
        const before = await migrationStatus(db);
        expect(before.upToDate).toBe(false);
        expect(before.pending.length).toBeGreaterThan(0);

        const { applied } = await migrateDatabase(db);
        expect(applied).toEqual(before.pending);
        expect(await migrationStatus(db)).toMatchObject({
          upToDate: true,
          pending: [],
          failed: [],
        });
        expect(await migrateDatabase(db)).toEqual({ applied: [] });

        const rules = await db.prisma.deadlineRule.findMany({ orderBy: { reportKind: "asc" } });
        expect(rules.map((r) => [r.reportKind, r.dueDay])).toEqual([
          ["monthly", 5],
          ["quarterly", 10],
          ["annual", 15],
        ]);
      } finally {
        await db.close();
      }
    });

    test("a failing migration throws a clear error and leaves the database as it was", async () => {
      const prismaDir = join(scratch, backend.name);
      cpSync(defaultPrismaDir, prismaDir, { recursive: true });
      const broken = join(prismaDir, "migrations", "29990101000000_broken");
      mkdirSync(broken);
      writeFileSync(
        join(broken, "migration.sql"),
        'CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n',
      );
      const db = await openEmptyDatabase(backend.name);
      try {
        const error = await migrateDatabase(db, { prismaDir }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MigrationError);
        expect((error as MigrationError).migrationName).toBe("29990101000000_broken");
        expect((error as Error).message).toMatch(/no_such_table/);

        const tables = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
          "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_done'",
        );
        expect(Number(tables[0]?.n)).toBe(0);
        const status = await migrationStatus(db, { prismaDir });
        expect(status.failed).toEqual([]);
        expect(status.pending).toEqual(["29990101000000_broken"]);
      } finally {
        await db.close();
      }
    });
  });
}
