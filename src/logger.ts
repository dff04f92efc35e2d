import pino, { type Logger } from "pino";
import type { LogLevel } from "./config.ts";

export type { Logger } from "pino";

/** A JSON logger to stdout; `name` tells the bot, the jobs and the CLI apart in shared logs. */
export function createLogger(options: { level?: LogLevel; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? "adaldyq",
    level: options.level ?? "info",
    // The bot token sits in API URLs and client options; never let it reach a log line.
    redact: { paths: ["token", "*.token", "botToken", "*.botToken"], censor: "[redacted]" },
  });
}
