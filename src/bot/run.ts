import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { run } from "@grammyjs/runner";
import type { Bot, Transformer } from "grammy";
import type { Update } from "grammy/types";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";
import type { BotCommandSpec } from "./features/index.ts";
import { createHttpServer } from "./http-server.ts";
import { publishCommands } from "./publish-commands.ts";

export interface RunDeps {
  config: Config;
  logger: Logger;
  commands: BotCommandSpec[];
  /** Extra readiness condition for /readyz (e.g. the database answers). Default: always ready. */
  checkReady?: () => boolean | Promise<boolean>;
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
      checkReady: async () => runner.isRunning() && ((await deps.checkReady?.()) ?? true),
    });
    await listen(server, mode.httpPort, mode.host);
  }
  return {
    async stop() {
      // Resolves once the middleware of every fetched update has finished.
      await runner.stop();
      if (server) await closeServer(server);
    },
  };
}

async function runWebhook(bot: Bot<BotContext>, deps: RunDeps, mode: Mode<"webhook">) {
  const inFlight = new Set<Promise<void>>();
  const acceptUpdate = (update: Update) => {
    const task = bot
      .handleUpdate(update)
      .catch((error: unknown) => deps.logger.error({ err: error }, "update failed"))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  let accepting = true;
  const server = createHttpServer({
    logger: deps.logger,
    checkReady: async () => accepting && ((await deps.checkReady?.()) ?? true),
    webhook: { path: new URL(mode.url).pathname, secret: mode.secret, acceptUpdate },
  });
  await listen(server, mode.port, mode.host);
  await bot.api.setWebhook(mode.url, { secret_token: mode.secret });
  return {
    async stop() {
      accepting = false;
      await bot.api
        .deleteWebhook()
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, "could not delete the webhook"),
        );
      await closeServer(server);
      await Promise.allSettled([...inFlight]);
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
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
