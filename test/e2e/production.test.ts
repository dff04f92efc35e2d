import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BotProcess,
  type LogLine,
  runMainUntilExit,
  startBotProcess,
} from "../support/bot-process.ts";
import { EMULATOR_TOKEN, type Emulator, startEmulator } from "../support/emulator.ts";
import { findFreePort } from "../support/free-port.ts";
import { databaseUrlOf, seedDatabase } from "../support/seed.ts";

/** The value of one sample line of Prometheus' text format (0 when absent). */
function sample(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

describe("metrics and readiness of the running bot", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    const httpPort = await findFreePort();
    base = `http://127.0.0.1:${httpPort}`;
    bot = await startBotProcess({
      emulator,
      env: { HTTP_PORT: String(httpPort), HOST: "127.0.0.1" },
    });
  });

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("reports ready with each check named", async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      checks: {
        updates: { ok: true },
        database: { ok: true },
        migrations: { ok: true },
        telegram: { ok: true },
      },
    });
  });

  it("counts handled updates and their latency, and shows the outbox and the process", async () => {
    const scrape = async () => (await fetch(`${base}/metrics`)).text();
    const before = await scrape();
    const user = emulator.user({ userId: 301, languageCode: "ru" });
    const updateId = await user.command("start");
    await user.waitFor(/Здравствуйте/);
    await bot.waitForUpdateHandled(updateId);
    await user.command("lang");
    await user.waitFor(/Текущий язык/);
    await sleep(50);
    const after = await scrape();

    const handled = 'adaldyq_updates_handled_total{type="message"}';
    const latency = 'adaldyq_update_handler_seconds_count{type="message"}';
    expect(sample(after, handled) - sample(before, handled)).toBe(2);
    expect(sample(after, latency) - sample(before, latency)).toBe(2);
    for (const name of [
      "adaldyq_conversation_steps_total",
      "adaldyq_outbox_sends_total",
      "adaldyq_telegram_rate_limited_total",
      "adaldyq_errors_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
    ]) {
      expect(after).toContain(`# TYPE ${name} `);
    }
    expect(sample(after, 'adaldyq_outbox_messages{status="pending"}')).toBe(0);
    expect(after).toContain('adaldyq_outbox_messages{status="pending"}');
  });
});

describe("stopping on SIGTERM during a burst", () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it("webhook: answers every acknowledged update, and the refused ones after a restart", async () => {
    const port = await findFreePort();
    const bot = new BotProcess({
      emulator,
      env: {
        WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
        WEBHOOK_SECRET: "burst",
        PORT: String(port),
        HOST: "127.0.0.1",
      },
    });
    try {
      await bot.start();
      const users = Array.from({ length: 60 }, (_, i) =>
        emulator.user({ userId: 7000 + i, languageCode: "ru" }),
      );
      const acknowledged: number[] = [];
      const refused: number[] = [];
      let stopping: Promise<number | null> | undefined;
      // SIGTERM lands in the middle: after ten acknowledgements, with fifty more on their way.
      await Promise.all(
        users.map(async (user, i) => {
          await sleep(i * 5);
          try {
            acknowledged.push(await user.command("start"));
            if (acknowledged.length === 10) stopping = bot.stop();
          } catch {
            // Refused (503) or the port already closed: Telegram would deliver it again.
            refused.push(user.chatId);
          }
        }),
      );
      expect(await stopping).toBe(0);
      expect(acknowledged.length).toBeGreaterThan(0);
      // Everything acknowledged was answered before the process exited.
      const answered = users.filter((user) => user.messages().length > 0);
      expect(answered).toHaveLength(acknowledged.length);
      for (const user of answered) expect(user.messages()).toHaveLength(1);

      // Telegram retries the refused ones once a process answers again.
      await bot.start();
      const retried = users.filter((user) => refused.includes(user.chatId));
      for (const user of retried) await user.command("start");
      for (const user of retried) await user.waitFor(/Здравствуйте/);
      for (const user of users) expect(user.messages()).toHaveLength(1);
    } finally {
      await bot.dispose();
    }
  });

  it("polling: answers every update whose offset it confirmed, and the rest after a restart", async () => {
    const bot = await startBotProcess({ emulator, env: { RATE_LIMIT_UPDATES: "0" } });
    try {
      const users = Array.from({ length: 60 }, (_, i) =>
        emulator.user({ userId: 8000 + i, languageCode: "ru" }),
      );
      const stopping = (async () => {
        await sleep(60);
        return bot.stop();
      })();
      const sent = new Map<number, (typeof users)[number]>();
      for (const user of users) {
        sent.set(await user.command("start"), user);
        await sleep(2);
      }
      expect(await stopping).toBe(0);
      // Telegram forgets an update once a getUpdates asked for a higher offset: those must be done.
      const confirmed = [...sent].filter(([updateId]) => updateId < emulator.confirmedOffset);
      expect(confirmed.length).toBeGreaterThan(0);
      for (const [, user] of confirmed) expect(user.messages()).toHaveLength(1);

      // Telegram hands out the unconfirmed ones again after a restart; each is answered once.
      await bot.start();
      const unconfirmed = [...sent].filter(([updateId]) => updateId >= emulator.confirmedOffset);
      for (const [updateId] of unconfirmed) await emulator.redeliver(updateId);
      for (const [, user] of unconfirmed) await user.waitFor(/Здравствуйте/);
      await settle(users);
      for (const user of users) expect(user.messages()).toHaveLength(1);
    } finally {
      await bot.dispose();
    }
  });
});

/** Gives a late duplicate answer, if any, the time to show up before the counts are checked. */
async function settle(users: { messages(): unknown[] }[]): Promise<void> {
  let total = -1;
  while (total !== users.reduce((sum, user) => sum + user.messages().length, 0)) {
    total = users.reduce((sum, user) => sum + user.messages().length, 0);
    await sleep(200);
  }
}

describe("starting where something is wrong", () => {
  it("says the Bot API cannot be reached, keeps trying, and answers /healthz and /readyz meanwhile", async () => {
    const apiPort = await findFreePort();
    const httpPort = await findFreePort();
    const base = `http://127.0.0.1:${httpPort}`;
    const bot = new BotProcess({
      emulator: { apiRoot: `http://127.0.0.1:${apiPort}`, token: EMULATOR_TOKEN },
      env: { HTTP_PORT: String(httpPort), HOST: "127.0.0.1" },
    });
    let emulator: Emulator | undefined;
    try {
      bot.launch();
      const unreachable = (line: LogLine) =>
        line.level === 40 && /Bot API .*cannot be reached.*ECONNREFUSED/.test(line.msg ?? "");
      await bot.waitForLog(unreachable, 30_000);
      // Tried again, and said so again.
      await bot.waitForLog((line) => unreachable(line) && line.attempt === 2, 30_000);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: Record<string, { error?: string }> };
      expect(body.checks.updates?.error).toMatch(/waiting for the Bot API.*ECONNREFUSED/);

      emulator = await startEmulator({ port: apiPort });
      await bot.waitForLog(/is running/, 60_000);
      const user = emulator.user({ userId: 9901, languageCode: "ru" });
      await user.command("start");
      await user.waitFor(/Здравствуйте/);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    } finally {
      await bot.dispose();
      await emulator?.stop();
    }
  });

  it("refuses a DATABASE_URL it cannot open without printing the password", async () => {
    const result = await runMainUntilExit({
      BOT_TOKEN: EMULATOR_TOKEN,
      DATABASE_URL: "mysql://adaldyq:hunter2-secret@db.example.kz:3306/adaldyq",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\s*DATABASE_URL: the scheme "mysql:" is not supported/m);
    expect(result.stdout + result.stderr).not.toContain("hunter2");
  });

  it("refuses a number that is not plain decimal digits", async () => {
    const result = await runMainUntilExit({
      BOT_TOKEN: EMULATOR_TOKEN,
      RATE_LIMIT_UPDATES: "0x10",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^\s*RATE_LIMIT_UPDATES: must be a whole number in decimal digits/m,
    );
  });

  it("says the data folder is read-only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adaldyq-readonly-"));
    try {
      // A folder that held a database and was then mounted read-only (or is not the bot's).
      await seedDatabase(dir, async () => undefined);
      chmodRecursively(dir, 0o555, 0o444);
      const result = await runMainUntilExit(
        {
          BOT_TOKEN: EMULATOR_TOKEN,
          TELEGRAM_API_ROOT: "http://127.0.0.1:9",
          DATABASE_URL: databaseUrlOf(dir),
        },
        60_000,
        { unprivileged: true },
      );
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toMatch(/read-only/);
      expect(result.stdout + result.stderr).toContain(join(dir, "pglite"));
      expect(result.stdout + result.stderr).not.toMatch(/failed to initialize/);
    } finally {
      chmodRecursively(dir, 0o755, 0o644);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function chmodRecursively(dir: string, dirMode: number, fileMode: number): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chmodRecursively(path, dirMode, fileMode);
    else chmodSync(path, fileMode);
  }
  chmodSync(dir, dirMode);
}
