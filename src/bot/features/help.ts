import { Composer } from "grammy";
import type { Role, UserRecord } from "../../db/repositories/users.ts";
import type { BotContext } from "../context.ts";
import { menuItemsFor } from "../main-menu.ts";
import { hasRole } from "../middleware/access.ts";

const composer = new Composer<BotContext>();

// Who may use each feature's command; admins may use them all (see requireRole).
const ROLE_COMMANDS: Record<string, readonly Role[]> = {
  report: ["commissioner"],
  indicators: ["officer"],
  score: ["manager", "commissioner", "officer"],
  leaderboard: ["manager", "commissioner", "officer"],
  review: [],
  export: [],
  import: [],
  users: [],
  audit: [],
  broadcast: [],
  deadlines: [],
};

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
    ...roleCommands(ctx.user).map((command) => `/${command} — ${ctx.t(`commands.${command}`)}`),
  ];
  if (!ctx.user) return [...lines, "", ctx.t("onboarding:stranger.howToJoin")].join("\n");
  const items = menuItemsFor(ctx.user.role);
  if (items.length > 0) {
    lines.push("", ctx.t("onboarding:help.buttons"), ...items.map((item) => ctx.t(item.helpKey)));
  }
  return lines.join("\n");
}

function roleCommands(user: UserRecord | undefined): string[] {
  return Object.entries(ROLE_COMMANDS)
    .filter(([, roles]) => hasRole(user, roles))
    .map(([command]) => command);
}

/** /help: the commands and buttons of the person's role, in their language. */
export const helpFeature = composer;
