import type { MiddlewareFn } from "grammy";
import { menuSignature, publishPersonCommands } from "../command-menu.ts";
import type { BotContext } from "../context.ts";

/**
 * After each update in a private chat, sets the chat's command menu again when the person's role,
 * access or language changed since it was last set (joining, a role change, being switched off,
 * /lang): the session remembers what the menu was made of. A stranger who never chose a language
 * keeps Telegram's default menu. A failed call is retried on their next update.
 */
export const keepCommandMenu: MiddlewareFn<BotContext> = async (ctx, next) => {
  await next();
  const chat = ctx.chat;
  if (chat?.type !== "private") return;
  const session = ctx.session;
  if (!ctx.user && session.commandMenu === undefined && session.lang === undefined) return;
  const signature = menuSignature(ctx.user, ctx.lang);
  if (session.commandMenu === signature) return;
  try {
    await publishPersonCommands(ctx.api, chat.id, ctx.user, ctx.lang);
    session.commandMenu = signature;
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not set the chat's command menu");
  }
};
