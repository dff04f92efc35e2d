import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "./config.ts";

export type { Logger } from "pino";

/**
 * A JSON logger, to stdout unless `destination` says otherwise (tests that run the bot in their
 * worker read its lines); `name` tells the bot, the jobs and the CLI apart in shared logs.
 */
export function createLogger(
  options: { level?: LogLevel; name?: string; destination?: DestinationStream } = {},
): Logger {
  const settings = {
    name: options.name ?? "adaldyq",
    level: options.level ?? "info",
    // The bot token sits in API URLs and client options; never let it reach a log line.
    redact: { paths: ["token", "*.token", "botToken", "*.botToken"], censor: "[redacted]" },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
