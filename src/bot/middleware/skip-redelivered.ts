import { setTimeout as sleep } from "node:timers/promises";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

/** Marks an update as processed; resolves false when it already was (a redelivery). */
export type MarkUpdateProcessed = (updateId: number) => Promise<boolean>;

/** How long to wait between tries of the de-duplication record while the database is away. */
export interface RecordRetry {
  firstDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RecordRetry = { firstDelayMs: 250, maxDelayMs: 5_000 };

/**
 * Lets each update_id through once; Telegram redelivers a batch whose offset was never confirmed.
 * The record is the first thing an update needs the database for, and in polling mode Telegram
 * has already forgotten the update: when it fails (the database is away) it is tried again until
 * it succeeds, and the update is handled then. Later updates of the chat wait behind it
 * (sequentialize), so their order holds.
 */
export function skipRedeliveredUpdates(
  markUpdateProcessed: MarkUpdateProcessed,
  retry: RecordRetry = DEFAULT_RETRY,
): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const isFirstDelivery = await recordPatiently(ctx, markUpdateProcessed, retry);
    if (!isFirstDelivery) {
      ctx.logger.debug({ update_id: ctx.update.update_id }, "skipped a redelivered update");
      return;
    }
    await next();
  };
}

async function recordPatiently(
  ctx: BotContext,
  markUpdateProcessed: MarkUpdateProcessed,
  retry: RecordRetry,
): Promise<boolean> {
  return patiently(ctx, () => markUpdateProcessed(ctx.update.update_id), retry);
}

/**
 * Runs the update's first database work until it succeeds: while the database is away the update
 * waits (and its chat's later updates behind it) instead of being lost.
 */
export async function patiently<T>(
  ctx: BotContext,
  work: () => Promise<T>,
  retry: RecordRetry = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const isFirst = await work();
      if (attempt > 1)
        ctx.logger.info({ attempt }, "the database answers again: handling the update");
      return isFirst;
    } catch (error) {
      const delayMs = Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (attempt - 1));
      // Said on the first failure and then now and again, not for every try of every update.
      if (attempt === 1 || attempt % 10 === 0) {
        ctx.logger.warn(
          { err: error, attempt, retryInMs: delayMs },
          "the update waits for the database (its de-duplication record failed)",
        );
      }
      await sleep(delayMs);
    }
  }
}

/** A process-local de-duplication for when no database is wired; forgets the oldest ids first. */
export function rememberUpdatesInMemory(capacity = 10_000): MarkUpdateProcessed {
  const seen = new Set<number>();
  return async (updateId) => {
    if (seen.has(updateId)) return false;
    seen.add(updateId);
    if (seen.size > capacity) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    return true;
  };
}
