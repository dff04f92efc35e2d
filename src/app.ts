// The bot's composition: the database, the methodology, the dashboard, the bot, the outbox sender
// and the scheduler, started in order and stopped in reverse. src/main.ts runs it as the process;
// the end-to-end tests that do not test the process itself run it inside their worker.
import { Api } from "grammy";
import { announceOwnerClaim } from "./bot/announce-owner-claim.ts";
import { createBot } from "./bot/create-bot.ts";
import { botDepsFromRepositories } from "./bot/database-deps.ts";
import { commands } from "./bot/features/index.ts";
import { dropEmptyKeyboardRows } from "./bot/keyboard-rows.ts";
import { type Config, clockOf } from "./config.ts";
import { serveDashboard } from "./dashboard/index.ts";
import { createRepositories, migrateDatabase, openDatabase } from "./db/index.ts";
import { startOutboxSender } from "./delivery/outbox-sender.ts";
import { startSchedule } from "./jobs/schedule.ts";
import type { Logger } from "./logger.ts";
import {
  bundledMethodology,
  UnknownVariantsError,
  variantsNoVersionKnows,
} from "./methodology/load.ts";
import { type MethodologySource, openMethodologyShelf } from "./methodology/shelf.ts";
import { createMetrics } from "./metrics.ts";
import { createChatLocks } from "./runtime/chat-locks.ts";
import { probeBotApi, probeDatabase, probeMigrations } from "./runtime/readiness.ts";
import { type RunningBot, runBot } from "./runtime/run.ts";
import { openServiceEndpoint } from "./runtime/service-endpoint.ts";
import { waitForBotApi } from "./runtime/wait-for-bot-api.ts";

// Versions another process uploaded reach this one within this time (its own, at once).
const METHODOLOGY_REFRESH_MS = 15_000;

// Telegram redelivers an unconfirmed update within hours; two days of ids is plenty.
const PROCESSED_UPDATE_RETENTION_MS = 2 * 24 * 60 * 60 * 1000;

/** The running bot: `stop` finishes the updates in flight, then stops the rest and the database. */
export interface RunningApp {
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /**
   * Called as soon as updates flow, with what stops them and what closes the rest (main.ts hands
   * them to its signal handlers there, before the sender and the jobs start).
   */
  onRunning?: (stopping: { running: RunningBot; close: () => Promise<void> }) => void;
  /** Where the owner-claim link is printed for the operator; default standard output. */
  print?: (line: string) => void;
}

/**
 * Starts everything the bot runs. Throws what stopped the start (see main.ts for the known ones);
 * what it had opened by then stays open, since the process exits on a failed start.
 */
export async function startApp({
  config,
  logger,
  onRunning = () => {},
  print,
}: AppOptions): Promise<RunningApp> {
  const metrics = createMetrics();
  // Stopped one by one after the bot stops taking updates and before the database closes: the
  // scheduler, the outbox sender (which releases the rows it claimed but did not send)…
  const stopBeforeDatabase: Array<() => Promise<void>> = [];
  // The files are read and checked first: the bot never scores with a broken version.
  const files = bundledMethodology();
  // /healthz and /readyz answer from here on, through a slow migration or a Bot API still away.
  const endpoint = await openServiceEndpoint({ config, logger, metrics: metrics.registry });
  endpoint.startingUp("opening the database");
  const db = await openDatabase(config.databaseUrl);
  endpoint.addProbes({ database: probeDatabase(db) }, { migrations: probeMigrations(db) });
  endpoint.startingUp("applying migrations");
  // On a server, several processes may share the database: advisory locks keep them in step.
  const locks =
    db.kind === "postgres" && config.databaseUrl
      ? createChatLocks({
          connectionString: config.databaseUrl,
          connections: config.mode.type === "webhook" ? config.mode.chatLockConnections : 1,
        })
      : undefined;
  // Processes started together (compose, a rolling deploy) migrate one after the other.
  const { applied } = locks
    ? await locks.withLock("migrations", () => migrateDatabase(db))
    : await migrateDatabase(db);
  logger.info({ database: db.kind, applied }, "database ready");
  let shelf: MethodologySource | undefined;
  const repos = createRepositories(db, { methodology: () => shelf?.book() ?? files });
  // The files and the versions uploaded through the bot, in the order they were added.
  const methodology = await openMethodologyShelf(repos, files);
  shelf = methodology;
  const unknownVariants = variantsNoVersionKnows(methodology.book(), config.methodologyVariants);
  if (unknownVariants.length > 0) throw new UnknownVariantsError(unknownVariants);
  logger.info({ versions: methodology.book().versions.map((v) => v.id) }, "methodology loaded");
  const refresher = setInterval(() => {
    methodology.refresh().catch((error: unknown) => {
      logger.error({ err: error }, "could not read the uploaded methodology versions");
    });
  }, METHODOLOGY_REFRESH_MS);
  refresher.unref();
  stopBeforeDatabase.push(async () => clearInterval(refresher));
  metrics.watchOutbox(() => repos.outbox.depth());
  await repos.botState.pruneProcessedUpdates(new Date(Date.now() - PROCESSED_UPDATE_RETENTION_MS));

  await serveDashboard({
    config,
    repos,
    logger: logger.child({ component: "dashboard" }),
    clock: clockOf(config),
    endpoint,
    methodology: () => methodology.book(),
  });

  endpoint.startingUp("waiting for the Bot API");
  const botInfo = await waitForBotApi({
    apiRoot: config.apiRoot,
    token: config.botToken,
    logger,
    onWaiting: (reason) => endpoint.startingUp(`waiting for the Bot API (${reason})`),
  });
  endpoint.addProbes({}, { telegram: probeBotApi(config.apiRoot, config.botToken) });
  const bot = createBot({
    botInfo,
    config,
    logger,
    clock: clockOf(config),
    metrics,
    rateLimit: config.userRateLimit,
    methodology,
    ...botDepsFromRepositories(repos),
  });
  const running = await runBot(bot, {
    config,
    logger,
    commands,
    endpoint,
    // Polling means one process (Telegram refuses a second getUpdates): in-process order suffices.
    chatLocks: config.mode.type === "webhook" ? locks : undefined,
  });
  const close = async () => {
    for (const stop of stopBeforeDatabase) await stop();
    await locks?.close();
    await db.close();
  };
  // First thing once updates flow: a SIGTERM must never find the process without its handler.
  onRunning({ running, close });
  // Scheduled and broadcast messages: written to the outbox, sent from here under Telegram's limits.
  const sender = startOutboxSender({
    repos,
    // Its own client: the sender handles 429s and retries itself (no auto-retry).
    api: outboxApi(config),
    logger: logger.child({ component: "outbox" }),
    clock: clockOf(config),
    // The embedded folder belongs to this process alone: a killed predecessor's lease is void.
    exclusive: { leaseTtlMs: config.outboxLeaseMs, soleProcess: db.kind === "pglite" },
  });
  const schedule = startSchedule({
    repos,
    methodology,
    config,
    logger: logger.child({ component: "jobs" }),
    clock: clockOf(config),
    onEnqueued: () => sender.wake(),
  });
  // Tests and operators can tell when the slots missed before the start have run.
  void schedule.caughtUp.then(() => logger.info("missed job slots caught up"));
  stopBeforeDatabase.push(
    () => schedule.stop(),
    () => sender.stop(),
  );
  await announceOwnerClaim({ repos, logger, config, botUsername: bot.botInfo.username, print });
  return {
    stop: async () => {
      await running.stop();
      await close();
    },
  };
}

/** The outbox sender's Bot API client: no auto-retry, keyboards without empty rows. */
function outboxApi(config: Config): Api {
  const api = new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: 30 });
  api.config.use(dropEmptyKeyboardRows);
  return api;
}
