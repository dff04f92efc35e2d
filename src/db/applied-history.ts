// Whether the database already has exactly the migrations folder applied, read with one plain
// statement: then a start needs no schema engine (its WebAssembly costs a start more CPU to load
// and run than the rest of the migration step). Only a sure yes counts; on anything else the
// caller asks the engine, so what is reported and refused stays the engine's word.
import { createHash } from "node:crypto";
import type { SqlRunner } from "./sql.ts";

/** A migration folder as readMigrationsList gives it to the engine. */
export interface MigrationDirectory {
  path: string;
  migrationFile: { content: { tag: "ok" | "error"; value: string } };
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  /** Finished and not rolled back; a row unfinished is a failed migration. */
  applied: boolean;
}

// Every row, rolled back or not: a history with any but applied rows is left to the engine.
const HISTORY = `SELECT migration_name, checksum,
  finished_at IS NOT NULL AND rolled_back_at IS NULL AS applied FROM "_prisma_migrations"`;

/** Prisma's checksum of a migration: the SHA-256 of migration.sql, in hex. */
function migrationChecksum(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * True when every folder's migration is applied (finished, not rolled back) once, with the
 * checksum of its file as it is now, the history holds nothing else, and the lock file names
 * PostgreSQL. False otherwise, also when the history cannot be read (no table yet).
 */
export async function historyMatchesFolder(
  sql: SqlRunner,
  migrations: { lockfile: { content: string | null }; migrationDirectories: MigrationDirectory[] },
): Promise<boolean> {
  if (!/^provider = "postgresql"$/m.test(migrations.lockfile.content ?? "")) return false;
  let rows: AppliedRow[];
  try {
    rows = await sql.query<AppliedRow>(HISTORY, []);
  } catch {
    return false;
  }
  const byName = new Map(rows.map((row) => [row.migration_name, row]));
  if (byName.size !== rows.length || byName.size !== migrations.migrationDirectories.length) {
    return false;
  }
  return migrations.migrationDirectories.every(({ path, migrationFile: { content } }) => {
    const row = byName.get(path);
    return (
      row?.applied === true &&
      content.tag === "ok" &&
      row.checksum === migrationChecksum(content.value)
    );
  });
}
