// Reading what a started process writes, a line at a time (tests and benchmarks alike).
import type { ChildProcess } from "node:child_process";

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
