import { Api } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createRepositories,
  type Database,
  openDatabase,
  type Repositories,
} from "../../src/db/index.ts";
import { enqueueMessages } from "../../src/delivery/outbox-message.ts";
import { type OutboxSender, startOutboxSender } from "../../src/delivery/outbox-sender.ts";
import { createMigratedPostgresDatabase, resetDatabase } from "../db/database.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { createMemoryLogger } from "../support/memory-logger.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { duplicates, maxInAnyWindow, waitUntil } from "./measure.ts";

const withServer = postgresAvailable();

describe.skipIf(!withServer)("two senders on one PostgreSQL server", () => {
  let emulator: Emulator;
  const instances: { db: Database; repos: Repositories }[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    const url = await createMigratedPostgresDatabase();
    for (let i = 0; i < 2; i++) {
      const db = await openDatabase(url);
      instances.push({ db, repos: createRepositories(db) });
    }
  });
  afterAll(async () => {
    for (const { db } of instances) await db.close();
    await emulator?.stop();
  });
  beforeEach(async () => {
    const first = instances[0];
    if (first) await resetDatabase(first.db);
    emulator.server.storage.botMessages.length = 0;
  });

  async function sendAll(options: Partial<Parameters<typeof startOutboxSender>[0]>) {
    const [a, b] = instances;
    if (!a || !b) throw new Error("no instances");
    const count = 120;
    const messages = Array.from({ length: count }, (_, i) => ({
      chatId: 20_000 + i,
      text: `pg-${i}`,
      idempotencyKey: `pg:${i}`,
    }));
    await enqueueMessages(a.repos, messages, new Date());
    const senders: OutboxSender[] = [a, b].map(({ repos }, i) =>
      startOutboxSender({
        repos,
        api: new Api(emulator.token, { apiRoot: emulator.apiRoot }),
        logger: createMemoryLogger().logger,
        workerId: `instance-${i}`,
        idleMs: 50,
        ...options,
      }),
    );
    await waitUntil(() => emulator.botMessages().length >= count, 30_000, "every message");
    await waitUntil(async () => (await a.repos.outbox.depth()).sent === count, 5000, "all marked");
    await Promise.all(senders.map((s) => s.stop()));
    const texts = emulator.botMessages().map((m) => m.text);
    expect(texts).toHaveLength(count);
    expect(duplicates(texts)).toEqual([]);
    const byWorker = await a.db.prisma.outboxMessage.groupBy({
      by: ["claimedBy"],
      _count: { _all: true },
    });
    return Object.fromEntries(byWorker.map((g) => [g.claimedBy, g._count._all]));
  }

  it("both claim rows (FOR UPDATE SKIP LOCKED) and each message goes out once", async () => {
    // Each instance takes half of Telegram's limit when both send.
    const byWorker = await sendAll({
      exclusive: false,
      limits: { perWindow: 15, windowMs: 1000, perChatIntervalMs: 1000 },
    });
    expect(byWorker["instance-0"]).toBeGreaterThan(0);
    expect(byWorker["instance-1"]).toBeGreaterThan(0);
    expect(
      maxInAnyWindow(
        emulator.receipts().map((r) => r.time),
        1000,
      ),
    ).toBeLessThanOrEqual(30);
  });

  it("with the sender lease only one sends at a time, so 30 a second holds overall", async () => {
    await sendAll({});
    expect(
      maxInAnyWindow(
        emulator.receipts().map((r) => r.time),
        1000,
      ),
    ).toBeLessThanOrEqual(30);
  });
});
