import type { Repositories } from "../db/index.ts";
import { attachmentBytes, enqueueMessages, type OutgoingMessage } from "./outbox-message.ts";

/** The charts and workbooks held back before they are written to the outbox together. */
const ENQUEUE_BYTES = 16 * 2 ** 20;

/**
 * Messages written to the outbox a few megabytes of files at a time, so a job for a whole country
 * never holds all its charts and workbooks; flush() writes the rest and tells how many were new.
 */
export function outboxBuffer(repos: Repositories, now: Date) {
  let pending: OutgoingMessage[] = [];
  let bytes = 0;
  let enqueued = 0;
  const flush = async () => {
    enqueued += await enqueueMessages(repos, pending, now);
    pending = [];
    bytes = 0;
    return enqueued;
  };
  return {
    async add(messages: readonly OutgoingMessage[]) {
      pending.push(...messages);
      for (const message of messages) bytes += attachmentBytes(message.attachment)?.length ?? 0;
      if (bytes >= ENQUEUE_BYTES) await flush();
    },
    flush,
  };
}
