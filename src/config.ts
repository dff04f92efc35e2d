import { z } from "zod";
import { parseDatabaseUrl } from "./db/database-url.ts";
import { DatabaseUrlError } from "./db/errors.ts";
import { isTimeZone } from "./domain/calendar/zone.ts";
import { parseVariants, type Variants } from "./domain/variants.ts";

/** Log levels pino understands. */
export const logLevelSchema = z.enum([
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
]);
export type LogLevel = z.infer<typeof logLevelSchema>;

/**
 * A whole number written in decimal digits, optionally negative. Number() and z.coerce would also
 * read "0x10" as 16, "1e3" as 1000 and " 5" as 5: a setting means what it says or is refused.
 */
function decimalInteger(example: string) {
  return z
    .string()
    .regex(/^-?[0-9]{1,15}$/, `must be a whole number in decimal digits (e.g. ${example})`)
    .transform(Number);
}

const portSchema = decimalInteger("8080").pipe(
  z.number().min(1, "must be 1–65535").max(65535, "must be 1–65535"),
);

const integerListSchema = z
  .string()
  .transform((text, ctx) => {
    const items = text
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.filter((item) => !/^\d+$/.test(item));
    if (bad.length > 0) {
      ctx.addIssue({ code: "custom", message: `not Telegram ids: ${bad.join(", ")}` });
      return z.NEVER;
    }
    return items.map(Number);
  })
  .default([]);

// "p2.t5.s4=kk,p4.t3.s1=additive": SCORING.md names the readings that differ from the default.
// The names are checked against the loaded methodology versions at start (src/methodology).
const variantsSchema = z
  .string()
  .transform((text, ctx) => {
    const parsed = parseVariants(text);
    if (parsed.ok) return parsed.variants;
    ctx.addIssue({
      code: "custom",
      message: `"${parsed.item}" is not an indicator id and a reading (e.g. p2.t5.s4=kk)`,
    });
    return z.NEVER;
  })
  .default({});

// Checked here, before anything opens it; the problem line never repeats the URL (its password).
const databaseUrlSchema = z.string().superRefine((url, ctx) => {
  try {
    parseDatabaseUrl(url);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    ctx.addIssue({ code: "custom", message: error.message, input: undefined });
  }
});

export const timeZoneSchema = z
  .string()
  .refine((zone) => isTimeZone(zone), "is not an IANA time zone (e.g. Asia/Almaty)")
  .default("Asia/Almaty");

const baseEnvSchema = z.object({
  BOT_TOKEN: z.string({ error: "is required (the token from @BotFather)" }).min(1),
  TELEGRAM_API_ROOT: z.url({ error: "must be a URL" }).default("https://api.telegram.org"),
  DATABASE_URL: databaseUrlSchema.optional(),
  ADMIN_TELEGRAM_IDS: integerListSchema,
  TIME_ZONE: timeZoneSchema,
  LOG_LEVEL: z
    .enum(logLevelSchema.options, { error: "must be one of fatal…silent" })
    .default("info"),
  METHODOLOGY_VARIANTS: variantsSchema,
  HOST: z.string().default("0.0.0.0"),
  NODE_ENV: z.string().optional(),
  FAKE_NOW: z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional(),
  RATE_LIMIT_UPDATES: decimalInteger("12 updates; 0 turns the limit off")
    .pipe(z.number().min(0, "must not be negative"))
    .default(12),
  RATE_LIMIT_WINDOW_MS: decimalInteger("3000 milliseconds")
    .pipe(z.number().min(100, "must be at least 100"))
    .default(3_000),
  OUTBOX_LEASE_MS: decimalInteger("10000 milliseconds")
    .pipe(z.number().min(1_000, "must be at least 1000"))
    .default(10_000),
});

const pollingEnvSchema = z.object({
  HTTP_PORT: portSchema.optional(),
  POLL_IDLE_DELAY_MS: decimalInteger("50 milliseconds")
    .pipe(z.number().min(0, "must not be negative"))
    .default(0),
});

const webhookEnvSchema = z.object({
  WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  WEBHOOK_SECRET: z
    .string({ error: "is required when WEBHOOK_URL is set" })
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1–256 characters of A–Z, a–z, 0–9, _ and -"),
  PORT: portSchema.default(8080),
  CHAT_LOCK_CONNECTIONS: decimalInteger("10 connections")
    .pipe(z.number().min(1, "must be at least 1").max(200, "must be at most 200"))
    .default(10),
  WEBHOOK_ANSWER_WITHIN_MS: decimalInteger("5000 milliseconds")
    .pipe(z.number().min(1, "must be at least 1").max(50_000, "must be at most 50000"))
    .default(5_000),
});

const dashboardEnvSchema = z.object({
  DASHBOARD_URL: z
    .url({
      protocol: /^https?$/,
      error: "must be the Mini App's public URL (https://…/dashboard/)",
    })
    .optional(),
  DASHBOARD_AUTH_MAX_AGE_SECONDS: decimalInteger("86400 seconds")
    .pipe(z.number().min(60, "must be at least 60").max(604_800, "must be at most 604800 (a week)"))
    .default(86_400),
});

/** The dashboard Mini App, served by the bot's own HTTP server when DASHBOARD_URL is set. */
export interface DashboardConfig {
  /** The public URL Telegram opens (the menu button, /score's button), ending with "/". */
  url: string;
  /** Its path on this server ("/dashboard/"). */
  path: string;
  /** How old Telegram's initData may be before a request is refused (401). */
  authMaxAgeSeconds: number;
}

/** How updates arrive: long polling (default) or a webhook when WEBHOOK_URL is set. */
export type RunMode =
  | { type: "polling"; host: string; httpPort: number | undefined; pollIdleDelayMs: number }
  | {
      type: "webhook";
      host: string;
      port: number;
      url: string;
      secret: string;
      /** On a PostgreSQL server: connections holding per-chat locks (long updates at once). */
      chatLockConnections: number;
      /** An update still running this long is answered 200 once its chat's lock is held. */
      answerWithinMs: number;
    };

/** Everything the process reads from its environment, validated once. */
export interface Config {
  botToken: string;
  apiRoot: string;
  /** Unset means the embedded PGlite database in ./data/pglite. */
  databaseUrl: string | undefined;
  adminTelegramIds: number[];
  /** The IANA zone every date people read and every deadline is in ("Asia/Almaty"). */
  timeZone: string;
  logLevel: LogLevel;
  /** Readings of the methodology's discrepancies that differ from the defaults. */
  methodologyVariants: Variants;
  mode: RunMode;
  /** Tests only (NODE_ENV=test): the clock starts at this instant and runs on from there. */
  fakeNow: Date | undefined;
  /** Per-user flood limit: at most `limit` updates per `timeFrameMs`; false when turned off. */
  userRateLimit: { limit: number; timeFrameMs: number } | false;
  /** Unset: no Mini App (no menu button, no dashboard button in /score). */
  dashboard: DashboardConfig | undefined;
  /**
   * On a PostgreSQL server, how long the outbox sender's lease lasts unrenewed: after a crash,
   * the other instances (or the next start) send again once it is this old.
   */
  outboxLeaseMs: number;
}

export type LoadConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates an environment; returns the config or one line per bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoadConfigResult {
  // Empty values count as unset: Docker and shells often pass VAR="" for "not configured".
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const base = baseEnvSchema.safeParse(input);
  const isWebhook = input.WEBHOOK_URL !== undefined;
  const mode = isWebhook ? webhookEnvSchema.safeParse(input) : pollingEnvSchema.safeParse(input);
  const dashboard = dashboardEnvSchema.safeParse(input);
  const problems = [
    ...describeIssues(base.error),
    ...describeIssues(mode.error),
    ...describeIssues(dashboard.error),
  ];
  if (dashboard.success) problems.push(...dashboardProblems(dashboard.data, input));
  // A settable clock would let anyone with the environment move deadlines: tests only.
  if (input.FAKE_NOW !== undefined && input.NODE_ENV !== "test") {
    problems.push("FAKE_NOW: is only allowed with NODE_ENV=test");
  }
  // The offset follows TIME_ZONE (daylight saving included); a stale offset must not linger.
  if (input.UTC_OFFSET_MINUTES !== undefined) {
    problems.push(
      "UTC_OFFSET_MINUTES: is no longer read; remove it and set TIME_ZONE (e.g. Asia/Almaty) instead",
    );
  }
  if (!base.success || !mode.success || !dashboard.success || problems.length > 0) {
    return { ok: false, problems };
  }
  const b = base.data;
  return {
    ok: true,
    config: {
      botToken: b.BOT_TOKEN,
      apiRoot: b.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
      databaseUrl: b.DATABASE_URL,
      adminTelegramIds: b.ADMIN_TELEGRAM_IDS,
      timeZone: b.TIME_ZONE,
      logLevel: b.LOG_LEVEL,
      methodologyVariants: b.METHODOLOGY_VARIANTS,
      mode: toRunMode(mode.data, b.HOST),
      fakeNow: b.FAKE_NOW === undefined ? undefined : new Date(b.FAKE_NOW),
      userRateLimit:
        b.RATE_LIMIT_UPDATES === 0
          ? false
          : { limit: b.RATE_LIMIT_UPDATES, timeFrameMs: b.RATE_LIMIT_WINDOW_MS },
      dashboard: toDashboard(dashboard.data),
      outboxLeaseMs: b.OUTBOX_LEASE_MS,
    },
  };
}

/** The Mini App's URL must be one Telegram opens and one this process serves. */
function dashboardProblems(
  data: z.infer<typeof dashboardEnvSchema>,
  input: Record<string, string | undefined>,
): string[] {
  if (data.DASHBOARD_URL === undefined) return [];
  const url = new URL(data.DASHBOARD_URL);
  const problems: string[] = [];
  // Telegram opens Mini Apps over https only; plain http is for tests against a local server.
  if (url.protocol !== "https:" && input.NODE_ENV !== "test") {
    problems.push("DASHBOARD_URL: must be an https URL (Telegram opens Mini Apps over https only)");
  }
  const path = withSlash(url.pathname);
  if (path === "/" || ["/healthz/", "/readyz/", "/metrics/"].includes(path)) {
    problems.push("DASHBOARD_URL: needs a path of its own, e.g. https://bot.example.kz/dashboard/");
  }
  if (input.WEBHOOK_URL === undefined && input.HTTP_PORT === undefined) {
    problems.push("DASHBOARD_URL: needs HTTP_PORT in polling mode (the bot serves the Mini App)");
  }
  if (input.WEBHOOK_URL !== undefined && URL.canParse(input.WEBHOOK_URL)) {
    const webhook = withSlash(new URL(input.WEBHOOK_URL).pathname);
    if (webhook.startsWith(path)) {
      problems.push("DASHBOARD_URL: its path must not hold the webhook's path");
    }
  }
  return problems;
}

function toDashboard(data: z.infer<typeof dashboardEnvSchema>): DashboardConfig | undefined {
  if (data.DASHBOARD_URL === undefined) return undefined;
  const url = new URL(data.DASHBOARD_URL);
  url.pathname = withSlash(url.pathname);
  url.search = "";
  url.hash = "";
  return {
    url: url.toString(),
    path: url.pathname,
    authMaxAgeSeconds: data.DASHBOARD_AUTH_MAX_AGE_SECONDS,
  };
}

function withSlash(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}

/** The clock the process runs on: real time, or (tests) real time shifted to start at fakeNow. */
export function clockOf(config: Pick<Config, "fakeNow">): () => Date {
  if (!config.fakeNow) return () => new Date();
  const shift = config.fakeNow.getTime() - Date.now();
  return () => new Date(Date.now() + shift);
}

/** loadConfig for the process: prints the problems to stderr and exits 1 when there are any. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  const result = loadConfig(env);
  if (result.ok) return result.config;
  process.stderr.write("Configuration is invalid:\n");
  for (const problem of result.problems) process.stderr.write(`  ${problem}\n`);
  process.exit(1);
}

function toRunMode(
  data: z.infer<typeof pollingEnvSchema> | z.infer<typeof webhookEnvSchema>,
  host: string,
): RunMode {
  if ("WEBHOOK_URL" in data) {
    return {
      type: "webhook",
      host,
      port: data.PORT,
      url: data.WEBHOOK_URL,
      secret: data.WEBHOOK_SECRET,
      chatLockConnections: data.CHAT_LOCK_CONNECTIONS,
      answerWithinMs: data.WEBHOOK_ANSWER_WITHIN_MS,
    };
  }
  return {
    type: "polling",
    host,
    httpPort: data.HTTP_PORT,
    pollIdleDelayMs: data.POLL_IDLE_DELAY_MS,
  };
}

function describeIssues(error: z.ZodError | undefined): string[] {
  if (!error) return [];
  return error.issues.map(
    (issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`,
  );
}
