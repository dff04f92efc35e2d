import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import { pickLanguage, translator } from "../../i18n.ts";
import type { BotContext } from "../context.ts";

/** How many updates one user may send in a time frame before the bot ignores them for a while. */
export interface RateLimitOptions {
  limit: number;
  timeFrameMs: number;
}

// Twelve in three seconds lets a person tick a checklist quickly but stops a script flooding the bot.
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 12, timeFrameMs: 3_000 };

/** Per-user rate limit that says once, politely, why the bot went quiet. */
export function limitUserRate(options: RateLimitOptions): MiddlewareFn<BotContext> {
  return limit<BotContext, never>({
    limit: options.limit,
    timeFrame: options.timeFrameMs,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: (ctx) => {
      void sayTooFast(ctx).catch((error: unknown) =>
        ctx.logger.warn({ err: error }, "could not tell a user to slow down"),
      );
    },
  });
}

async function sayTooFast(ctx: BotContext): Promise<void> {
  ctx.logger.info({ user_id: ctx.from?.id }, "rate limit exceeded");
  // The stored language is not read here: a flood must not turn into database load.
  const text = translator(pickLanguage(ctx.from?.language_code))("errors.tooFast");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
  else if (ctx.chat) await ctx.reply(text);
}
