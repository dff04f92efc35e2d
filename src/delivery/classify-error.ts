import { GrammyError, HttpError } from "grammy";

/** What to do with a message whose send failed. */
export type SendFailure =
  /** Telegram asked to slow down: try again after retryAfterMs, no attempt counted. */
  | { kind: "rateLimited"; retryAfterMs: number; error: string }
  /** The user blocked the bot or deleted the account: stop messaging them. */
  | { kind: "blocked"; error: string }
  /** Telegram refused the message itself (bad chat, bad markup): retrying will not help. */
  | { kind: "rejected"; error: string }
  /** Network failure or a server error: retry with backoff. */
  | { kind: "transient"; error: string };

/** Sorts a failed Bot API call into what the sender does next. */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const text = `${error.error_code} ${error.description}`;
    const code = error.error_code;
    if (code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return { kind: "rateLimited", retryAfterMs: seconds * 1000, error: text };
    }
    if (code === 403) return { kind: "blocked", error: text };
    if (code === 400) return { kind: "rejected", error: text };
    return { kind: "transient", error: text };
  }
  if (error instanceof HttpError) return { kind: "transient", error: error.message };
  return { kind: "transient", error: error instanceof Error ? error.message : String(error) };
}

/** Backoff before attempt n+1 after n failed attempts: 2 s, 4 s, 8 s … at most 10 minutes. */
export function backoffMs(attempts: number, baseMs = 2000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}
