import { createBot } from "./bot/create-bot.ts";
import { botDepsFromRepositories } from "./bot/database-deps.ts";
import { commands } from "./bot/features/index.ts";
import { runBot, stopOnSignals } from "./bot/run.ts";
import { clockOf, loadConfigOrExit } from "./config.ts";
import { createRepositories, migrateDatabase, openDatabase } from "./db/index.ts";
import { createLogger } from "./logger.ts";

// Telegram redelivers an unconfirmed update within hours; two days of ids is plenty.
const PROCESSED_UPDATE_RETENTION_MS = 2 * 24 * 60 * 60 * 1000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.logLevel, name: "bot" });
  try {
    const db = await openDatabase(config.databaseUrl);
    const { applied } = await migrateDatabase(db);
    logger.info({ database: db.kind, applied }, "database ready");
    const repos = createRepositories(db);
    await repos.botState.pruneProcessedUpdates(
      new Date(Date.now() - PROCESSED_UPDATE_RETENTION_MS),
    );

    const bot = createBot({
      config,
      logger,
      clock: clockOf(config),
      ...botDepsFromRepositories(repos),
    });
    const running = await runBot(bot, {
      config,
      logger,
      commands,
      checkReady: () =>
        db.prisma.$queryRaw`SELECT 1`.then(
          () => true,
          () => false,
        ),
    });
    stopOnSignals({ running, logger, close: () => db.close() });
  } catch (error) {
    logger.fatal({ err: error }, "the bot could not start");
    process.exit(1);
  }
}

await main();
