import { startApp } from "./app.ts";
import { loadConfigOrExit } from "./config.ts";
import { DataFolderError } from "./db/index.ts";
import { createLogger } from "./logger.ts";
import { MethodologyLoadError, UnknownVariantsError } from "./methodology/load.ts";
import { stopOnSignals } from "./runtime/run.ts";
import { BotTokenRefusedError } from "./runtime/wait-for-bot-api.ts";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.logLevel, name: "bot" });
  try {
    await startApp({
      config,
      logger,
      onRunning: ({ running, close }) => stopOnSignals({ running, logger, close }),
    });
  } catch (error) {
    // A problem the operator can fix is said in its own words; anything else as what it is.
    const known =
      error instanceof DataFolderError ||
      error instanceof BotTokenRefusedError ||
      error instanceof MethodologyLoadError ||
      error instanceof UnknownVariantsError;
    logger.fatal({ err: error }, known ? error.message : "the bot could not start");
    process.exit(1);
  }
}

await main();
