import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { menuItemsFor } from "../main-menu.ts";

const composer = new Composer<BotContext>();

composer.chatType("private").command("help", async (ctx) => {
  await ctx.reply(helpText(ctx));
});

/** What this person can do: their commands, then their main-menu buttons. */
export function helpText(ctx: Pick<BotContext, "t" | "user">): string {
  const commands = ["start", "lang", "help"];
  if (ctx.user?.role === "admin") commands.push("invite");
  const lines = [
    `${ctx.t("onboarding:help.title")}`,
    "",
    ctx.t("onboarding:help.commands"),
    ...commands.map((command) => ctx.t(`onboarding:help.${command}`)),
  ];
  if (!ctx.user) return [...lines, "", ctx.t("onboarding:stranger.howToJoin")].join("\n");
  const items = menuItemsFor(ctx.user.role);
  if (items.length > 0) {
    lines.push("", ctx.t("onboarding:help.buttons"), ...items.map((item) => ctx.t(item.helpKey)));
  }
  return lines.join("\n");
}

/** /help: the commands and buttons of the person's role, in their language. */
export const helpFeature = composer;
