import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test, vi } from "vitest";
import {
  backupDatabase,
  DataFolderError,
  migrateDatabase,
  openDatabase,
  restoreDatabase,
} from "../../src/db/index.ts";
import { createRepositories } from "../../src/db/repositories/index.ts";
import { copyPgliteTemplate } from "../support/scratch-database.ts";
import { tarGz } from "../support/tar.ts";

// Each test opens embedded databases several times: slow when other test files share the cores.
vi.setConfig({ testTimeout: 240_000 });

const scratch = mkdtempSync(join(tmpdir(), "adaldyq-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test("backup then restore round-trips the embedded database, keeping the old folder aside", async () => {
  const dataDir = join(scratch, "pglite");
  const archive = join(scratch, "backups", "one.tar.gz");
  copyPgliteTemplate(dataDir);
  const db = await openDatabase(`pglite:${dataDir}`);
  await migrateDatabase(db);
  const repos = createRepositories(db);
  await repos.directory.createBody({
    code: "KZ-1",
    kind: "central",
    nameKk: "Бір",
    nameRu: "Один",
  });
  await repos.botState.storage("session").write("1", { lang: "kk" });
  const backup = await backupDatabase(db, archive);
  expect(backup).toMatchObject({ ok: true, file: archive });
  // Written after the backup: must be gone after the restore.
  await repos.directory.createBody({ code: "KZ-2", kind: "central", nameKk: "Екі", nameRu: "Два" });
  await db.close();

  const restored = await restoreDatabase(archive, dataDir, new Date("2026-10-05T09:00:00Z"));
  expect(restored).toEqual({
    ok: true,
    dataDir,
    movedAsideTo: `${dataDir}.before-restore-20261005090000`,
  });

  const reopened = await openDatabase(`pglite:${dataDir}`);
  try {
    const again = createRepositories(reopened);
    expect((await again.directory.listBodies()).map((b) => b.code)).toEqual(["KZ-1"]);
    expect(await again.botState.storage("session").read("1")).toEqual({ lang: "kk" });
    expect(await migrateDatabase(reopened)).toEqual({ applied: [] });
  } finally {
    await reopened.close();
  }
});

test("restoring a missing file is refused and touches nothing", async () => {
  expect(await restoreDatabase(join(scratch, "nope.tar.gz"), join(scratch, "x"))).toEqual({
    ok: false,
    reason: "fileMissing",
  });
});

/** A migrated embedded database in a fresh folder holding one body; returns the folder. */
async function databaseWithOneBody(name: string): Promise<string> {
  const dataDir = join(scratch, name, "pglite");
  copyPgliteTemplate(dataDir);
  const db = await openDatabase(`pglite:${dataDir}`);
  try {
    await migrateDatabase(db);
    await createRepositories(db).directory.createBody({
      code: "KEEP",
      kind: "central",
      nameKk: "Сақта",
      nameRu: "Сохранить",
    });
  } finally {
    await db.close();
  }
  return dataDir;
}

async function bodyCodes(dataDir: string): Promise<string[]> {
  const db = await openDatabase(`pglite:${dataDir}`);
  try {
    return (await createRepositories(db).directory.listBodies()).map((b) => b.code);
  } finally {
    await db.close();
  }
}

test("an archive with ../ entries is refused naming the entry, and the database stays as it was", async () => {
  const dataDir = await databaseWithOneBody("traversal");
  const archive = join(scratch, "traversal.tar.gz");
  writeFileSync(
    archive,
    tarGz([
      { name: "/PG_VERSION", data: "17\n" },
      { name: "/base/../../../escaped.txt", data: "owned" },
    ]),
  );
  const result = await restoreDatabase(archive, dataDir);
  expect(result).toEqual({
    ok: false,
    reason: "badArchive",
    problem: 'entry "/base/../../../escaped.txt" would be written outside the database folder',
  });
  expect(existsSync(join(scratch, "escaped.txt"))).toBe(false);
  expect(await bodyCodes(dataDir)).toEqual(["KEEP"]);
});

test("an archive that is no database backup is refused, and the database stays as it was", async () => {
  const dataDir = await databaseWithOneBody("garbage");
  const notGzip = join(scratch, "garbage.tar.gz");
  writeFileSync(notGzip, "this is not an archive");
  expect(await restoreDatabase(notGzip, dataDir)).toMatchObject({
    ok: false,
    reason: "badArchive",
    problem: expect.stringMatching(/not a \.tar\.gz/),
  });
  const noDatabase = join(scratch, "nodb.tar.gz");
  writeFileSync(noDatabase, tarGz([{ name: "/readme.txt", data: "hello" }]));
  expect(await restoreDatabase(noDatabase, dataDir)).toMatchObject({
    ok: false,
    reason: "badArchive",
    problem: expect.stringMatching(/PG_VERSION/),
  });
  const link = join(scratch, "link.tar.gz");
  writeFileSync(
    link,
    tarGz([
      { name: "/PG_VERSION", data: "17\n" },
      { name: "/base/x", type: "2", linkTo: "/etc/passwd" },
    ]),
  );
  expect(await restoreDatabase(link, dataDir)).toMatchObject({
    ok: false,
    reason: "badArchive",
    problem: expect.stringMatching(/link/),
  });
  expect(readdirSync(join(scratch, "garbage"))).toEqual(["pglite", "pglite.marker"]);
  expect(await bodyCodes(dataDir)).toEqual(["KEEP"]);
});

test("an archive PGlite cannot open is refused before the folder is touched", async () => {
  const dataDir = await databaseWithOneBody("corrupt");
  const archive = join(scratch, "corrupt.tar.gz");
  writeFileSync(archive, tarGz([{ name: "/PG_VERSION", data: "17\n" }, { name: "/base/1" }]));
  expect(await restoreDatabase(archive, dataDir)).toMatchObject({
    ok: false,
    reason: "badArchive",
    problem: expect.stringMatching(/could not be opened/),
  });
  expect(readdirSync(join(scratch, "corrupt"))).toEqual(["pglite", "pglite.marker"]);
  expect(await bodyCodes(dataDir)).toEqual(["KEEP"]);
});

test("a start that finds the folder emptied where a database was refuses, naming a folder set aside", async () => {
  const dataDir = await databaseWithOneBody("emptied");
  rmSync(dataDir, { recursive: true });
  const missing = await openDatabase(`pglite:${dataDir}`).catch((error: unknown) => error);
  expect(missing).toBeInstanceOf(DataFolderError);
  expect((missing as DataFolderError).problem).toBe("emptied");
  expect((missing as Error).message).toMatch(/a database was created there on \d{4}-\d{2}-\d{2}/);
  // Nothing was created in its place.
  expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(false);

  // A restore interrupted between its two renames leaves the old folder aside: the message names it.
  const aside = `${dataDir}.before-restore-20261005090000`;
  mkdirSync(join(aside, "base"), { recursive: true });
  const interrupted = await openDatabase(`pglite:${dataDir}`).catch((error: unknown) => error);
  expect((interrupted as Error).message).toContain(aside);
});
