import type { Api } from "grammy";
import { LANGUAGES } from "../i18n.ts";
import type { BotCommandSpec } from "./features/index.ts";
import { translate } from "./middleware/attach-language.ts";

/** Sets Telegram's command menu once per language (kk, ru) and as the default (Russian). */
export async function publishCommands(api: Api, commands: BotCommandSpec[]): Promise<void> {
  const describe = (lang: (typeof LANGUAGES)[number]) => {
    const t = translate(lang);
    return commands.map(({ command }) => ({ command, description: t(`commands.${command}`) }));
  };
  for (const lang of LANGUAGES) {
    await api.setMyCommands(describe(lang), { language_code: lang });
  }
  // Users whose Telegram speaks neither language get Russian, as pickLanguage decides.
  await api.setMyCommands(describe("ru"));
}
