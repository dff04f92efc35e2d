import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { DatabaseUrlError } from "./errors.ts";
import { PrismaClient } from "./generated/client.ts";

/** An open database: the Prisma client and what kind of PostgreSQL is behind it. */
export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Disconnects Prisma and closes an embedded PGlite (which otherwise keeps the process alive). */
  close(): Promise<void>;
}

/** Where a database lives, parsed from a URL. */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | undefined }
  | { kind: "postgres"; connectionString: string };

/** The embedded database's folder when no URL is configured. */
export const defaultPgliteDir = "./data/pglite";

interface Internals {
  target: DatabaseTarget;
  pglite?: PGlite;
}

const internals = new WeakMap<Database, Internals>();

/** Parses a DATABASE_URL: undefined → ./data/pglite, "pglite:memory", "pglite:<dir>", "postgres(ql)://…". */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined || url === "")
    return { kind: "pglite", dataDir: resolve(defaultPgliteDir) };
  if (url === "pglite:memory") return { kind: "pglite", dataDir: undefined };
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length);
    if (dir === "") throw new DatabaseUrlError(url);
    return { kind: "pglite", dataDir: resolve(dir) };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { kind: "postgres", connectionString: url };
  }
  throw new DatabaseUrlError(url);
}

/** Opens PGlite in a folder (created if missing) or in memory. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
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
