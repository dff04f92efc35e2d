import type { Api } from "grammy";
import { LANGUAGES } from "../i18n.ts";
import { commandsFor, describeCommands } from "./command-menu.ts";

/** A command shown in Telegram's menu; its description is the locale key `commands.<command>`. */
export interface BotCommandSpec {
  command: string;
}

/**
 * Sets Telegram's default command menu once per language (kk, ru) and without one (Russian):
 * a stranger's commands only. Each person who joins gets their own chat's menu
 * (keep-command-menu.ts), so nobody sees commands their role cannot use.
 */
export async function publishCommands(api: Api, commands: BotCommandSpec[]): Promise<void> {
  const strangers = new Set(commandsFor(undefined));
  const shown = commands.map(({ command }) => command).filter((c) => strangers.has(c));
  for (const lang of LANGUAGES) {
    await api.setMyCommands(describeCommands(shown, lang), { language_code: lang });
  }
  // Users whose Telegram speaks neither language get Russian, as pickLanguage decides.
  await api.setMyCommands(describeCommands(shown, "ru"));
}
