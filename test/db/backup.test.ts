import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test, vi } from "vitest";
import {
  backupDatabase,
  migrateDatabase,
  openDatabase,
  restoreDatabase,
} from "../../src/db/index.ts";
import { createRepositories } from "../../src/db/repositories/index.ts";

// Each test opens embedded databases several times: slow when other test files share the cores.
vi.setConfig({ testTimeout: 240_000 });

const scratch = mkdtempSync(join(tmpdir(), "adaldyq-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test("backup then restore round-trips the embedded database, keeping the old folder aside", async () => {
  const dataDir = join(scratch, "pglite");
  const archive = join(scratch, "backups", "one.tar.gz");
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
