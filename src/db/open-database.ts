import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type DatabaseTarget, parseDatabaseUrl } from "./database-url.ts";
import {
  ensureWritableFolder,
  type FolderLock,
  lockDataFolder,
  markDatabaseCreated,
  refuseEmptiedFolder,
} from "./embedded-folder.ts";
import { PrismaClient } from "./generated/client.ts";
import { pgliteRunner, poolRunner, type SqlRunner } from "./sql.ts";
import { countingAdapterFactory } from "./statement-count.ts";

/** An open database: the Prisma client and what kind of PostgreSQL is behind it. */
export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Plain SQL past Prisma, for the statements every update sends (see sql.ts). */
  sql: SqlRunner;
  /** Disconnects Prisma and closes an embedded PGlite (which otherwise keeps the process alive). */
  close(): Promise<void>;
}

interface Internals {
  target: DatabaseTarget;
  pglite?: PGlite;
}

const internals = new WeakMap<Database, Internals>();

/**
 * Starts PGlite on a folder (created if missing) or in memory, loading an archive into an empty
 * folder when given. No lock and no checks: see openEmbeddedFolder for a database's own folder.
 */
export async function startPglite(
  dataDir: string | undefined,
  loadDataDir?: Blob,
): Promise<PGlite> {
  const exitCode = process.exitCode;
  try {
    const pglite = keepingExitCode(new PGlite({ dataDir: dataDir ?? "memory://", loadDataDir }));
    await pglite.waitReady;
    // PGlite's session takes the process's zone; see SESSION_OPTIONS.
    await pglite.exec("SET TIME ZONE 'UTC'");
    return pglite;
  } finally {
    // PGlite's Emscripten runtime leaves exitCode = 99 behind; a clean run must still exit 0.
    process.exitCode = exitCode;
  }
}

/**
 * PGlite's Emscripten runtime sets process.exitCode to 100 on every statement that fails (a
 * taken code, a missing table), so a process that did nothing wrong would end with 100. A failed
 * statement is an answer to its caller, not the process's outcome: the code is put back.
 */
function keepingExitCode(pglite: PGlite): PGlite {
  for (const method of ["query", "exec", "transaction"] as const) {
    const original = pglite[method].bind(pglite) as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(pglite, method, {
      value: async (...args: unknown[]) => {
        const exitCode = process.exitCode;
        try {
          return await original(...args);
        } finally {
          process.exitCode = exitCode;
        }
      },
    });
  }
  return pglite;
}

/**
 * Opens the embedded database in its folder for this process alone: takes the folder's lock,
 * refuses a folder emptied where a database was, checks it is writable, then starts PGlite.
 */
async function openEmbeddedFolder(dataDir: string): Promise<{ pglite: PGlite; lock: FolderLock }> {
  const lock = lockDataFolder(dataDir);
  try {
    refuseEmptiedFolder(dataDir);
    ensureWritableFolder(dataDir);
    const pglite = await startPglite(dataDir);
    markDatabaseCreated(dataDir);
    return { pglite, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Every session runs in UTC. Prisma's driver adapters write a timestamp as UTC wall-clock time
 * and read one back with its offset dropped, so in a session of any other zone (a server set to
 * Asia/Almaty, PGlite in a process with TZ set) Prisma's instants are shifted, and the plain
 * statements (sql.ts), which send and read real offsets, disagree with them by that many hours.
 */
const SESSION_OPTIONS = "-c TimeZone=UTC";

/** The pool's settings: the URL's own startup options (?options=…, which would win) and SESSION_OPTIONS. */
function withSessionOptions(connectionString: string): pg.PoolConfig {
  const url = new URL(connectionString);
  const own = url.searchParams.get("options");
  url.searchParams.delete("options");
  return {
    connectionString: url.toString(),
    options: own ? `${own} ${SESSION_OPTIONS}` : SESSION_OPTIONS,
  };
}

/** Opens the database a URL names; see parseDatabaseUrl. Does not migrate. */
export async function openDatabase(url?: string): Promise<Database> {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    // One pool for Prisma and the plain statements.
    const pool = new pg.Pool(withSessionOptions(target.connectionString));
    const prisma = new PrismaClient({ adapter: countingAdapterFactory(new PrismaPg(pool)) });
    let closed = false;
    const db: Database = {
      prisma,
      kind: "postgres",
      sql: poolRunner(pool),
      close: async () => {
        if (closed) return;
        closed = true;
        await prisma.$disconnect();
        await pool.end();
      },
    };
    internals.set(db, { target });
    return db;
  }
  const { pglite, lock } =
    target.dataDir === undefined
      ? { pglite: await startPglite(undefined), lock: undefined }
      : await openEmbeddedFolder(target.dataDir);
  const prisma = new PrismaClient({ adapter: countingAdapterFactory(new PrismaPGlite(pglite)) });
  let closed = false;
  const db: Database = {
    prisma,
    kind: "pglite",
    sql: pgliteRunner(pglite),
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      const exitCode = process.exitCode;
      try {
        await pglite.close();
      } finally {
        process.exitCode = exitCode;
        lock?.release();
      }
    },
  };
  internals.set(db, { target, pglite });
  return db;
}

/** The parsed target and, for PGlite, the live instance behind a Database (for migrations and backups). */
export function databaseInternals(db: Database): Internals {
  const found = internals.get(db);
  if (!found) throw new Error("Not a Database returned by openDatabase");
  return found;
}

export { type DatabaseTarget, defaultPgliteDir, parseDatabaseUrl } from "./database-url.ts";
