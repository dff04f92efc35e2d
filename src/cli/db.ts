// Database maintenance: npm run db:<command>. Runs without a bot token and without native binaries.
import { join } from "node:path";
import { backupDatabase, restoreDatabase } from "../db/backup.ts";
import { redactUrl } from "../db/errors.ts";
import { createMigration, migrateDatabase, migrationStatus } from "../db/migrations.ts";
import { openDatabase, parseDatabaseUrl } from "../db/open-database.ts";

const usage = `Usage: tsx src/cli/db.ts <command>
  migration:create <name>   write prisma/migrations/<time>_<name> from schema changes
  migrate                   apply pending migrations to DATABASE_URL (default: embedded ./data/pglite)
  status                    compare the database's migrations with the folder
  backup [file]             archive the embedded database (.tar.gz); default ./data/backups/<time>.tar.gz
  restore <file>            restore an archive into the embedded database folder (old folder kept aside)`;

async function run(args: string[], databaseUrl: string | undefined): Promise<number> {
  const [command, arg] = args;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case "migration:create": {
      if (!arg) return fail(`A name is required.\n${usage}`);
      const result = await createMigration(arg);
      if (result.ok) out(`Created ${result.directory}`);
      else if (result.reason === "noChanges") out("No schema changes: nothing to create.");
      else return fail("Name the migration with lowercase letters, digits and _ only.");
      return 0;
    }
    case "migrate": {
      const { applied } = await migrateDatabase(databaseUrl);
      out(applied.length === 0 ? "Already up to date." : `Applied: ${applied.join(", ")}`);
      return 0;
    }
    case "status": {
      const status = await migrationStatus(databaseUrl);
      out(JSON.stringify(status, null, 2));
      return status.upToDate ? 0 : 1;
    }
    case "backup": {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const file = arg ?? join("data", "backups", `${stamp}.tar.gz`);
      const db = await openDatabase(databaseUrl);
      try {
        const result = await backupDatabase(db, file);
        if (!result.ok) {
          return fail(
            'DATABASE_URL names a PostgreSQL server: back it up with pg_dump --format=custom "$DATABASE_URL" > file.dump',
          );
        }
        out(`Wrote ${result.file} (${result.bytes} bytes)`);
        return 0;
      } finally {
        await db.close();
      }
    }
    case "restore": {
      if (!arg) return fail(`A backup file is required.\n${usage}`);
      const target = parseDatabaseUrl(databaseUrl);
      if (target.kind !== "pglite" || target.dataDir === undefined) {
        return fail("Restore targets the embedded database folder; for a server use pg_restore.");
      }
      const result = await restoreDatabase(arg, target.dataDir);
      if (!result.ok && result.reason === "fileMissing") return fail(`No such file: ${arg}`);
      if (!result.ok) {
        return fail(
          `The backup ${arg} is refused: ${result.problem}. The database in ${target.dataDir} was left as it was.`,
        );
      }
      if (result.movedAsideTo) out(`Previous folder kept at ${result.movedAsideTo}`);
      out(`Restored ${arg} into ${result.dataDir}`);
      return 0;
    }
    default:
      return fail(usage);
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

// Only DATABASE_URL matters here; the full config would demand a bot token a maintainer may not have.
const databaseUrl = process.env.DATABASE_URL || undefined;
try {
  process.exitCode = await run(process.argv.slice(2), databaseUrl);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${databaseUrl ? redactUrl(message) : message}\n`);
  process.exitCode = 1;
}
