import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";

const minimal = { BOT_TOKEN: "123:abc" };

function problemsOf(env: Record<string, string>): string[] {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
}

describe("loadConfig", () => {
  it("fills every default from a bot token alone", () => {
    const result = loadConfig(minimal);
    expect(result).toEqual({
      ok: true,
      config: {
        botToken: "123:abc",
        apiRoot: "https://api.telegram.org",
        databaseUrl: undefined,
        adminTelegramIds: [],
        timeZone: "Asia/Almaty",
        logLevel: "info",
        methodologyVariants: {},
        mode: { type: "polling", host: "0.0.0.0", httpPort: undefined, pollIdleDelayMs: 0 },
        userRateLimit: { limit: 12, timeFrameMs: 3000 },
        dashboard: undefined,
        outboxLeaseMs: 10_000,
      },
    });
  });

  it("serves the dashboard Mini App under DASHBOARD_URL's path, with a slash at its end", () => {
    const result = loadConfig({
      ...minimal,
      HTTP_PORT: "8080",
      DASHBOARD_URL: "https://bot.example.kz/dashboard",
    });
    expect(result.ok && result.config.dashboard).toEqual({
      url: "https://bot.example.kz/dashboard/",
      path: "/dashboard/",
      authMaxAgeSeconds: 86_400,
    });
  });

  it("refuses a dashboard Telegram cannot open or this process would not serve", () => {
    expect(problemsOf({ ...minimal, HTTP_PORT: "8080", DASHBOARD_URL: "http://x.kz/d/" })).toEqual([
      "DASHBOARD_URL: must be an https URL (Telegram opens Mini Apps over https only)",
    ]);
    expect(problemsOf({ ...minimal, DASHBOARD_URL: "https://x.kz/d/" })).toEqual([
      "DASHBOARD_URL: needs HTTP_PORT in polling mode (the bot serves the Mini App)",
    ]);
    expect(problemsOf({ ...minimal, HTTP_PORT: "1", DASHBOARD_URL: "https://x.kz/" })).toEqual([
      "DASHBOARD_URL: needs a path of its own, e.g. https://bot.example.kz/dashboard/",
    ]);
    expect(
      problemsOf({
        ...minimal,
        WEBHOOK_URL: "https://x.kz/app/hook",
        WEBHOOK_SECRET: "s",
        DASHBOARD_URL: "https://x.kz/app/",
      }),
    ).toEqual(["DASHBOARD_URL: its path must not hold the webhook's path"]);
    expect(problemsOf({ ...minimal, DASHBOARD_URL: "not a url" })).toEqual([
      expect.stringMatching(/^DASHBOARD_URL: must be the Mini App's public URL/),
    ]);
    expect(
      problemsOf({
        ...minimal,
        HTTP_PORT: "1",
        DASHBOARD_URL: "https://x.kz/d/",
        DASHBOARD_AUTH_MAX_AGE_SECONDS: "5",
      }),
    ).toEqual(["DASHBOARD_AUTH_MAX_AGE_SECONDS: must be at least 60"]);
    // Plain http only for tests against a local server.
    expect(
      problemsOf({
        ...minimal,
        NODE_ENV: "test",
        HTTP_PORT: "1",
        DASHBOARD_URL: "http://127.0.0.1:1/d/",
      }),
    ).toEqual([]);
  });

  it("turns the per-user rate limit off with RATE_LIMIT_UPDATES=0", () => {
    const result = loadConfig({ ...minimal, RATE_LIMIT_UPDATES: "0" });
    expect(result.ok && result.config.userRateLimit).toBe(false);
  });

  it("names a missing BOT_TOKEN", () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^BOT_TOKEN: .*required/)]);
  });

  it("treats empty values as unset", () => {
    const result = loadConfig({ ...minimal, DATABASE_URL: "", HTTP_PORT: "" });
    expect(result.ok && result.config.databaseUrl).toBeUndefined();
  });

  it("reads admins, variants and the time zone", () => {
    const result = loadConfig({
      ...minimal,
      ADMIN_TELEGRAM_IDS: "111, 222",
      METHODOLOGY_VARIANTS: "p2.t5.s4=kk,p4.t3.s1=additive",
      TIME_ZONE: "Asia/Aqtobe",
    });
    expect(result.ok && result.config).toMatchObject({
      adminTelegramIds: [111, 222],
      methodologyVariants: { "p2.t5.s4": "kk", "p4.t3.s1": "additive" },
      timeZone: "Asia/Aqtobe",
    });
  });

  it("stops on the retired UTC_OFFSET_MINUTES, naming TIME_ZONE instead", () => {
    const problems = problemsOf({ ...minimal, UTC_OFFSET_MINUTES: "300" });
    expect(problems).toEqual([
      "UTC_OFFSET_MINUTES: is no longer read; remove it and set TIME_ZONE (e.g. Asia/Almaty) instead",
    ]);
  });

  it("gives one line per bad variable", () => {
    const problems = problemsOf({
      ...minimal,
      TELEGRAM_API_ROOT: "not a url",
      ADMIN_TELEGRAM_IDS: "111,abc",
      TIME_ZONE: "Mars/Olympus",
      LOG_LEVEL: "loud",
      METHODOLOGY_VARIANTS: "p2.t5.s4:kk",
      HTTP_PORT: "70000",
      POLL_IDLE_DELAY_MS: "-1",
    });
    expect(problems.map((line) => line.split(":")[0])).toEqual([
      "TELEGRAM_API_ROOT",
      "ADMIN_TELEGRAM_IDS",
      "TIME_ZONE",
      "LOG_LEVEL",
      "METHODOLOGY_VARIANTS",
      "HTTP_PORT",
      "POLL_IDLE_DELAY_MS",
    ]);
  });

  it("switches to webhook mode when WEBHOOK_URL is set", () => {
    const result = loadConfig({
      ...minimal,
      WEBHOOK_URL: "https://bot.example.kz/telegram",
      WEBHOOK_SECRET: "s3cret_-",
    });
    expect(result.ok && result.config.mode).toEqual({
      type: "webhook",
      host: "0.0.0.0",
      port: 8080,
      url: "https://bot.example.kz/telegram",
      secret: "s3cret_-",
      chatLockConnections: 10,
      answerWithinMs: 5_000,
    });
  });

  it("reads how long a webhook update may run before it is answered", () => {
    const webhook = {
      ...minimal,
      WEBHOOK_URL: "https://bot.example.kz/telegram",
      WEBHOOK_SECRET: "s3cret_-",
    };
    const result = loadConfig({ ...webhook, WEBHOOK_ANSWER_WITHIN_MS: "300" });
    expect(
      result.ok && result.config.mode.type === "webhook" && result.config.mode.answerWithinMs,
    ).toBe(300);
    expect(problemsOf({ ...webhook, WEBHOOK_ANSWER_WITHIN_MS: "0" })).toEqual([
      expect.stringMatching(/^WEBHOOK_ANSWER_WITHIN_MS: must be at least 1/),
    ]);
    expect(problemsOf({ ...webhook, WEBHOOK_ANSWER_WITHIN_MS: "5 s" })).toHaveLength(1);
  });

  it("requires a well-formed WEBHOOK_SECRET in webhook mode", () => {
    const webhook = { ...minimal, WEBHOOK_URL: "https://bot.example.kz/telegram" };
    expect(problemsOf(webhook)).toEqual([expect.stringMatching(/^WEBHOOK_SECRET: .*required/)]);
    expect(problemsOf({ ...webhook, WEBHOOK_SECRET: "has space" })).toHaveLength(1);
    expect(problemsOf({ ...webhook, WEBHOOK_SECRET: "x".repeat(257) })).toHaveLength(1);
    expect(problemsOf({ ...webhook, WEBHOOK_SECRET: "x".repeat(256) })).toEqual([]);
  });

  it.each(["0x10", "1e3", " 5", "5 ", "+5", "5.0", "1_000", "٥", "Infinity"])(
    "refuses %j as a number: settings take plain decimal integers",
    (value) => {
      const problems = problemsOf({ ...minimal, RATE_LIMIT_UPDATES: value, HTTP_PORT: value });
      expect(problems).toEqual([
        expect.stringMatching(/^RATE_LIMIT_UPDATES: must be a whole number in decimal digits/),
        expect.stringMatching(/^HTTP_PORT: must be a whole number in decimal digits/),
      ]);
    },
  );

  it("reads plain decimal integers, and refuses negative ones where they make no sense", () => {
    const result = loadConfig({
      ...minimal,
      RATE_LIMIT_UPDATES: "16",
      HTTP_PORT: "8081",
      POLL_IDLE_DELAY_MS: "007",
      OUTBOX_LEASE_MS: "2500",
    });
    expect(result.ok && result.config).toMatchObject({
      userRateLimit: { limit: 16 },
      mode: { httpPort: 8081, pollIdleDelayMs: 7 },
      outboxLeaseMs: 2500,
    });
    expect(problemsOf({ ...minimal, OUTBOX_LEASE_MS: "500" })).toEqual([
      expect.stringMatching(/^OUTBOX_LEASE_MS: must be at least 1000/),
    ]);
    expect(problemsOf({ ...minimal, RATE_LIMIT_UPDATES: "-1" })).toEqual([
      expect.stringMatching(/^RATE_LIMIT_UPDATES: must not be negative/),
    ]);
  });

  it.each([
    "mysql://admin:hunter2@db.example.kz/adaldyq",
    "postgres:/admin:hunter2@db",
    "admin:hunter2@db.example.kz",
    "hunter2",
    "pglite:",
  ])("refuses DATABASE_URL %j without printing its password", (url) => {
    const problems = problemsOf({ ...minimal, DATABASE_URL: url });
    expect(problems).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(problems[0]).toContain("postgres://");
  });

  it("names the unsupported scheme", () => {
    expect(problemsOf({ ...minimal, DATABASE_URL: "mysql://a:b@c/d" })[0]).toContain('"mysql:"');
  });

  it("accepts the database URLs the bot can open", () => {
    for (const url of [
      "pglite:memory",
      "pglite:./data/x",
      "postgres://u:p@h/db",
      "postgresql://h/db",
    ]) {
      expect(problemsOf({ ...minimal, DATABASE_URL: url })).toEqual([]);
    }
  });
});
