// The migrated PGlite template that test files copy instead of creating and migrating a database
// of their own (PGlite's initdb and the migrations cost seconds of CPU each time). Made by the
// global setup; see scratch-database.ts for the copies.
import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase, openDatabase } from "../../src/db/index.ts";
import { defaultPrismaDir } from "../../src/db/migrations.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE = join(ROOT, "node_modules/.cache/adaldyq-tests");

/**
 * Settings the copies start with. PGlite's default 128 MB of shared buffers are zeroed at every
 * start: a third of opening a database in a test worker (130 of 370 ms of CPU) and a sixth of a
 * bot process's start (250 ms of 1,46 s), for a cache that a test's few hundred rows never fill.
 * The tests' databases keep the rest of the bot's configuration; a bot's own new folder keeps
 * PGlite's defaults.
 */
const TEMPLATE_SETTINGS = "shared_buffers = 16MB\n";

/**
 * What the template depends on: the migrations, PGlite's version (its data folder format) and
 * the settings.
 */
function templateKey(): string {
  const hash = createHash("sha256");
  hash.update(TEMPLATE_SETTINGS);
  const migrations = join(defaultPrismaDir, "migrations");
  for (const name of readdirSync(migrations).sort()) {
    const file = join(migrations, name, "migration.sql");
    hash.update(name);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  hash.update(readFileSync(join(ROOT, "node_modules/@electric-sql/pglite/package.json")));
  return hash.digest("hex").slice(0, 16);
}

/**
 * The migrated PGlite folder for the current migrations, made once and kept in
 * node_modules/.cache (a changed migration makes a new one). Safe to call from several processes.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const key = templateKey();
  const target = join(CACHE, `pglite-${key}`);
  if (existsSync(target)) return target;
  mkdirSync(CACHE, { recursive: true });
  const building = mkdtempSync(join(CACHE, "building-"));
  const db = await openDatabase(`pglite:${join(building, "pglite")}`);
  try {
    await migrateDatabase(db);
  } finally {
    await db.close();
  }
  appendFileSync(join(building, "pglite", "postgresql.conf"), TEMPLATE_SETTINGS);
  try {
    renameSync(join(building, "pglite"), target);
  } catch (error) {
    // Another process finished first: its copy is as good.
    if (!existsSync(target)) throw error;
  }
  rmSync(building, { recursive: true, force: true });
  for (const entry of readdirSync(CACHE)) {
    if (entry.startsWith("pglite-") && entry !== `pglite-${key}`) {
      rmSync(join(CACHE, entry), { recursive: true, force: true });
    }
  }
  return target;
}
