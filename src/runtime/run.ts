import { setTimeout as sleep } from "node:timers/promises";
import { run } from "@grammyjs/runner";
import { type Bot, Context, type Transformer } from "grammy";
import type { Update } from "grammy/types";
import { type ChatTurn, giveTurn } from "../bot/chat-turn.ts";
import type { BotContext } from "../bot/context.ts";
import { type BotCommandSpec, publishCommands } from "../bot/publish-commands.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { type ChatLocks, lockKeyOf, type ReleaseLock } from "./chat-locks.ts";
import { openServiceEndpoint, type ServiceEndpoint } from "./service-endpoint.ts";

export interface RunDeps {
  config: Config;
  logger: Logger;
  commands: BotCommandSpec[];
  /**
   * The HTTP side, opened at the start of start-up (main.ts); runBot opens one itself when absent.
   * The running bot's stop() closes it.
   */
  endpoint?: ServiceEndpoint;
  /**
   * Webhook mode with several processes: the cross-process lock a long update takes before it is
   * acknowledged, and the next update of its chat waits for (see chat-locks.ts). Without it, one
   * process owns the bot and in-process sequentialize is enough.
   */
  chatLocks?: Pick<ChatLocks, "lock">;
}

/** A started bot; stop() stops taking updates and waits for the ones in flight. */
export interface RunningBot {
  stop(): Promise<void>;
}

/** Starts the bot in the mode the config names: long polling (runner) or a webhook server. */
export async function runBot(bot: Bot<BotContext>, deps: RunDeps): Promise<RunningBot> {
  await bot.init();
  await publishCommands(bot.api, deps.commands).catch((error: unknown) =>
    deps.logger.warn({ err: error }, "could not publish the command menu"),
  );
  const endpoint = deps.endpoint ?? (await openServiceEndpoint(deps));
  const running =
    deps.config.mode.type === "webhook"
      ? await runWebhook(bot, deps, endpoint, deps.config.mode)
      : await runPolling(bot, endpoint, deps.config.mode);
  deps.logger.info(
    { username: bot.botInfo.username, mode: deps.config.mode.type },
    `bot @${bot.botInfo.username} is running`,
  );
  return running;
}

type Mode<T extends Config["mode"]["type"]> = Extract<Config["mode"], { type: T }>;

async function runPolling(
  bot: Bot<BotContext>,
  endpoint: ServiceEndpoint,
  mode: Mode<"polling">,
): Promise<RunningBot> {
  if (mode.pollIdleDelayMs > 0) bot.api.config.use(pauseAfterEmptyPoll(mode.pollIdleDelayMs));
  // getUpdates is refused while a webhook is set (409), e.g. after switching modes.
  await bot.api.deleteWebhook();
  const runner = run(bot);
  endpoint.takeUpdates(() => runner.isRunning());
  return {
    async stop() {
      // Stops fetching; resolves once the fetched batch is queued (not yet handled).
      await runner.stop();
      // Finish what was fetched: Telegram may already count it delivered (the offset went out with
      // the aborted poll). Whatever it does not is redelivered at the next start and skipped.
      while (runner.size() > 0) await sleep(10);
      await endpoint.close();
    },
  };
}

async function runWebhook(
  bot: Bot<BotContext>,
  deps: RunDeps,
  endpoint: ServiceEndpoint,
  mode: Mode<"webhook">,
): Promise<RunningBot> {
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  const acceptUpdate = async (update: Update) => {
    // A 503 while stopping: Telegram redelivers it, through the proxy, to another process.
    if (!accepting) throw new Error("stopping");
    const key = lockKeyOf(new Context(update, bot.api, bot.botInfo));
    const turn = key && deps.chatLocks ? chatTurn(deps.chatLocks, key) : undefined;
    if (turn) giveTurn(update, turn);
    const task = bot
      .handleUpdate(update)
      .catch((error: unknown) => deps.logger.error({ err: error }, "update failed"))
      .finally(async () => {
        await turn?.release();
        inFlight.delete(task);
      });
    inFlight.add(task);
    // Answered once handled: Telegram sends the chat's next update only then, so without a lock
    // it cannot overtake this one on another process. One that runs long is answered once this
    // process holds the chat's lock, which the next update, wherever it lands, waits for.
    if (!(await settlesWithin(task, mode.answerWithinMs))) await turn?.hold();
  };
  endpoint.takeUpdates(() => accepting, acceptUpdate);
  // An update holds its connection until handled, Bot API round trips included: as many
  // connections as Telegram allows (its default is 40), so they do not cap the rate.
  await bot.api.setWebhook(mode.url, { secret_token: mode.secret, max_connections: 100 });
  return {
    async stop() {
      // The webhook stays set: other processes behind the same URL go on serving it, and
      // Telegram keeps the updates for a day while none answers.
      accepting = false;
      // Waits for requests still being answered: they are handled.
      await endpoint.close();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** Whether `work` settles within `ms` (its timer cleared as soon as it does). */
function settlesWithin(work: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void work.finally(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** A turn whose lock is taken at most once, on first need, and released with the update. */
function chatTurn(
  locks: Pick<ChatLocks, "lock">,
  key: string,
): ChatTurn & { release(): Promise<void> } {
  let taking: Promise<ReleaseLock> | undefined;
  let held = false;
  let over = false;
  return {
    key,
    get held() {
      return held;
    },
    async hold() {
      // The update ended meanwhile: there is nothing left to hold the chat for.
      if (over) return;
      taking ??= locks.lock(key).catch((error: unknown) => {
        // Not taken (the database is away): the next hold tries again.
        taking = undefined;
        throw error;
      });
      await taking;
      held = true;
    },
    async release() {
      over = true;
      const release = await taking?.catch(() => undefined);
      await release?.();
    },
  };
}

/**
 * Sleeps after a getUpdates that returned nothing. Real Telegram holds the request open (long
 * polling); a test server answers at once, and without a pause the bot would spin a full core.
 */
function pauseAfterEmptyPoll(delayMs: number): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const isEmptyBatch = method === "getUpdates" && result.ok && Array.isArray(result.result);
    if (isEmptyBatch && (result.result as unknown[]).length === 0) {
      await sleep(delayMs, undefined, { signal: signal as AbortSignal | undefined }).catch(
        () => undefined,
      );
    }
    return result;
  };
}

/** Stops the bot on SIGTERM or SIGINT, calls close() (the database), then exits 0. */
export function stopOnSignals(deps: {
  running: RunningBot;
  logger: Logger;
  close?: () => Promise<void>;
  /** Exit 1 if shutting down takes longer than this. */
  timeoutMs?: number;
}): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, "stopping: finishing the updates in flight");
    setTimeout(() => {
      deps.logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, deps.timeoutMs ?? 20_000).unref();
    try {
      await deps.running.stop();
      await deps.close?.();
      deps.logger.info("stopped");
      process.exit(0);
    } catch (error) {
      deps.logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
