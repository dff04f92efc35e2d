import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { jsonFetch } from "./json-fetch.ts";

// grammY's own default on Node, kept for uploads: it streams multipart bodies, which the global
// fetch would not. JSON calls take the lean path (json-fetch.ts).
const nodeFetch = createRequire(import.meta.url)("node-fetch") as typeof fetch;

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** Wait before the second try; doubles after each failure. */
  firstDelayMs?: number;
}

/**
 * A fetch for the Bot API client that tries again when the request failed on the network
 * (connection refused or reset), so a user is not left without the bot's answer. It is the
 * client's fetch, so it also serves the API that conversations build for themselves, which
 * auto-retry on bot.api does not reach. Only bodies that can be sent again are retried (JSON
 * text, or none); an upload stream or a request aborted by grammY (timeout, stop) is not.
 */
export function retryingFetch(
  inner: typeof fetch = jsonFetch(nodeFetch),
  { attempts = 4, firstDelayMs = 250 }: RetryOptions = {},
): typeof fetch {
  return async (input, init) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inner(input, init);
      } catch (error) {
        const replayable = init?.body === undefined || typeof init.body === "string";
        if (!replayable || attempt >= attempts || init?.signal?.aborted) throw error;
        await sleep(firstDelayMs * 2 ** (attempt - 1));
      }
    }
  };
}
