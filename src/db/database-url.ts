import { resolve } from "node:path";
import { DatabaseUrlError } from "./errors.ts";

/** Where a database lives, parsed from a URL. */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | undefined }
  | { kind: "postgres"; connectionString: string };

/** The embedded database's folder when no URL is configured. */
export const defaultPgliteDir = "./data/pglite";

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
