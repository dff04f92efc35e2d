import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import type { BotContext, SessionData } from "./context.ts";

/** A key → JSON value store; the database's bot-state adapters and test fakes both fit it. */
export interface StateStorage {
  read(key: string): Promise<unknown> | unknown;
  write(key: string, value: unknown): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}

/**
 * Bump when a conversation changes so that stored replay logs no longer fit it:
 * the plugin then drops old conversation states instead of replaying them wrongly.
 */
export const CONVERSATION_STATE_VERSION = 3;

/** Session storage keyed by chat id. */
export function sessionStorageOf(storage: StateStorage): StorageAdapter<SessionData> {
  return {
    read: async (key) => (await storage.read(key)) as SessionData | undefined,
    write: (key, value) => storage.write(key, value),
    delete: (key) => storage.delete(key),
  };
}

type ConversationState = VersionedState<ConversationData>;

/**
 * Conversation storage keyed by chat id, skipping updates without a chat
 * (the plugin's own key storage would file those under the literal key "undefined").
 */
export function conversationStorageOf(storage: StateStorage) {
  const keyOf = (ctx: BotContext) => (ctx.chatId === undefined ? undefined : String(ctx.chatId));
  return {
    type: "context" as const,
    version: CONVERSATION_STATE_VERSION,
    adapter: {
      read: async (ctx: BotContext) => {
        const key = keyOf(ctx);
        return key ? ((await storage.read(key)) as ConversationState | undefined) : undefined;
      },
      write: async (ctx: BotContext, state: ConversationState) => {
        const key = keyOf(ctx);
        if (key) await storage.write(key, state);
      },
      delete: async (ctx: BotContext) => {
        const key = keyOf(ctx);
        if (key) await storage.delete(key);
      },
    },
  };
}
