import type { Api } from "grammy";
import type { Role, UserRecord } from "../db/repositories/users.ts";
import type { Lang } from "../i18n.ts";
import { dataKey } from "../i18n-keys.ts";
import type { BotContext } from "./context.ts";
import { hasRole } from "./middleware/access.ts";
import { translate } from "./middleware/attach-language.ts";

/**
 * Every command, in the order Telegram shows it, with who may use it: "everyone" includes people
 * who have not joined; a role list also lets admins in, and an empty list means admins only.
 * Its description is the locale key `commands.<command>`.
 */
export const COMMAND_ROLES: readonly { command: string; roles: readonly Role[] | "everyone" }[] = [
  { command: "start", roles: "everyone" },
  { command: "help", roles: "everyone" },
  { command: "lang", roles: "everyone" },
  { command: "invite", roles: [] },
  { command: "indicators", roles: ["officer"] },
  { command: "report", roles: ["commissioner"] },
  { command: "myreports", roles: ["commissioner", "officer", "manager"] },
  { command: "score", roles: ["manager", "commissioner", "officer"] },
  { command: "leaderboard", roles: ["manager", "commissioner", "officer"] },
  { command: "review", roles: [] },
  { command: "export", roles: ["manager"] },
  { command: "import", roles: [] },
  { command: "users", roles: [] },
  { command: "audit", roles: [] },
  { command: "broadcast", roles: [] },
  { command: "deadlines", roles: [] },
  { command: "methodology", roles: [] },
];

/** The commands this person may use (an active user's role, else what a stranger may), in menu order. */
export function commandsFor(user: UserRecord | undefined): string[] {
  return COMMAND_ROLES.filter(({ roles }) => roles === "everyone" || hasRole(user, roles)).map(
    ({ command }) => command,
  );
}

/** Telegram's menu entries for these commands in one language. */
export function describeCommands(commands: readonly string[], lang: Lang) {
  const t = translate(lang);
  return commands.map((command) => ({ command, description: t(dataKey(`commands.${command}`)) }));
}

/** What a person's chat menu is made of; when it changes, the menu is set again. */
export function menuSignature(user: UserRecord | undefined, lang: Lang): string {
  return `${user?.active ? user.role : "stranger"}|${lang}`;
}

/**
 * Sets the command menu of one person's private chat (Telegram's chat scope: it wins over the
 * default menu, whatever their Telegram language): their role's commands in their language, or a
 * stranger's once they are switched off.
 */
export async function publishPersonCommands(
  api: Pick<Api, "setMyCommands">,
  chatId: number,
  user: UserRecord | undefined,
  lang: Lang,
): Promise<void> {
  await api.setMyCommands(describeCommands(commandsFor(user), lang), {
    scope: { type: "chat", chat_id: chatId },
  });
}

/**
 * Sets the menu of a person an admin just changed (role, access), so it is right before they
 * write again; a failure is only logged, since their next update sets it anyway.
 */
export async function refreshMenuOf(
  ctx: Pick<BotContext, "api" | "logger">,
  user: UserRecord,
): Promise<void> {
  try {
    await publishPersonCommands(ctx.api, user.telegramId, user, user.language);
  } catch (error) {
    ctx.logger.warn({ err: error, userId: user.id }, "could not set the person's command menu");
  }
}
