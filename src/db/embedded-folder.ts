// The embedded database's folder: checked before PGlite opens it, so a problem gets a sentence that
// names the folder instead of PGlite's "failed to initialize properly"; locked to one process; and
// marked once a database is in it, so an emptied folder is not silently started afresh.
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { DataFolderError } from "./errors.ts";

const NOT_WRITABLE = new Set(["EACCES", "EPERM", "EROFS"]);

/** Creates the folder if missing and makes sure this process can write in it and to its files. */
export function ensureWritableFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-check-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
    // A folder can be writable while the database files in it are not (copied in as another user).
    for (const file of ["PG_VERSION", join("global", "pg_control")]) {
      const path = join(dataDir, file);
      if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
    }
  } catch (error) {
    throw readOnlyOr(error, dataDir);
  }
}

// --- One process per folder -------------------------------------------------------------------

/** What a lock file says about its holder. */
interface Holder {
  pid: number;
  host: string;
  /** /proc's start time of the holder (Linux), so a pid reused after a crash is not mistaken. */
  started?: string;
  bootId?: string;
  command?: string;
  since?: string;
}

/** A lock on an embedded database folder; release() gives it up (also done at process exit). */
export interface FolderLock {
  release(): void;
}

// A holder on another machine (a container sharing the volume) cannot be asked whether it runs:
// it touches its lock file this often, and a lock untouched for the stale time is a dead one's.
const HEARTBEAT_MS = 10_000;
const STALE_MS = 60_000;
const heldHere = new Map<string, string>();

process.once("exit", () => {
  for (const [lockFile, content] of heldHere) removeIfOurs(lockFile, content);
});

/**
 * Takes the folder for this process, or throws DataFolderError("inUse") naming who has it: an
 * embedded database belongs to one process. The lock is the file <folder>.lock beside the folder
 * (it outlives a restore's swap of the folder); one left by a crashed process is taken over: its
 * pid is gone (same machine), or it went untouched for a minute (another machine).
 */
export function lockDataFolder(dataDir: string): FolderLock {
  const lockFile = `${dataDir}.lock`;
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    started: procStartOf(process.pid),
    bootId: bootId(),
    command: process.argv
      .slice(1)
      .map((arg) => basename(arg))
      .join(" ")
      .slice(0, 120),
    since: new Date().toISOString(),
  } satisfies Holder);
  mkdirWritable(dirname(dataDir), dataDir);
  let taken = false;
  for (let attempt = 0; attempt < 5 && !taken; attempt++) {
    taken = createExclusively(lockFile, mine, dataDir);
    if (taken) break;
    const found = readLockFile(lockFile);
    if (found === undefined) continue; // gone meanwhile: try again
    if (heldHere.has(lockFile) || isHolderAlive(found)) throw inUse(dataDir, found.holder);
    // Stale: set it aside by an atomic rename, and go on only if it was still that stale file.
    const aside = `${lockFile}.stale-${process.pid}-${attempt}`;
    try {
      renameSync(lockFile, aside);
    } catch {
      continue;
    }
    const moved = readFileSync(aside, "utf8");
    rmSync(aside, { force: true });
    if (moved !== found.text) throw inUse(dataDir, parseHolder(moved));
  }
  if (!taken) throw inUse(dataDir, readLockFile(lockFile)?.holder);
  heldHere.set(lockFile, mine);
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(lockFile, now, now);
    } catch {
      // The folder went away (a test removed it): nothing left to keep.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      heldHere.delete(lockFile);
      removeIfOurs(lockFile, mine);
    },
  };
}

function mkdirWritable(parent: string, dataDir: string): void {
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw readOnlyOr(error, dataDir);
  }
}

function createExclusively(lockFile: string, content: string, dataDir: string): boolean {
  try {
    writeFileSync(lockFile, content, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw readOnlyOr(error, dataDir);
  }
}

function readLockFile(
  lockFile: string,
): { text: string; holder: Holder | undefined; ageMs: number } | undefined {
  try {
    const text = readFileSync(lockFile, "utf8");
    return { text, holder: parseHolder(text), ageMs: Date.now() - statSync(lockFile).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return typeof value.pid === "number" && typeof value.host === "string"
      ? (value as Holder)
      : undefined;
  } catch {
    return undefined;
  }
}

function isHolderAlive(found: { holder: Holder | undefined; ageMs: number }): boolean {
  const { holder, ageMs } = found;
  // Half-written (a crash while taking it) or from another machine: only its age tells.
  if (!holder || holder.host !== hostname()) return ageMs < STALE_MS;
  if (holder.bootId && bootId() && holder.bootId !== bootId()) return false;
  // This process has that pid now, so whoever wrote it is gone (a container restarted).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const started = procStartOf(holder.pid);
  return !(holder.started && started && holder.started !== started);
}

function inUse(dataDir: string, holder: Holder | undefined): DataFolderError {
  const who = holder
    ? `pid ${holder.pid} on ${holder.host}${holder.command ? ` (${holder.command})` : ""}${
        holder.since ? ` since ${holder.since}` : ""
      }`
    : "a process that is just starting";
  return new DataFolderError(
    dataDir,
    "inUse",
    `The embedded database in ${dataDir} is in use by another process: ${who}. Only one process ` +
      "may use an embedded database folder (and db:backup and db:restore need it to themselves): " +
      "stop it first, or run several processes on a PostgreSQL server (DATABASE_URL=postgres://…).",
  );
}

function removeIfOurs(lockFile: string, content: string): void {
  try {
    if (readFileSync(lockFile, "utf8") === content) rmSync(lockFile, { force: true });
  } catch {
    // Already gone.
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux). */
function procStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return undefined;
  }
}

function readOnlyOr(error: unknown, dataDir: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || !NOT_WRITABLE.has(code)) return error;
  return readOnly(dataDir, code);
}

function readOnly(dataDir: string, code: string): DataFolderError {
  return new DataFolderError(
    dataDir,
    "readOnly",
    `The data folder ${dataDir} is read-only for this process (${code}): the embedded database ` +
      "must write there. Mount it read-write and let the bot's user own it, or set DATABASE_URL.",
  );
}

// --- A database was here ----------------------------------------------------------------------

/** The file beside the folder that says a database was created in it (and when). */
export const markerOf = (dataDir: string): string => `${dataDir}.marker`;

/**
 * Refuses (DataFolderError "emptied") to start on a folder with no database in it when its marker
 * says one was created there: a fresh empty database must not silently replace lost data.
 */
export function refuseEmptiedFolder(dataDir: string): void {
  const marker = markerOf(dataDir);
  if (!existsSync(marker) || existsSync(join(dataDir, "PG_VERSION"))) return;
  const created = readFileSync(marker, "utf8").trim().slice(0, 10) || "an earlier day";
  const parent = dirname(dataDir);
  const name = basename(dataDir);
  const aside = readdirSync(parent)
    .filter(
      (entry) =>
        entry.startsWith(`${name}.before-restore-`) || entry.startsWith(`${name}.restoring-`),
    )
    .sort()
    .map((entry) => join(parent, entry));
  const where =
    aside.length > 0
      ? ` A restore did not finish; folders it set aside: ${aside.join(", ")}. Move the right one back to ${dataDir}, or run npm run db:restore -- <backup> again.`
      : " Restore a backup (npm run db:restore -- <file>) or bring the folder back.";
  throw new DataFolderError(
    dataDir,
    "emptied",
    `The embedded database folder ${dataDir} is ${existsSync(dataDir) ? "empty" : "missing"}, but a database was created there on ${created} (${marker}).${where} To start afresh on purpose, delete ${marker}.`,
  );
}

/** Notes that the folder holds a database (first open, or a restore put one there). */
export function markDatabaseCreated(dataDir: string, at: Date = new Date()): void {
  const marker = markerOf(dataDir);
  if (!existsSync(marker)) writeFileSync(marker, `${at.toISOString()}\n`);
}
