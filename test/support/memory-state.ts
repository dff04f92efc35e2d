import type { StateStorage } from "../../src/bot/state-storage.ts";

/**
 * The bot's state dependencies kept in a Map, for tests that run before (or without) the
 * database. Values are stored as JSON so a test sees what a database would keep.
 */
export function createMemoryState() {
  const processed = new Set<number>();
  const languages = new Map<number, "kk" | "ru">();
  const sessions = new Map<string, string>();
  const conversations = new Map<string, string>();
  return {
    sessions,
    conversations,
    sessionStorage: jsonStorage(sessions),
    conversationStorage: jsonStorage(conversations),
    markUpdateProcessed: async (updateId: number) => {
      if (processed.has(updateId)) return false;
      processed.add(updateId);
      return true;
    },
    getUserLanguage: async (telegramId: number) => languages.get(telegramId),
    setUserLanguage: async (telegramId: number, lang: "kk" | "ru") => {
      languages.set(telegramId, lang);
    },
  };
}

function jsonStorage(values: Map<string, string>): StateStorage {
  return {
    read: (key) => {
      const value = values.get(key);
      return value === undefined ? undefined : JSON.parse(value);
    },
    write: (key, value) => void values.set(key, JSON.stringify(value)),
    delete: (key) => void values.delete(key),
  };
}
