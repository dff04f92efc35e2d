import { Worker } from "node:worker_threads";
import type { ReadTableResult } from "./table-file.ts";

// The reading thread's own heap; a file that needs more is refused, the bot is not touched.
const THREAD_HEAP_MB = 256;
const READ_TIMEOUT_MS = 60_000;
// A worker thread does not inherit the TypeScript loader (--import tsx): it registers tsx itself.
const BOOT = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => { register(); return import(${JSON.stringify(
    new URL("./table-file-worker.ts", import.meta.url).href,
  )}); });`;
const TOO_COMPLEX: ReadTableResult = { ok: false, reason: "tooComplex" };

let thread: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Reads one file on the reading thread, one file at a time. The thread stays for the next file
 * (starting one costs a second or two); one that ran out of memory or time is thrown away and
 * the file refused as too complex.
 */
export function readInThread(
  data: Buffer | Uint8Array,
  fileName: string,
): Promise<ReadTableResult> {
  const read = queue.then(() => readOnce(data, fileName));
  queue = read.catch(() => undefined);
  return read;
}

function readOnce(data: Buffer | Uint8Array, fileName: string): Promise<ReadTableResult> {
  thread ??= startThread();
  const worker = thread;
  return new Promise((resolve) => {
    const done = (result: ReadTableResult, keep: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onFailure).off("exit", onFailure);
      if (!keep) {
        if (thread === worker) thread = undefined;
        void worker.terminate();
      }
      resolve(result);
    };
    const onMessage = (result: ReadTableResult) => done(result, true);
    // Out of memory, or anything else the thread died of: the file was too much to read.
    const onFailure = () => done(TOO_COMPLEX, false);
    const timer = setTimeout(onFailure, READ_TIMEOUT_MS);
    worker.on("message", onMessage).on("error", onFailure).on("exit", onFailure);
    const bytes = Uint8Array.from(data);
    worker.postMessage({ data: bytes, fileName }, [bytes.buffer]);
  });
}

function startThread(): Worker {
  const worker = new Worker(BOOT, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: 32 },
  });
  // An idle reading thread does not keep a command-line run alive.
  worker.unref();
  return worker;
}
