import { setTimeout as sleep } from "node:timers/promises";
import { run } from "@grammyjs/runner";
import { type Bot, Context, type Transformer } from "grammy";
import type { Update } from "grammy/types";
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
   * Webhook mode with several processes: the cross-process lock taken before an update is
   * acknowledged (see chat-locks.ts). Without it, one process owns the bot and in-process
   * sequentialize is enough.
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
    const release: ReleaseLock =
      key && deps.chatLocks ? await deps.chatLocks.lock(key) : async () => undefined;
    const task = bot
      .handleUpdate(update)
      .catch((error: unknown) => deps.logger.error({ err: error }, "update failed"))
      .finally(async () => {
        await release();
        inFlight.delete(task);
      });
    inFlight.add(task);
  };
  endpoint.takeUpdates(() => accepting, acceptUpdate);
  await bot.api.setWebhook(mode.url, { secret_token: mode.secret });
  return {
    async stop() {
      // The webhook stays set: other processes behind the same URL go on serving it, and
      // Telegram keeps the updates for a day while none answers.
      accepting = false;
      // Waits for requests still queued for a chat's lock: they are acknowledged and handled.
      await endpoint.close();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
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
