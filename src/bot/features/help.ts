import { Composer } from "grammy";
import { commandsFor } from "../command-menu.ts";
import type { BotContext } from "../context.ts";
import { menuItemsFor } from "../main-menu.ts";

const composer = new Composer<BotContext>();

// Commands whose /help line says more than their menu description.
const OWN_HELP_LINE = new Set(["start", "lang", "help", "invite"]);

composer.chatType("private").command("help", async (ctx) => {
  await ctx.reply(helpText(ctx));
});

/** What this person can do: their commands (the same as their command menu), then their buttons. */
export function helpText(ctx: Pick<BotContext, "t" | "user">): string {
  const lines = [
    `${ctx.t("onboarding:help.title")}`,
    "",
    ctx.t("onboarding:help.commands"),
    ...commandsFor(ctx.user).map((command) =>
      OWN_HELP_LINE.has(command)
        ? ctx.t(`onboarding:help.${command}`)
        : `/${command} — ${ctx.t(`commands.${command}`)}`,
    ),
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
