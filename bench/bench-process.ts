// A bot process as the benchmarks run it: started like production (`node --import tsx`, no test
// flags such as --liftoff-only), optionally from another checkout (a baseline) and with a CPU
// profile, its CPU time read from /proc so a figure per report survives a noisy machine.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import {
  killedOnExit,
  type LogLine,
  onOutputLines,
  parseLine,
} from "../test/support/output-lines.ts";

export interface BenchProcessOptions {
  /** The script, relative to `cwd` (src/main.ts, bench/minimal-bot.ts). */
  script: string;
  /** The checkout to run from. */
  cwd: string;
  env: Record<string, string>;
  /** Where profileWindow() writes its .cpuprofile (see bench/profile-window.ts). */
  profileDir?: string;
  readyTimeoutMs?: number;
}

// clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;
const PROFILE_WINDOW = fileURLToPath(new URL("./profile-window.ts", import.meta.url));

export class BenchProcess {
  readonly lines: LogLine[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  private readonly waiters = new Set<(line: LogLine) => void>();

  constructor(private readonly options: BenchProcessOptions) {}

  async start(): Promise<void> {
    const { options } = this;
    // From this checkout even when the bot runs from another (a baseline).
    const profile = options.profileDir ? ["--import", PROFILE_WINDOW] : [];
    const child = spawn(process.execPath, ["--import", "tsx", ...profile, options.script], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        // To try V8 flags on the bot alone (e.g. BOT_NODE_OPTIONS=--max-semi-space-size=32).
        ...(process.env.BOT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BOT_NODE_OPTIONS } : {}),
        HOME: process.env.HOME ?? tmpdir(),
        ...options.env,
        ...(options.profileDir ? { PROFILE_WINDOW_DIR: options.profileDir } : {}),
        ...(options.profileDir && process.env.PROFILE_WINDOW_HEAP
          ? { PROFILE_WINDOW_HEAP: "1" }
          : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = killedOnExit(child);
    onOutputLines(child, (text) => this.record(parseLine(text)));
    const ready = this.waitFor(/is running/, options.readyTimeoutMs ?? 120_000);
    const died = this.exited.then((code) => {
      throw new Error(
        `${options.script} exited with ${code} before it was ready:\n${this.output()}`,
      );
    });
    died.catch(() => undefined);
    await Promise.race([ready, died]);
  }

  /** Starts the CPU profile (when profiling); the returned function stops and writes it. */
  async profileWindow(): Promise<() => Promise<void>> {
    if (!this.options.profileDir || !this.child) return async () => undefined;
    const started = this.waitFor(/profile started/, 30_000);
    this.child.kill("SIGUSR2");
    await started;
    return async () => {
      const written = this.waitFor(/profile written/, 120_000);
      this.child?.kill("SIGUSR2");
      await written;
    };
  }

  /** Resolves on the first line from now on whose msg matches. */
  waitFor(match: RegExp, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `${this.options.script}: no line ${match} in ${timeoutMs} ms:\n${this.output()}`,
          ),
        );
      }, timeoutMs);
      const waiter = (line: LogLine) => {
        if (!match.test(line.msg ?? "")) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }

  /** CPU time the process has used so far (user + system), in milliseconds. */
  cpuMs(): number {
    const pid = this.child?.pid;
    if (pid === undefined) return 0;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in parentheses may hold spaces; the fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_SECOND;
  }

  /** CPU milliseconds the process spent in the kernel (socket writes and reads, mostly). */
  systemCpuMs(): number {
    const pid = this.child?.pid;
    if (pid === undefined) return 0;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[12]) * 1000) / TICKS_PER_SECOND;
  }

  /** SIGTERM and the exit code (the profile is written on the way out). */
  async stop(): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null) return this.child?.exitCode ?? null;
    this.child.kill("SIGTERM");
    return this.exited;
  }

  /** Error lines (pino level ≥ 50, or plain stderr text saying "failed"), counted by message. */
  errors(): Map<string, number> {
    const counted = new Map<string, number>();
    for (const line of this.lines) {
      const isError =
        Number(line.level) >= 50 || (line.level === undefined && /fail/i.test(line.msg ?? ""));
      if (!isError) continue;
      const err = line.err as { message?: string } | undefined;
      const key = `${line.msg}: ${(err?.message ?? "").slice(0, 160)}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    return counted;
  }

  output(): string {
    return this.lines.map((line) => JSON.stringify(line)).join("\n");
  }

  private record(line: LogLine): void {
    this.lines.push(line);
    for (const waiter of [...this.waiters]) waiter(line);
  }
}
