import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataFolder } from "../../src/db/embedded-folder.ts";
import { DataFolderError } from "../../src/db/errors.ts";

const scratch = mkdtempSync(join(tmpdir(), "adaldyq-folder-lock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A folder for a database (not created; its parent is, for lock files a test writes). */
function folder(): string {
  const parent = join(scratch, `db-${++folders}`);
  mkdirSync(parent);
  return join(parent, "pglite");
}

/** The pid of a process that has already exited (nothing runs under it now). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

function refusal(dataDir: string): DataFolderError {
  try {
    lockDataFolder(dataDir).release();
  } catch (error) {
    if (error instanceof DataFolderError) return error;
    throw error;
  }
  throw new Error("the lock was granted");
}

describe("the embedded database folder lock", () => {
  it("is held by one opener at a time, and free again once released", () => {
    const dataDir = folder();
    const lock = lockDataFolder(dataDir);
    const refused = refusal(dataDir);
    expect(refused.problem).toBe("inUse");
    expect(refused.message).toContain(dataDir);
    expect(refused.message).toContain(`pid ${process.pid}`);
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    lockDataFolder(dataDir).release();
  });

  it("is refused while another live process on this machine holds it", () => {
    const dataDir = folder();
    // The test runner's parent is alive for as long as this test runs.
    const holder = { pid: process.ppid, host: hostname(), command: "main.ts", since: new Date() };
    writeFileSync(`${dataDir}.lock`, JSON.stringify(holder));
    const refused = refusal(dataDir);
    expect(refused.message).toMatch(new RegExp(`pid ${process.ppid}.*main\\.ts`));
    expect(refused.message).toMatch(/stop it first/);
  });

  it("is taken over from a process that crashed (its pid is gone)", () => {
    const dataDir = folder();
    const pid = deadPid();
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid, host: hostname(), since: new Date() }));
    const lock = lockDataFolder(dataDir);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, "utf8"))).toMatchObject({
      pid: process.pid,
    });
    lock.release();
  });

  it("trusts another machine's lock while it is kept fresh, and takes it over once it is not", () => {
    const dataDir = folder();
    const lockFile = `${dataDir}.lock`;
    writeFileSync(lockFile, JSON.stringify({ pid: 1, host: "other-container", since: new Date() }));
    expect(refusal(dataDir).message).toContain("other-container");
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(lockFile, old, old);
    lockDataFolder(dataDir).release();
  });

  it("takes over a lock file left half-written by a crash, once it is old", () => {
    const dataDir = folder();
    const lockFile = `${dataDir}.lock`;
    writeFileSync(lockFile, "{");
    expect(refusal(dataDir).problem).toBe("inUse");
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(lockFile, old, old);
    lockDataFolder(dataDir).release();
  });
});
