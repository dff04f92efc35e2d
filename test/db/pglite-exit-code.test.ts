// PGlite's Emscripten runtime sets process.exitCode to 100 on every failed statement: a test run
// whose global setup met one (a fresh template's first start reads a history table not there yet)
// ended with 100 although every test passed. A failed statement must leave the process's code.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "../../src/db/index.ts";
import { createRepositories } from "../../src/db/repositories/index.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase("pglite:memory");
});
afterAll(() => db.close());

/** The process's exit code after `work`, from a known one. */
async function exitCodeAfter(work: () => Promise<unknown>): Promise<unknown> {
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await work().catch(() => undefined);
    return process.exitCode;
  } finally {
    process.exitCode = before;
  }
}

it("keeps the process's exit code over failed statements on the embedded database", async () => {
  // Migrating a new database: the first statement finds no migration history.
  expect(await exitCodeAfter(() => migrateDatabase(db))).toBeUndefined();
  const repos = createRepositories(db);
  const body = { code: "X1", kind: "regional" as const, nameKk: "X1", nameRu: "X1" };
  expect((await repos.directory.createBody(body)).ok).toBe(true);
  expect(await exitCodeAfter(() => repos.directory.createBody(body))).toBeUndefined();
  expect(
    await exitCodeAfter(() => db.sql.query("SELECT * FROM no_such_table", [])),
  ).toBeUndefined();
  expect(
    await exitCodeAfter(() =>
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SELECT * FROM no_such_table");
      }),
    ),
  ).toBeUndefined();
});
