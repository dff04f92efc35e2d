import type { Repositories } from "../db/index.ts";
import type { BotDeps } from "./create-bot.ts";

type DatabaseDeps = Required<
  Pick<
    BotDeps,
    | "repos"
    | "markUpdateProcessed"
    | "openUpdate"
    | "getUserLanguage"
    | "setUserLanguage"
    | "sessionStorage"
    | "conversationStorage"
  >
>;

/** The bot's state dependencies, all kept in the database. */
export function botDepsFromRepositories(repos: Repositories): DatabaseDeps {
  return {
    repos,
    markUpdateProcessed: (updateId) => repos.botState.markUpdateProcessed(updateId),
    openUpdate: (input) => repos.updateState.open(input),
    // People without an account yet keep their choice in the session (see attachLanguage).
    getUserLanguage: async (telegramId) =>
      (await repos.users.getUserByTelegramId(telegramId))?.language,
    setUserLanguage: async (telegramId, lang) => {
      const user = await repos.users.getUserByTelegramId(telegramId);
      if (user) await repos.users.setLanguage(user.id, lang);
    },
    sessionStorage: repos.botState.storage("session"),
    conversationStorage: repos.botState.storage("conversation"),
  };
}
