import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";
import { truncateGraphemes } from "../domain/text/graphemes.ts";
import { checkBackupArchive } from "./backup-archive.ts";
import { lockDataFolder, markDatabaseCreated } from "./embedded-folder.ts";
import { type Database, databaseInternals, startPglite } from "./open-database.ts";

export type BackupResult =
  | { ok: true; file: string; bytes: number }
  | { ok: false; reason: "serverDatabase" };

/**
 * Writes a consistent .tar.gz of an embedded database's folder (PGlite dumpDataDir).
 * A PostgreSQL server is backed up with its own tools: `pg_dump --format=custom "$DATABASE_URL"`.
 */
export async function backupDatabase(db: Database, file: string): Promise<BackupResult> {
  const { pglite } = databaseInternals(db);
  if (!pglite) return { ok: false, reason: "serverDatabase" };
  // dumpDataDir runs under PGlite's query lock, so no statement is half-written in the archive.
  const archive = await pglite.dumpDataDir("gzip");
  const bytes = new Uint8Array(await archive.arrayBuffer());
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed: a crash never leaves half an archive under the backup's name.
  writeFileSync(`${file}.partial`, bytes);
  renameSync(`${file}.partial`, file);
  return { ok: true, file, bytes: bytes.byteLength };
}

export type RestoreResult =
  | { ok: true; dataDir: string; movedAsideTo: string | undefined }
  | { ok: false; reason: "fileMissing" }
  | { ok: false; reason: "badArchive"; problem: string };

/**
 * Restores a backup into an embedded database folder, atomically: the archive is checked, then
 * extracted into <dir>.restoring-<time> and opened there; only a database that opens replaces the
 * folder, whose old content is kept as <dir>.before-restore-<time>. Anything wrong leaves the
 * folder as it was. Throws DataFolderError("inUse") while another process (the bot) has it.
 */
export async function restoreDatabase(
  file: string,
  dataDir: string,
  now: Date = new Date(),
): Promise<RestoreResult> {
  if (!existsSync(file)) return { ok: false, reason: "fileMissing" };
  const lock = lockDataFolder(dataDir);
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const staging = `${dataDir}.restoring-${stamp}`;
  try {
    const bytes = readFileSync(file);
    const problem = checkBackupArchive(bytes);
    if (problem) return { ok: false, reason: "badArchive", problem };
    rmSync(staging, { recursive: true, force: true });
    const opened = await openRestored(staging, bytes);
    if (opened) {
      rmSync(staging, { recursive: true, force: true });
      return { ok: false, reason: "badArchive", problem: opened };
    }
    let movedAsideTo: string | undefined;
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      movedAsideTo = `${dataDir}.before-restore-${stamp}`;
      renameSync(dataDir, movedAsideTo);
    } else rmSync(dataDir, { recursive: true, force: true });
    // Between these two renames there is no folder: a start then refuses, naming the one aside.
    renameSync(staging, dataDir);
    markDatabaseCreated(dataDir, now);
    return { ok: true, dataDir, movedAsideTo };
  } finally {
    lock.release();
  }
}

/** Extracts and opens the archive in the staging folder; the problem when it is no database. */
async function openRestored(staging: string, bytes: Buffer): Promise<string | undefined> {
  const archive = new Blob([new Uint8Array(bytes)], { type: "application/x-gzip" });
  let pglite: Awaited<ReturnType<typeof startPglite>> | undefined;
  try {
    pglite = await startPglite(staging, archive);
    await pglite.query('SELECT count(*) FROM "_prisma_migrations"');
    return undefined;
  } catch (error) {
    return `the database in it could not be opened (${describe(error)})`;
  } finally {
    await pglite?.close().catch(() => undefined);
  }
}

// PGlite's file system throws plain objects ({ errno }), which print as "[object Object]".
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null)
    return truncateGraphemes(JSON.stringify(error), 200);
  return String(error);
}
