// The embedded database belongs to one process: a second bot, db:backup and db:restore refuse
// while the bot has it; a crash does not keep it locked; a restore is all or nothing; and a folder
// emptied where a database was is refused rather than started afresh.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess, runMainUntilExit } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { nodeArgsFor } from "../support/node-process.ts";
import { tarGz } from "../support/tar.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

function dbCommand(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [...nodeArgsFor("src/cli/db.ts"), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env },
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, output })),
  );
}

describe("one process per embedded database folder", { timeout: 240_000 }, () => {
  let emulator: Emulator;
  let bot: BotProcess;
  const scratch = mkdtempSync(join(tmpdir(), "adaldyq-embedded-"));

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({ emulator, env: { LOG_LEVEL: "info" } });
    await bot.start();
  });
  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const greet = async (userId: number) => {
    const user = emulator.user({ userId, languageCode: "kk" });
    await user.command("start");
    await user.waitFor(/Сәлеметсіз бе/, { timeoutMs: 30_000 });
  };

  it("refuses a second bot, db:backup and db:restore while the bot runs on it", async () => {
    const env = bot.env();
    const second = await runMainUntilExit(env, 60_000);
    expect(second.code).toBe(1);
    expect(second.stdout + second.stderr).toMatch(/is in use by another process: pid \d+/);
    const backup = await dbCommand(["backup", join(scratch, "while-running.tar.gz")], env);
    expect(backup.code).not.toBe(0);
    expect(backup.output).toMatch(/is in use by another process/);
    const restore = await dbCommand(["restore", join(scratch, "while-running.tar.gz")], env);
    expect(restore.code).not.toBe(0);
    // The running bot goes on answering.
    await greet(9501);
  });

  it("starts again after a SIGKILL: a crashed process does not keep the folder", async () => {
    await bot.kill();
    await bot.start();
    await greet(9502);
  });

  it("refuses an archive with ../ entries naming the problem, and leaves the database as it was", async () => {
    await bot.stop();
    const env = bot.env();
    const archive = join(scratch, "crafted.tar.gz");
    writeFileSync(
      archive,
      tarGz([
        { name: "/PG_VERSION", data: "17\n" },
        { name: "/../../outside.txt", data: "x" },
      ]),
    );
    const restore = await dbCommand(["restore", archive], env);
    expect(restore.code).toBe(2);
    expect(restore.output).toContain(
      'is refused: entry "/../../outside.txt" would be written outside the database folder',
    );
    expect(restore.output).not.toContain("[object Object]");
    const backup = await dbCommand(["backup", join(scratch, "good.tar.gz")], env);
    expect(backup.code).toBe(0);
    await bot.start();
    await greet(9503);
  });

  it("refuses to start on a folder emptied where a database was", async () => {
    await bot.stop();
    rmSync(join(bot.dataDir, "pglite"), { recursive: true });
    const started = await runMainUntilExit(bot.env(), 60_000);
    expect(started.code).toBe(1);
    expect(started.stdout + started.stderr).toMatch(
      /is missing, but a database was created there on \d{4}-\d{2}-\d{2}/,
    );
    // The backup taken earlier brings it back.
    const restore = await dbCommand(["restore", join(scratch, "good.tar.gz")], bot.env());
    expect(restore.code).toBe(0);
    await bot.start();
    await greet(9504);
  });
});
