import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context, SessionFlavor } from "grammy";
import type { Config } from "../config.ts";
import type { Repositories } from "../db/index.ts";
import type { UpdateState } from "../db/repositories/update-state.ts";
import type { UserRecord } from "../db/repositories/users.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { Lang } from "../i18n.ts";
import type { Translate } from "../i18n-keys.ts";
import type { Logger } from "../logger.ts";
import type { MethodologySource } from "../methodology/shelf.ts";
import type { Metrics } from "../metrics.ts";
import type { OpenEntry } from "./forms/entry.ts";
import type { OpenForm } from "./forms/open-form.ts";

/** Translates a key ("welcome.greeting", or "scoring:…" for another namespace) into ctx.lang. */
export type { Translate };

/** Per-chat data kept between updates; features add their fields here. */
export interface SessionData {
  /** The chosen language when no getUserLanguage dependency stores it. */
  lang?: Lang;
  /** The invite code (or "") a new person opened the bot with, until they pick a language. */
  pendingInvite?: string;
  /** What this chat's command menu was last set from ("officer|kk"); see keep-command-menu.ts. */
  commandMenu?: string;
  /** The invite a registered person opened, until they answer whether it may change their role or body. */
  pendingSwitch?: string;
  /** The report an admin is returning: their next text message is the comment (features/review.ts). */
  pendingReturn?: number;
  /** The review list an admin saw last (an encoded filter), where a report's "back" returns to. */
  reviewList?: string;
  /** An admin asked /import: their next document is the directory file (features/import.ts). */
  awaitingImport?: boolean;
  /** The report form whose draft the chat's answers fill in, once its entry is done (forms/open-form.ts). */
  form?: OpenForm;
  /** The report entry the chat is in, before its draft is open (forms/entry.ts). */
  entry?: OpenEntry;
}

/** The language of the person behind the update and a translator bound to it. */
export interface I18nFlavor {
  lang: Lang;
  t: Translate;
}

/** What the platform puts on every context object before features run. */
export interface PlatformFlavor extends I18nFlavor {
  config: Config;
  /** A child logger bound to this update (update_id, user, chat). */
  logger: Logger;
  /** The database's repositories (use them through conversation.external inside conversations). */
  repos: Repositories;
  /**
   * Every loaded methodology version (files and uploads), as of this update. Score a period by
   * ctx.methodology.forPeriod(periodKey); new periods by .newest.
   */
  methodology: MethodologyBook;
  /** Where ctx.methodology came from: an activated upload refreshes it (services/methodology-upload.ts). */
  methodologySource: MethodologySource;
  /** The current time; tests fix it through BotDeps.clock. Never call new Date() in features. */
  now(): Date;
  /** Counters for this process's /metrics; in conversations: conversation.external((ctx) => ctx.metrics.conversationStep("id")). */
  metrics: Metrics;
  /** What the update's first statement read (person, chat state, latest draft); absent without a database. */
  prefetched?: UpdateState;
  /** The active account behind the update; undefined for strangers (see middleware/access.ts). */
  user: UserRecord | undefined;
  /** Stores the user's language choice and switches ctx.lang and ctx.t to it at once. */
  setLanguage(lang: Lang): Promise<void>;
}

/** The context type every feature composer and middleware uses. */
export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & PlatformFlavor>;

/**
 * The context type inside conversations: sessions and repos are outside (use conversation.external);
 * i18n, config and the methodology (pure data) are here.
 */
export type ConversationContext = Context &
  I18nFlavor & { config: Config; methodology: MethodologyBook };
