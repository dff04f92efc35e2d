// Throwaway databases for one test file, copied from the run's migrated templates (made by
// test/support/global-setup.ts) instead of created and migrated from scratch. The migration itself
// is tested from scratch in test/db/migrations.test.ts and by the two-instance test.
import { accessSync, constants, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, migrateDatabase, openDatabase } from "../../src/db/index.ts";
import { provided } from "./provided.ts";

/** Where throwaway databases go: memory-backed /dev/shm when there is one (PGlite writes a lot). */
export function scratchRoot(): string {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
}

const scratchDirs = new Set<string>();
// A failed test must not leave 40 MB folders behind.
process.once("exit", () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under scratchRoot(), removed when the process exits (or by removeScratch). */
export function makeScratchDir(prefix: string): string {
  const dir = mkdtempSync(join(scratchRoot(), prefix));
  scratchDirs.add(dir);
  return dir;
}

/** Removes a folder made by makeScratchDir. */
export function removeScratch(dir: string): void {
  scratchDirs.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** The template folder the run's global setup made; undefined outside the db and e2e projects. */
export function pgliteTemplate(): string | undefined {
  return provided("pgliteTemplate");
}

/**
 * Fills `dataDir` (which must not exist yet) with a migrated PGlite database. Outside the db and
 * e2e projects (no global setup) the caller's first migration makes it instead.
 */
export function copyPgliteTemplate(dataDir: string): void {
  const template = pgliteTemplate();
  if (template) cpSync(template, dataDir, { recursive: true });
}

/** A migrated PGlite database of its own in a scratch folder; close() removes the folder. */
export async function openMigratedPglite(): Promise<Database> {
  const dir = makeScratchDir("adaldyq-db-");
  copyPgliteTemplate(join(dir, "pglite"));
  const db = await openDatabase(`pglite:${join(dir, "pglite")}`);
  // Without a template (a file run outside the projects' global setup) it migrates from scratch.
  if (!pgliteTemplate()) await migrateDatabase(db);
  const close = db.close;
  db.close = async () => {
    await close();
    removeScratch(dir);
  };
  return db;
}

/** The run's PostgreSQL server and its migrated template (db project), if the setup started one. */
export function sharedPostgres(): { adminUrl: string; template: string } | undefined {
  return provided("postgres");
}
