import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Emulator } from "./emulator.ts";
import { nodeArgsFor } from "./node-process.ts";
import { killedOnExit, type LogLine, onOutputLines, parseLine } from "./output-lines.ts";
import { copyPgliteTemplate, makeScratchDir, removeScratch } from "./scratch-database.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BotProcessOptions {
  /** Points TELEGRAM_API_ROOT and BOT_TOKEN at this emulator. */
  emulator: Pick<Emulator, "apiRoot" | "token">;
  /** Extra or overriding environment variables (WEBHOOK_URL, LOG_LEVEL…). */
  env?: Record<string, string>;
  /**
   * Where the embedded database lives; default: a temporary folder removed when the tests end,
   * holding a copy of the migrated template (the bot's migration at start finds nothing to do).
   */
  dataDir?: string;
  /** Start the default folder empty instead, so the bot creates and migrates the database. */
  emptyDatabase?: boolean;
  /** How long to wait for "bot @… is running". */
  readyTimeoutMs?: number;
}

export type { LogLine } from "./output-lines.ts";

/**
 * The real bot against the emulator, as the tests see it: its data folder, its environment and
 * its log lines. BotProcess runs it as a process; WorkerBot (worker-bot.ts) inside the test worker.
 */
export abstract class TestBot {
  readonly lines: LogLine[] = [];
  readonly dataDir: string;
  private readonly lineListeners = new Set<(line: LogLine) => void>();

  constructor(protected readonly options: BotProcessOptions) {
    if (options.dataDir) {
      this.dataDir = options.dataDir;
      return;
    }
    this.dataDir = makeScratchDir("adaldyq-bot-");
    if (!options.emptyDatabase) copyPgliteTemplate(join(this.dataDir, "pglite"));
  }

  /** The environment the bot runs with (no variables inherited but PATH and HOME). */
  env(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      BOT_TOKEN: this.options.emulator.token,
      TELEGRAM_API_ROOT: this.options.emulator.apiRoot,
      DATABASE_URL: `pglite:${join(this.dataDir, "pglite")}`,
      POLL_IDLE_DELAY_MS: "50",
      LOG_LEVEL: "debug",
      ...this.options.env,
    };
  }

  /** Starts the bot and resolves once it logs that it is running. */
  abstract start(): Promise<void>;

  /** Graceful stop; resolves with the exit code (0 for a bot in the worker). */
  abstract stop(): Promise<number | null>;

  /** Stops gracefully and starts again with the same data folder. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stops the bot (if running) and removes its temporary data folder; call it in afterAll. */
  async dispose(): Promise<void> {
    await this.stop();
    if (!this.options.dataDir) removeScratch(this.dataDir);
  }

  /**
   * Resolves once the jobs whose slots passed before the start (FAKE_NOW's day: missed-report
   * scores, reminders…) have run, so a test's first message does not queue behind them.
   */
  waitForCatchUp(timeoutMs = 120_000): Promise<LogLine> {
    return this.waitForLog(/missed job slots caught up/, timeoutMs);
  }

  /**
   * Resolves with the first log line (from line `since` on, future ones too) whose msg matches
   * the RegExp, or for which the predicate holds.
   */
  waitForLog(
    match: RegExp | ((line: LogLine) => boolean),
    timeoutMs = 10_000,
    since = 0,
  ): Promise<LogLine> {
    const test =
      typeof match === "function" ? match : (line: LogLine) => match.test(line.msg ?? "");
    const earlier = this.lines.slice(since).find(test);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const listener = (line: LogLine) => {
        if (!test(line)) return;
        clearTimeout(timer);
        this.lineListeners.delete(listener);
        resolve(line);
      };
      const timer = setTimeout(() => {
        this.lineListeners.delete(listener);
        reject(
          new Error(`no log matching ${String(match)} within ${timeoutMs} ms:\n${this.output()}`),
        );
      }, timeoutMs);
      this.lineListeners.add(listener);
    });
  }

  /** Resolves once the bot has finished an update (its session saved); needs LOG_LEVEL debug. */
  waitForUpdateHandled(updateId: number, timeoutMs = 10_000): Promise<LogLine> {
    return this.waitForLog(
      (line) => line.msg === "update handled" && line.update_id === updateId,
      timeoutMs,
    );
  }

  /** Everything the bot printed so far, one line per log entry. */
  output(): string {
    return this.lines.map((line) => JSON.stringify(line)).join("\n");
  }

  protected record(line: LogLine): void {
    this.lines.push(line);
    for (const listener of [...this.lineListeners]) listener(line);
  }
}

/** The real bot (src/main.ts, see nodeArgsFor) as a child process against the emulator. */
export class BotProcess extends TestBot {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);

  /** Spawns the bot and resolves once it logs that it is running. */
  async start(): Promise<void> {
    const since = this.lines.length;
    this.launch();
    const ready = this.waitForLog(/is running/, this.options.readyTimeoutMs ?? 60_000, since);
    let started = false;
    const died = this.exited.then((code) => {
      if (!started)
        throw new Error(`the bot exited with ${code} before it was ready:\n${this.output()}`);
    });
    // Whichever loses the race settles later; mark both handled.
    ready.catch(() => undefined);
    died.catch(() => undefined);
    await Promise.race([ready, died]);
    started = true;
  }

  /** Spawns the bot without waiting for it to run (to watch a start that cannot finish yet). */
  launch(): void {
    const child = spawn(process.execPath, nodeArgsFor("src/main.ts"), {
      cwd: REPO_ROOT,
      env: this.env(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = killedOnExit(child);
    onOutputLines(child, (text) => this.record(parseLine(text)));
  }

  /** Resolves with the exit code once the process has exited (at once if it is not running). */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  /** The running bot's process id (undefined before start). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The most memory the bot's process has held so far (VmHWM, in MB), from /proc. */
  peakMemoryMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  }

  /** Simulates a crash: SIGKILL, no shutdown code runs. Resolves when the process is gone. */
  async kill(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
  }

  /** Graceful stop (SIGTERM); resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null) return this.child?.exitCode ?? null;
    this.child.kill("SIGTERM");
    return this.exited;
  }
}

/** Starts the real bot against an emulator; see BotProcess. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const bot = new BotProcess(options);
  await bot.start();
  return bot;
}

/**
 * Runs src/main.ts with exactly this environment until it exits (for start-up failures).
 * `unprivileged`: as the user nobody when the tests run as root, so file permissions hold.
 */
export async function runMainUntilExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
  options: { unprivileged?: boolean } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const main = [process.execPath, ...nodeArgsFor("src/main.ts")];
  const asNobody = options.unprivileged === true && userInfo().uid === 0;
  const [command, ...args] = asNobody ? ["runuser", "-u", "nobody", "--", ...main] : main;
  const child = spawn(command ?? process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: asNobody ? tmpdir() : (process.env.HOME ?? tmpdir()),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = killedOnExit(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, stdout, stderr };
}
