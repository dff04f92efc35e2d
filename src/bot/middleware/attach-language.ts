import type { MiddlewareFn } from "grammy";
import type { Config } from "../../config.ts";
import type { MethodologyBook } from "../../domain/methodology/book.ts";
import { type Lang, pickLanguage, translator } from "../../i18n.ts";
import type { BotContext, ConversationContext, Translate } from "../context.ts";

/** Reads a user's stored language choice (undefined when they never chose). */
export type GetUserLanguage = (telegramId: number) => Promise<Lang | undefined>;
/** Stores a user's language choice. */
export type SetUserLanguage = (telegramId: number, lang: Lang) => Promise<void>;

/** A translator for one language with the loose signature features use. */
export function translate(lang: Lang): Translate {
  const t = translator(lang);
  return (key, params) => String(t(key, params ?? {}));
}

/**
 * Sets ctx.lang, ctx.t and ctx.setLanguage: the stored choice, else the session's, else Telegram's
 * language_code. Must come after the session middleware. Remembers each user's language in
 * `lastKnown` so conversation replays (which cannot await the database) speak it too.
 */
export function attachLanguage(deps: {
  getUserLanguage?: GetUserLanguage;
  setUserLanguage?: SetUserLanguage;
  lastKnown: Map<number, Lang>;
}): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    const stored = userId !== undefined ? await storedLanguage(ctx, userId, deps) : undefined;
    const session = ctx.chatId !== undefined ? ctx.session : undefined;
    const use = (lang: Lang) => {
      ctx.lang = lang;
      ctx.t = translate(lang);
      if (userId !== undefined) deps.lastKnown.set(userId, lang);
    };
    use(stored ?? session?.lang ?? pickLanguage(ctx.from?.language_code));
    ctx.setLanguage = async (lang) => {
      if (userId !== undefined) await deps.setUserLanguage?.(userId, lang);
      if (session) session.lang = lang;
      use(lang);
    };
    await next();
  };
}

/**
 * The conversation-side twin of attachLanguage, installed as a plugin of every conversation; it
 * also hands conversations the config and the methodology book (pure data, no I/O).
 */
export function attachConversationLanguage(
  config: Config,
  lastKnown: Map<number, Lang>,
  methodology: () => MethodologyBook,
): MiddlewareFn<ConversationContext> {
  return async (ctx, next) => {
    const lang = (ctx.from && lastKnown.get(ctx.from.id)) ?? pickLanguage(ctx.from?.language_code);
    ctx.lang = lang;
    ctx.t = translate(lang);
    ctx.config = config;
    ctx.methodology = methodology();
    await next();
  };
}

/** The language of the person's account: as the update's first statement read it, if it did. */
async function storedLanguage(
  ctx: BotContext,
  userId: number,
  deps: { getUserLanguage?: GetUserLanguage },
): Promise<Lang | undefined> {
  const prefetched = ctx.prefetched;
  if (prefetched)
    return prefetched.user?.telegramId === userId ? prefetched.user.language : undefined;
  return deps.getUserLanguage?.(userId);
}
