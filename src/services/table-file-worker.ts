// The reading thread of table-file-thread.ts: reads each file it is sent and posts the result back.
import { parentPort } from "node:worker_threads";
import { readTableNow } from "./table-file.ts";

parentPort?.on("message", async (message: { data: Uint8Array; fileName: string }) => {
  try {
    parentPort?.postMessage(await readTableNow(message.data, message.fileName));
  } catch {
    parentPort?.postMessage({ ok: false, reason: "unreadable" });
  }
});
