import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type DatabaseTarget, parseDatabaseUrl } from "./database-url.ts";
import { ensureWritableFolder } from "./embedded-folder.ts";
import { PrismaClient } from "./generated/client.ts";

/** An open database: the Prisma client and what kind of PostgreSQL is behind it. */
export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Disconnects Prisma and closes an embedded PGlite (which otherwise keeps the process alive). */
  close(): Promise<void>;
}

interface Internals {
  target: DatabaseTarget;
  pglite?: PGlite;
}

const internals = new WeakMap<Database, Internals>();

/** Opens PGlite in a folder (created if missing) or in memory. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir !== undefined) ensureWritableFolder(dataDir);
  const exitCode = process.exitCode;
  const pglite = new PGlite({ dataDir: dataDir ?? "memory://", loadDataDir });
  await pglite.waitReady;
  // PGlite's Emscripten runtime leaves exitCode = 99 behind; a clean run must still exit 0.
  process.exitCode = exitCode;
  return pglite;
}

/** Opens the database a URL names; see parseDatabaseUrl. Does not migrate. */
export async function openDatabase(url?: string): Promise<Database> {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: target.connectionString }),
    });
    const db: Database = { prisma, kind: "postgres", close: () => prisma.$disconnect() };
    internals.set(db, { target });
    return db;
  }
  const pglite = await openPglite(target.dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let closed = false;
  const db: Database = {
    prisma,
    kind: "pglite",
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      const exitCode = process.exitCode;
      await pglite.close();
      process.exitCode = exitCode;
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
