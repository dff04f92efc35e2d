import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { run } from "@grammyjs/runner";
import { type Bot, Context, type Transformer } from "grammy";
import type { Update } from "grammy/types";
import type { Registry } from "prom-client";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { type ChatLocks, lockKeyOf, type ReleaseLock } from "./chat-locks.ts";
import type { BotContext } from "./context.ts";
import type { BotCommandSpec } from "./features/index.ts";
import { createHttpServer } from "./http-server.ts";
import { publishCommands } from "./publish-commands.ts";
import { createReadinessCheck, type Probe } from "./readiness.ts";

export interface RunDeps {
  config: Config;
  logger: Logger;
  commands: BotCommandSpec[];
  /** Checks /readyz runs on every request (e.g. the database answers SELECT 1). */
  probes?: Record<string, Probe>;
  /** Costlier checks whose answer /readyz keeps for a while (migrations, Bot API). */
  cachedProbes?: Record<string, Probe>;
  /** Served at /metrics. */
  metrics?: Registry;
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
  const running =
    deps.config.mode.type === "webhook"
      ? await runWebhook(bot, deps, deps.config.mode)
      : await runPolling(bot, deps, deps.config.mode);
  deps.logger.info(
    { username: bot.botInfo.username, mode: deps.config.mode.type },
    `bot @${bot.botInfo.username} is running`,
  );
  return running;
}

type Mode<T extends Config["mode"]["type"]> = Extract<Config["mode"], { type: T }>;

async function runPolling(bot: Bot<BotContext>, deps: RunDeps, mode: Mode<"polling">) {
  if (mode.pollIdleDelayMs > 0) bot.api.config.use(pauseAfterEmptyPoll(mode.pollIdleDelayMs));
  // getUpdates is refused while a webhook is set (409), e.g. after switching modes.
  await bot.api.deleteWebhook();
  const runner = run(bot);
  let server: Server | undefined;
  if (mode.httpPort !== undefined) {
    server = createHttpServer({
      logger: deps.logger,
      metrics: deps.metrics,
      checkReady: readinessOf(deps, () => runner.isRunning()),
    });
    await listen(server, mode.httpPort, mode.host);
  }
  return {
    async stop() {
      // Stops fetching; resolves once the fetched batch is queued (not yet handled).
      await runner.stop();
      // Finish what was fetched: Telegram may already count it delivered (the offset went out with
      // the aborted poll). Whatever it does not is redelivered at the next start and skipped.
      while (runner.size() > 0) await sleep(10);
      if (server) await closeServer(server);
    },
  };
}

async function runWebhook(bot: Bot<BotContext>, deps: RunDeps, mode: Mode<"webhook">) {
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
  const server = createHttpServer({
    logger: deps.logger,
    metrics: deps.metrics,
    checkReady: readinessOf(deps, () => accepting),
    webhook: { path: new URL(mode.url).pathname, secret: mode.secret, acceptUpdate },
  });
  await listen(server, mode.port, mode.host);
  await bot.api.setWebhook(mode.url, { secret_token: mode.secret });
  return {
    async stop() {
      // The webhook stays set: other processes behind the same URL go on serving it, and
      // Telegram keeps the updates for a day while none answers.
      accepting = false;
      // Waits for requests still queued for a chat's lock: they are acknowledged and handled.
      await closeServer(server);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

function readinessOf(deps: RunDeps, takingUpdates: () => boolean) {
  return createReadinessCheck({
    probes: {
      updates: async () => {
        if (!takingUpdates()) throw new Error("not taking updates (stopping or stopped)");
      },
      ...deps.probes,
    },
    cachedProbes: deps.cachedProbes,
  });
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections (Telegram's, a proxy's) go idle after their last answer; close them
    // as they do, or close() would wait for the client to hang up.
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
