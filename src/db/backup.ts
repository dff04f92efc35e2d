import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";
import { type Database, databaseInternals, openPglite } from "./open-database.ts";

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
  writeFileSync(file, bytes);
  return { ok: true, file, bytes: bytes.byteLength };
}

export type RestoreResult =
  | { ok: true; dataDir: string; movedAsideTo: string | undefined }
  | { ok: false; reason: "fileMissing" };

/**
 * Restores a backup into an embedded database folder. An existing folder is never overwritten:
 * it is renamed to <dir>.before-restore-<time> first. The database must not be open elsewhere.
 */
export async function restoreDatabase(
  file: string,
  dataDir: string,
  now: Date = new Date(),
): Promise<RestoreResult> {
  if (!existsSync(file)) return { ok: false, reason: "fileMissing" };
  let movedAsideTo: string | undefined;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    movedAsideTo = `${dataDir}.before-restore-${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
    renameSync(dataDir, movedAsideTo);
  }
  const archive = new Blob([readFileSync(file)], { type: "application/x-gzip" });
  const pglite = await openPglite(dataDir, archive);
  const exitCode = process.exitCode;
  await pglite.close();
  process.exitCode = exitCode;
  return { ok: true, dataDir, movedAsideTo };
}
