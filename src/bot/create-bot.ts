import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, type Composer, type MiddlewareFn, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.ts";
import type { Repositories } from "../db/index.ts";
import { countStatements } from "../db/statement-count.ts";
import type { Lang } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import { filesOnly, type MethodologySource } from "../methodology/shelf.ts";
import { countRateLimits, createMetrics, type Metrics } from "../metrics.ts";
import { retryingFetch } from "../runtime/retrying-fetch.ts";
import type { BotContext, ConversationContext } from "./context.ts";
import { features as registeredFeatures } from "./features/index.ts";
import { dropEmptyKeyboardRows } from "./keyboard-rows.ts";
import { answerStrangers, attachUser } from "./middleware/access.ts";
import { answerErrorsPolitely } from "./middleware/answer-errors.ts";
import {
  attachConversationLanguage,
  attachLanguage,
  type GetUserLanguage,
  type SetUserLanguage,
} from "./middleware/attach-language.ts";
import { keepCommandMenu } from "./middleware/keep-command-menu.ts";
import { type OpenUpdate, openUpdateState } from "./middleware/open-update.ts";
import {
  DEFAULT_RATE_LIMIT,
  limitUserRate,
  type RateLimitOptions,
} from "./middleware/rate-limit.ts";
import {
  type MarkUpdateProcessed,
  rememberUpdatesInMemory,
  skipRedeliveredUpdates,
} from "./middleware/skip-redelivered.ts";
import { conversationStorageOf, type StateStorage, sessionStorageOf } from "./state-storage.ts";

/** Everything the bot is built from; only config and logger are required. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  /** Handed to features as ctx.repos; only tests of the platform itself leave it out. */
  repos?: Repositories;
  /** Where each update's methodology book comes from (ctx.methodology). Default: the repository's files. */
  methodology?: MethodologySource;
  /** Resolves false for an update already handled. Default: an in-memory set (lost on restart). */
  markUpdateProcessed?: MarkUpdateProcessed;
  /** Records an update and reads its person and chat state in one statement; replaces markUpdateProcessed. */
  openUpdate?: OpenUpdate;
  /** The user's stored language. Default: the session's choice, else Telegram's language_code. */
  getUserLanguage?: GetUserLanguage;
  setUserLanguage?: SetUserLanguage;
  /** Where sessions live (keyed by chat id). Default: memory. */
  sessionStorage?: StateStorage;
  /** Where conversation replay logs live (keyed by chat id; not the session storage). Default: memory. */
  conversationStorage?: StateStorage;
  /** Per-user flood limit; false turns it off. Default: 5 updates per 2 seconds. */
  rateLimit?: RateLimitOptions | false;
  /** The feature composers; default: the list in features/index.ts. */
  features?: Composer<BotContext>[];
  /** The current time; default real time (main.ts passes clockOf(config)). */
  clock?: () => Date;
  /** Skips getMe at start (offline tests). */
  botInfo?: UserFromGetMe;
  /** Where updates, latencies, errors and 429s are counted (ctx.metrics). Default: a private registry. */
  metrics?: Metrics;
}

/** The composition root: a grammY bot with the platform middleware and every feature installed. */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const { config, logger } = deps;
  const bot = new Bot<BotContext>(config.botToken, {
    client: { apiRoot: config.apiRoot, fetch: retryingFetch() },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  const metrics = deps.metrics ?? createMetrics({ defaultMetrics: false });
  configureBotApi(bot.api, metrics);

  const clock = deps.clock ?? (() => new Date());
  // Counting an update's statements is async-local, which on Node 20 costs every promise of the
  // process a hook: only the debug log, which prints the count, pays for it.
  const countingStatements = logger.isLevelEnabled("debug");
  const lastKnownLanguage = new Map<number, Lang>();
  const repos = deps.repos ?? missingRepositories();
  const methodology = deps.methodology ?? filesOnly();
  bot.use(async (ctx, next) => {
    ctx.config = config;
    ctx.repos = repos;
    ctx.methodology = methodology.book();
    ctx.methodologySource = methodology;
    ctx.now = clock;
    ctx.metrics = metrics;
    ctx.logger = logger.child({ update_id: ctx.update.update_id });
    if (!countingStatements) return next();
    const startedAt = performance.now();
    const { statements } = await countStatements(() => next());
    // Sessions are saved by now; tests wait for this line before simulating a crash.
    ctx.logger.debug(
      { ms: Math.round(performance.now() - startedAt), statements },
      "update handled",
    );
  });
  // Updates of one chat or user are handled one after another, so sessions never race.
  bot.use(sequentialize(sequenceKeys));
  // After sequentialize: the latency of the handler, not of the wait behind the chat's queue.
  bot.use(async (ctx, next) => {
    const startedAt = performance.now();
    try {
      await next();
    } finally {
      metrics.updateHandled(updateTypeOf(ctx), (performance.now() - startedAt) / 1000);
    }
  });
  // The flood limit comes before anything is written: a flood costs the database nothing.
  if (deps.rateLimit !== false) bot.use(limitUserRate(deps.rateLimit ?? DEFAULT_RATE_LIMIT));
  bot.use(
    deps.openUpdate
      ? openUpdateState(deps.openUpdate)
      : skipRedeliveredUpdates(deps.markUpdateProcessed ?? rememberUpdatesInMemory()),
  );

  // Everything below answers the user politely when it fails.
  const guarded = bot.errorBoundary((error, next) => {
    metrics.errorCaught("feature");
    return answerErrorsPolitely(error, next);
  });
  guarded.use(
    session({
      initial: () => ({}),
      ...(deps.sessionStorage ? { storage: sessionStorageOf(deps.sessionStorage) } : {}),
    }),
  );
  guarded.use(
    attachLanguage({
      getUserLanguage: deps.getUserLanguage,
      setUserLanguage: deps.setUserLanguage,
      lastKnown: lastKnownLanguage,
    }),
  );
  // Before attachUser, so the menu follows a person even when they are turned away there.
  guarded.use(keepCommandMenu);
  // Without a database (platform tests) everyone is a stranger.
  guarded.use(deps.repos ? attachUser : treatEveryoneAsStranger);
  guarded.use(
    conversations<BotContext, ConversationContext>({
      ...(deps.conversationStorage
        ? { storage: conversationStorageOf(deps.conversationStorage) }
        : {}),
      plugins: [
        attachConversationLanguage(config, lastKnownLanguage, () => methodology.book()),
        // A conversation's context has its own Api, which bot.api's transformers do not reach.
        (ctx, next) => {
          configureBotApi(ctx.api, metrics);
          return next();
        },
      ],
    }),
  );
  for (const feature of deps.features ?? registeredFeatures) guarded.use(feature);
  // Whatever no feature took: strangers learn how to join.
  guarded.use(answerStrangers);

  // Failures outside the boundary (de-duplication, rate limit) are only logged.
  bot.catch((error) => {
    metrics.errorCaught("platform");
    error.ctx.logger.error({ err: error.error }, "an update failed before reaching the features");
  });
  return bot;
}

/**
 * Keyboards leave without empty rows (keyboard-rows.ts). A 429 waits its retry_after and a 5xx
 * backs off, up to three more tries, so one Bot API error does not cost the person their answer.
 * The counter comes first, so it sits inside auto-retry and sees every 429, not just the last one.
 */
function configureBotApi(api: Api, metrics: Metrics): void {
  api.config.use(dropEmptyKeyboardRows);
  api.config.use(countRateLimits(metrics));
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
}

const treatEveryoneAsStranger: MiddlewareFn<BotContext> = (ctx, next) => {
  ctx.user = undefined;
  return next();
};

function updateTypeOf(ctx: BotContext): string {
  return Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown";
}

function sequenceKeys(ctx: BotContext): string[] {
  const keys: string[] = [];
  if (ctx.chat) keys.push(`chat:${ctx.chat.id}`);
  if (ctx.from) keys.push(`user:${ctx.from.id}`);
  return keys;
}

/** Stands in for the repositories when a test builds a bot without a database. */
function missingRepositories(): Repositories {
  return new Proxy({} as Repositories, {
    get(_target, property) {
      // Symbols and "then" are probed by inspectors and await; only real use should fail.
      if (typeof property === "symbol" || property === "then") return undefined;
      throw new Error(`ctx.repos.${String(property)} used, but createBot got no repos`);
    },
  });
}
