import { setTimeout as sleep } from "node:timers/promises";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../logger.ts";

/** What getMe said: the bot, or why not (and whether trying again can help). */
export type BotApiAnswer =
  | { ok: true; me: UserFromGetMe }
  | { ok: false; reason: string; retryable: boolean };

/** Asks the Bot API for the bot (getMe) with a plain fetch: no retries, no hooks, a timeout. */
export async function askBotApi(
  apiRoot: string,
  token: string,
  timeoutMs = 5_000,
): Promise<BotApiAnswer> {
  let response: Response;
  try {
    response = await fetch(`${apiRoot}/bot${token}/getMe`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // fetch hides the reason (ECONNREFUSED, DNS) in `cause`; the bare message says nothing.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      (error as Error).name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? String(error));
    return { ok: false, reason, retryable: true };
  }
  const body = (await response.json().catch(() => undefined)) as
    | { ok?: boolean; description?: string; result?: UserFromGetMe }
    | undefined;
  if (response.ok && body?.ok === true && body.result) return { ok: true, me: body.result };
  const reason = `answered ${response.status}: ${body?.description ?? "no reason given"}`;
  // 401 and 404 are Telegram's answers to a wrong token: asking again will not change them.
  return { ok: false, reason, retryable: response.status !== 401 && response.status !== 404 };
}

/** The Bot API refused the token: the process cannot run with it. */
export class BotTokenRefusedError extends Error {
  override readonly name = "BotTokenRefusedError";
  constructor(reason: string) {
    super(`The Bot API refused BOT_TOKEN (${reason}): check the token from @BotFather`);
  }
}

export interface WaitForBotApiOptions {
  apiRoot: string;
  token: string;
  logger: Logger;
  /** Told the reason each time an attempt fails (for /readyz). */
  onWaiting?: (reason: string) => void;
  /** The pause after the first failure; it doubles up to maxDelayMs. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Resolves with the bot once the Bot API answers getMe; until then logs a warning per attempt
 * naming the reason and tries again (1 s, 2 s, 4 s … at most 30 s apart). A refused token throws.
 */
export async function waitForBotApi(options: WaitForBotApiOptions): Promise<UserFromGetMe> {
  const firstDelayMs = options.firstDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    const answer = await askBotApi(options.apiRoot, options.token);
    if (answer.ok) {
      if (attempt > 1) options.logger.info({ attempt }, "the Bot API answers again");
      return answer.me;
    }
    if (!answer.retryable) throw new BotTokenRefusedError(answer.reason);
    const retryInMs = Math.min(maxDelayMs, firstDelayMs * 2 ** (attempt - 1));
    options.onWaiting?.(answer.reason);
    options.logger.warn(
      { attempt, retryInMs, reason: answer.reason, apiRoot: options.apiRoot },
      `the Bot API at ${options.apiRoot} cannot be reached (${answer.reason}); trying again in ${retryInMs / 1000} s`,
    );
    await sleep(retryInMs);
  }
}
