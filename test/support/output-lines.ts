// The processes tests and benchmarks start: killed when the run exits, and read a line at a time.
import type { ChildProcess } from "node:child_process";

/** One JSON log line (pino), or { msg: line } for anything else the process printed. */
export type LogLine = Record<string, unknown> & { msg?: string };

const running = new Set<ChildProcess>();
// A failed test or benchmark must not leave bots polling in the background.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Kills the child with SIGKILL if this process exits first; resolves with its exit code. */
export function killedOnExit(child: ChildProcess): Promise<number | null> {
  running.add(child);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
}

/** Calls `onLine` with each non-empty line the child writes to stdout or stderr, as it comes. */
export function onOutputLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      for (const text of parts) if (text.trim()) onLine(text);
    });
  }
}

/** A printed line as tests read it: pino's JSON, or { msg: text } for anything else. */
export function parseLine(text: string): LogLine {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null) return value as LogLine;
  } catch {
    // Not JSON: Node's warnings and the runner's plain text on stderr.
  }
  return { msg: text };
}
