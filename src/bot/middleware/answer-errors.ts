import type { BotError, NextFunction } from "grammy";
import { pickLanguage, translator } from "../../i18n.ts";
import type { BotContext } from "../context.ts";

/** Error boundary handler: logs what failed with the update's context and apologises to the user. */
export async function answerErrorsPolitely(error: BotError<BotContext>, _next: NextFunction) {
  const { ctx } = error;
  ctx.logger.error(
    {
      err: error.error,
      update_type: updateType(ctx),
      user_id: ctx.from?.id,
      chat_id: ctx.chat?.id,
    },
    "a feature failed while handling an update",
  );
  // ctx.lang is missing when the failure came before the language was resolved.
  const t = ctx.lang ? ctx.t : translator(pickLanguage(ctx.from?.language_code));
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat) await ctx.reply(t("errors.unexpected"));
  } catch (replyError) {
    ctx.logger.warn({ err: replyError }, "could not apologise for a failure");
  }
}

function updateType(ctx: BotContext): string | undefined {
  return Object.keys(ctx.update).find((key) => key !== "update_id");
}
