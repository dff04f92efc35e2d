import type { MiddlewareFn } from "grammy";
import type { Role, UserRecord } from "../../db/repositories/users.ts";
import { noteReachable } from "../../services/user-admin.ts";
import type { BotContext } from "../context.ts";

/** Who may do what: admins may do everything a role can, for any body. */
export function hasRole(user: UserRecord | undefined, roles: readonly Role[]): user is UserRecord {
  if (!user?.active) return false;
  return user.role === "admin" || roles.includes(user.role);
}

/** Whether this person may read or write the data of a body (their own, or any for admins). */
export function mayActForBody(user: UserRecord | undefined, bodyId: number): boolean {
  if (!user?.active) return false;
  return user.role === "admin" || user.bodyId === bodyId;
}

/**
 * Loads the active account behind the update into ctx.user (undefined for strangers). A person an
 * admin switched off is told so, whatever they send (an invite too), and nothing else happens:
 * only an admin lifts it. Must run after the language middleware so refusals speak the user's
 * language, and before conversations, so a switched-off person's open dialog goes no further.
 */
export const attachUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  const telegramId = ctx.from?.id;
  const user = await personOf(ctx, telegramId);
  // They wrote (or unblocked the bot): Telegram delivers to them again.
  if (user?.unreachableSince) await noteReachable(ctx.repos, user.id);
  ctx.user = user?.active ? { ...user, unreachableSince: null } : undefined;
  if (user && !user.active) return tellSwitchedOff(ctx);
  await next();
};

/** The account behind the update: as its first statement read it, else from the database. */
async function personOf(ctx: BotContext, telegramId: number | undefined) {
  if (telegramId === undefined) return undefined;
  if (ctx.prefetched)
    return ctx.prefetched.user?.telegramId === telegramId ? ctx.prefetched.user : undefined;
  return ctx.repos.users.getUserByTelegramId(telegramId);
}

async function tellSwitchedOff(ctx: BotContext): Promise<void> {
  const text = ctx.t("access.switchedOff");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(text);
}

/**
 * Lets the update through only for an active user holding one of the roles (or an admin);
 * everyone else gets a polite refusal in their language and nothing else happens.
 */
export function requireRole(...roles: Role[]): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (hasRole(ctx.user, roles)) return next();
    const key = ctx.user ? "access.roleRequired" : "access.inviteRequired";
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    else await ctx.reply(ctx.t(key));
  };
}

/**
 * The last middleware: a stranger's update that no feature took gets how to join (private chats
 * and buttons only; groups stay quiet). Known users' stray updates are left alone.
 */
export const answerStrangers: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.user) return next();
  const text = ctx.t("onboarding:stranger.howToJoin");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else if (ctx.chat?.type === "private") await ctx.reply(text);
  else await next();
};
