import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

/** Marks an update as processed; resolves false when it already was (a redelivery). */
export type MarkUpdateProcessed = (updateId: number) => Promise<boolean>;

/** Lets each update_id through once; Telegram redelivers a batch whose offset was never confirmed. */
export function skipRedeliveredUpdates(
  markUpdateProcessed: MarkUpdateProcessed,
): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const isFirstDelivery = await markUpdateProcessed(ctx.update.update_id);
    if (!isFirstDelivery) {
      ctx.logger.debug({ update_id: ctx.update.update_id }, "skipped a redelivered update");
      return;
    }
    await next();
  };
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
