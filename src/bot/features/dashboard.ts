import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

const composer = new Composer<BotContext>();

/** Roles the dashboard Mini App is for. */
const DASHBOARD_ROLES = new Set(["manager", "admin"]);

/** The dashboard's address for a body and month: the page opens on them. */
export function dashboardLink(
  ctx: Pick<BotContext, "config">,
  at: { bodyId?: number; period?: string } = {},
): string | undefined {
  const dashboard = ctx.config.dashboard;
  if (!dashboard) return undefined;
  const url = new URL(dashboard.url);
  if (at.bodyId !== undefined) url.searchParams.set("body", String(at.bodyId));
  if (at.period !== undefined) url.searchParams.set("period", at.period);
  return url.toString();
}

/** Whether this person in this chat gets the dashboard: a manager or an admin, in a private chat. */
export function mayOpenDashboard(ctx: BotContext): boolean {
  return (
    ctx.config.dashboard !== undefined &&
    ctx.chat?.type === "private" &&
    ctx.user !== undefined &&
    DASHBOARD_ROLES.has(ctx.user.role)
  );
}

// Chats whose menu button this process has set, with the language it was set in.
const menuButtonsSet = new Set<string>();

/**
 * Puts the dashboard behind the chat's menu button for managers and admins (once per chat and
 * language per process; Telegram keeps it), then lets the update go on to the other features.
 */
composer.use(async (ctx, next) => {
  if (mayOpenDashboard(ctx) && ctx.chat) {
    const key = `${ctx.chat.id}:${ctx.lang}`;
    const url = dashboardLink(ctx);
    if (url && !menuButtonsSet.has(key)) {
      menuButtonsSet.add(key);
      await ctx.api
        .setChatMenuButton({
          chat_id: ctx.chat.id,
          menu_button: { type: "web_app", text: ctx.t("dashboard:menuButton"), web_app: { url } },
        })
        .catch((error: unknown) => {
          menuButtonsSet.delete(key);
          ctx.logger.warn({ err: error }, "could not set the dashboard menu button");
        });
    }
  }
  await next();
});

/** The dashboard Mini App behind the chat's menu button for managers and admins. */
export const dashboardFeature = composer;
