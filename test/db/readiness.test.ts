import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/index.ts";
import { createMetrics } from "../../src/metrics.ts";
import { createHttpServer } from "../../src/runtime/http-server.ts";
import {
  cacheProbe,
  createReadinessCheck,
  probeBotApi,
  probeDatabase,
  probeMigrations,
  type Readiness,
} from "../../src/runtime/readiness.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { findFreePort } from "../support/free-port.ts";
import { createMemoryLogger } from "../support/memory-logger.ts";
import { openMigratedPglite } from "../support/scratch-database.ts";

async function serve(server: Server): Promise<string> {
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return `http://127.0.0.1:${port}`;
}

function readyzServer(db: Database, apiRoot: string, token: string) {
  return createHttpServer({
    logger: createMemoryLogger().logger,
    checkReady: createReadinessCheck({
      probes: { database: probeDatabase(db) },
      cachedProbes: { migrations: probeMigrations(db), telegram: probeBotApi(apiRoot, token) },
    }),
  });
}

describe("/readyz", () => {
  let emulator: Emulator;
  let db: Database;
  const servers: Server[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    db = await openMigratedPglite();
  });

  afterAll(async () => {
    for (const server of servers) server.close();
    await db.close();
    await emulator.stop();
  });

  it("answers 200 with every check passed when the database, migrations and Bot API are fine", async () => {
    const server = readyzServer(db, emulator.apiRoot, emulator.token);
    servers.push(server);
    const response = await fetch(`${await serve(server)}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      checks: { database: { ok: true }, migrations: { ok: true }, telegram: { ok: true } },
    });
  });

  it("answers 503 naming the Bot API when its root is unreachable", async () => {
    const closedPort = await findFreePort();
    const server = readyzServer(db, `http://127.0.0.1:${closedPort}`, emulator.token);
    servers.push(server);
    const response = await fetch(`${await serve(server)}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as Readiness;
    expect(body.ready).toBe(false);
    expect(body.checks.database).toEqual({ ok: true });
    expect(body.checks.telegram).toEqual({
      ok: false,
      error: expect.stringContaining("Bot API unreachable"),
    });
  });

  it("answers 503 naming the database and migrations when the database is closed", async () => {
    const closing = await openMigratedPglite();
    const server = readyzServer(closing, emulator.apiRoot, emulator.token);
    servers.push(server);
    const url = await serve(server);
    await closing.close();
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as Readiness;
    expect(body.checks.database?.ok).toBe(false);
    expect(body.checks.migrations?.ok).toBe(false);
    expect(body.checks.telegram).toEqual({ ok: true });
  });

  it("names pending migrations", async () => {
    const empty = await openDatabase("pglite:memory");
    try {
      const check = createReadinessCheck({ probes: { migrations: probeMigrations(empty) } });
      const readiness = await check();
      expect(readiness.ready).toBe(false);
      expect(readiness.checks.migrations).toEqual({
        ok: false,
        error: expect.stringMatching(/^migrations not up to date \(pending: .*_init/),
      });
    } finally {
      await empty.close();
    }
  });
});

describe("cacheProbe", () => {
  it("keeps an answer, success or failure, for the cache time, then asks again", async () => {
    let now = 0;
    let calls = 0;
    let healthy = false;
    const probe = cacheProbe(
      async () => {
        calls++;
        if (!healthy) throw new Error("down");
      },
      1_000,
      () => now,
    );
    await expect(probe()).rejects.toThrow("down");
    healthy = true;
    now = 999;
    await expect(probe()).rejects.toThrow("down");
    now = 1_000;
    await expect(probe()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it("fails a probe that does not answer in time", async () => {
    const check = createReadinessCheck({
      probes: { slow: () => new Promise(() => undefined) },
      timeoutMs: 20,
    });
    expect(await check()).toEqual({
      ready: false,
      checks: { slow: { ok: false, error: "no answer within 20 ms" } },
    });
  });
});

describe("/metrics", () => {
  it("serves the process's own registry in Prometheus' text format", async () => {
    const metrics = createMetrics();
    metrics.updateHandled("message", 0.02);
    metrics.conversationStep("monthly-report");
    metrics.outboxSend("sent");
    metrics.rateLimited("sendMessage");
    metrics.errorCaught("feature");
    metrics.watchOutbox(async () => ({ pending: 3, sent: 7 }));
    const server = createHttpServer({
      logger: createMemoryLogger().logger,
      metrics: metrics.registry,
      checkReady: createReadinessCheck({ probes: {} }),
    });
    try {
      const response = await fetch(`${await serve(server)}/metrics`);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await response.text();
      for (const line of [
        'adaldyq_updates_handled_total{type="message"} 1',
        'adaldyq_update_handler_seconds_count{type="message"} 1',
        'adaldyq_conversation_steps_total{conversation="monthly-report"} 1',
        'adaldyq_outbox_sends_total{outcome="sent"} 1',
        'adaldyq_telegram_rate_limited_total{method="sendMessage"} 1',
        'adaldyq_errors_total{stage="feature"} 1',
        'adaldyq_outbox_messages{status="pending"} 3',
        'adaldyq_outbox_messages{status="sent"} 7',
      ]) {
        expect(text).toContain(line);
      }
      expect(text).toContain("process_cpu_seconds_total");
    } finally {
      server.close();
    }
  });

  it("keeps separate counts in separately built metrics", async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.updateHandled("message", 0.01);
    const counted = (text: string) =>
      text.includes('adaldyq_updates_handled_total{type="message"} 1');
    expect(counted(await one.registry.metrics())).toBe(true);
    expect(counted(await two.registry.metrics())).toBe(false);
  });
});
