import { Api } from "grammy";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRepositories, type Database, type Repositories } from "../../src/db/index.ts";
import { enqueueMessages, type OutgoingMessage } from "../../src/delivery/outbox-message.ts";
import { type OutboxSender, startOutboxSender } from "../../src/delivery/outbox-sender.ts";
import { resetDatabase } from "../db/database.ts";
import { apiError, type Emulator, startEmulator } from "../support/emulator.ts";
import { createMemoryLogger } from "../support/memory-logger.ts";
import { openMigratedPglite } from "../support/scratch-database.ts";
import { seedBody, seedUser } from "../support/seed.ts";
import { duplicates, maxInAnyWindow, shortestGapPerChat, waitUntil } from "./measure.ts";

const at = new Date("2026-10-05T04:00:00Z");

function messages(count: number, chatOf: (i: number) => number): OutgoingMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    chatId: chatOf(i),
    text: `m${i}`,
    idempotencyKey: `test:${i}`,
  }));
}

describe("the outbox sender against the emulator", () => {
  let emulator: Emulator;
  let db: Database;
  let repos: Repositories;
  let api: Api;
  const senders: OutboxSender[] = [];
  const start = (options: Partial<Parameters<typeof startOutboxSender>[0]> = {}) => {
    const sender = startOutboxSender({
      repos,
      api,
      logger: createMemoryLogger().logger,
      idleMs: 50,
      retryBaseMs: 200,
      ...options,
    });
    senders.push(sender);
    return sender;
  };
  const received = () => emulator.botMessages().map((m) => m.text);

  beforeAll(async () => {
    emulator = await startEmulator();
    db = await openMigratedPglite();
    repos = createRepositories(db);
    api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
  });
  afterAll(async () => {
    await db?.close();
    await emulator?.stop();
  });
  beforeEach(async () => {
    await resetDatabase(db);
    emulator.server.storage.botMessages.length = 0;
    emulator.interceptSend = undefined;
  });
  afterEach(async () => {
    await Promise.all(senders.splice(0).map((s) => s.stop()));
  });

  it("keeps to 30 messages in any second and 1 a second per chat, each sent once", async () => {
    // 100 messages: 70 chats with one, 10 chats with three.
    const all = messages(100, (i) => (i < 70 ? 5000 + i : 6000 + (i % 10)));
    await enqueueMessages(repos, all, at);
    start();
    await waitUntil(() => received().length >= 100, 30_000, "100 messages");
    const receipts = emulator.receipts();
    expect(receipts).toHaveLength(100);
    expect(duplicates(received())).toEqual([]);
    expect(
      maxInAnyWindow(
        receipts.map((r) => r.time),
        1000,
      ),
    ).toBeLessThanOrEqual(30);
    expect(shortestGapPerChat(receipts)).toBeGreaterThanOrEqual(1000);
    // Three messages to a chat arrive in the order they were enqueued.
    expect(emulator.botMessages(6003).map((m) => m.text)).toEqual(
      all.filter((m) => m.chatId === 6003).map((m) => m.text),
    );
    // The last answers may still be on their way to markSent.
    await waitUntil(async () => (await repos.outbox.depth()).sent === 100, 30_000, "all marked");
    expect(await repos.outbox.depth()).toMatchObject({ pending: 0, sending: 0, failed: 0 });
  });

  it("honours a 429's retry_after: nothing goes out until it has passed", async () => {
    let refusedAt = 0;
    emulator.interceptSend = (_method, body) => {
      if (refusedAt === 0 && Number(body?.chat_id) === 7035) {
        refusedAt = Date.now();
        return apiError(429, "Too Many Requests: retry after 2", { retry_after: 2 });
      }
      return undefined;
    };
    // The sender's own view: when each request started and when its answer came back.
    const calls: { startedAt: number; endedAt: number; code: number }[] = [];
    const watched = new Api(emulator.token, { apiRoot: emulator.apiRoot });
    watched.config.use(async (prev, method, payload, signal) => {
      const startedAt = Date.now();
      const result = await prev(method, payload, signal);
      calls.push({ startedAt, endedAt: Date.now(), code: result.ok ? 200 : result.error_code });
      return result;
    });
    await enqueueMessages(
      repos,
      messages(40, (i) => 7000 + i),
      at,
    );
    start({ api: watched });
    await waitUntil(() => received().length >= 40, 30_000, "40 messages");
    expect(refusedAt).toBeGreaterThan(0);
    const answered = calls.find((c) => c.code === 429)?.endedAt ?? 0;
    // Requests already on the wire may land; none starts until retry_after has passed.
    const startedDuring = calls.filter(
      (c) => c.startedAt >= answered && c.startedAt < answered + 2000,
    );
    expect(startedDuring).toEqual([]);
    const retried = emulator.receipts().filter((r) => r.chatId === 7035);
    expect(retried).toHaveLength(1);
    expect(retried[0]?.time).toBeGreaterThanOrEqual(refusedAt + 2000);
    expect(duplicates(received())).toEqual([]);
    await waitUntil(async () => (await repos.outbox.depth()).sent === 40, 30_000, "all marked");
  });

  it("marks a user who blocked the bot unreachable, not inactive, and sends them nothing more", async () => {
    const body = await seedBody(repos, { code: "B1" });
    const blocked = await seedUser(repos, {
      telegramId: 8001,
      role: "commissioner",
      bodyId: body.id,
    });
    const other = await seedUser(repos, {
      telegramId: 8002,
      role: "commissioner",
      bodyId: body.id,
    });
    let refusals = 0;
    emulator.interceptSend = (_method, payload) => {
      if (Number(payload?.chat_id) !== 8001) return undefined;
      refusals++;
      return apiError(403, "Forbidden: bot was blocked by the user");
    };
    await enqueueMessages(
      repos,
      [
        { chatId: 8001, text: "first", idempotencyKey: "a" },
        { chatId: 8002, text: "to other", idempotencyKey: "b" },
        { chatId: 8001, text: "second", idempotencyKey: "c" },
      ],
      at,
    );
    start();
    await waitUntil(async () => (await repos.outbox.depth()).dead === 2, 30_000, "two dead");
    await waitUntil(() => received().length === 1, 30_000, "the other message");
    expect(refusals).toBe(1);
    expect(emulator.botMessages(8001)).toEqual([]);
    // Blocking the bot says nothing about their access: they stay active, just unreachable.
    expect(await repos.users.getUser(blocked.id)).toMatchObject({
      active: true,
      unreachableSince: expect.any(Date),
    });
    expect(await repos.users.getUser(other.id)).toMatchObject({
      active: true,
      unreachableSince: null,
    });
  });

  it("retries a server error with backoff and gives up on a refused message", async () => {
    let failures = 0;
    emulator.interceptSend = (_method, payload) => {
      if (Number(payload?.chat_id) === 9001 && failures < 2) {
        failures++;
        return apiError(502, "Bad Gateway");
      }
      if (Number(payload?.chat_id) === 9002) return apiError(400, "Bad Request: chat not found");
      return undefined;
    };
    await enqueueMessages(
      repos,
      [
        { chatId: 9001, text: "flaky", idempotencyKey: "flaky" },
        { chatId: 9002, text: "nowhere", idempotencyKey: "nowhere" },
      ],
      at,
    );
    start();
    await waitUntil(() => received().includes("flaky"), 30_000, "the retried message");
    expect(failures).toBe(2);
    await waitUntil(async () => (await repos.outbox.depth()).dead === 1, 30_000, "one dead");
    await waitUntil(async () => (await repos.outbox.depth()).sent === 1, 30_000, "one sent");
    const depth = await repos.outbox.depth();
    expect(depth).toMatchObject({ sent: 1, dead: 1, failed: 0, pending: 0 });
  });

  it("stopped mid-batch and started again, sends every message exactly once", async () => {
    await enqueueMessages(
      repos,
      messages(60, (i) => 10_000 + i),
      at,
    );
    const first = start();
    await waitUntil(() => received().length >= 20, 30_000, "20 messages");
    await first.stop();
    const afterStop = received().length;
    expect(afterStop).toBeLessThan(60);
    expect(await repos.outbox.depth()).toMatchObject({ sending: 0, sent: afterStop });
    start();
    await waitUntil(() => received().length >= 60, 30_000, "60 messages");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received()).toHaveLength(60);
    expect(duplicates(received())).toEqual([]);
  });

  it("as the embedded folder's only process takes a killed predecessor's lease at once", async () => {
    await enqueueMessages(
      repos,
      messages(5, (i) => 11_000 + i),
      at,
    );
    // A predecessor died holding a fresh lease (no stop() gave it up).
    expect(await repos.outbox.holdSenderLease("killed", new Date(), 10_000)).toBe(true);
    const waiting = start({ exclusive: { leaseTtlMs: 10_000 } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received()).toHaveLength(0);
    await waiting.stop();
    start({ exclusive: { leaseTtlMs: 10_000, soleProcess: true } });
    await waitUntil(() => received().length >= 5, 5_000, "5 messages well before the lease ends");
    expect(duplicates(received())).toEqual([]);
  });

  it("sends photos and documents with their caption and keyboard", async () => {
    await enqueueMessages(
      repos,
      [
        {
          chatId: 11_001,
          text: "Диаграмма",
          attachment: { kind: "photo", filename: "chart.png", data: Buffer.from("png-bytes") },
          keyboard: [[{ text: "Открыть", callback_data: "menu:monthly" }]],
          idempotencyKey: "photo",
        },
        {
          chatId: 11_001,
          text: "",
          attachment: { kind: "document", filename: "scores.xlsx", data: Buffer.from("xlsx") },
          idempotencyKey: "document",
        },
      ],
      at,
    );
    start();
    await waitUntil(() => emulator.sentFiles.length >= 2, 30_000, "two files");
    expect(emulator.sentFiles.map((f) => [f.method, f.filename, f.data?.toString()])).toEqual([
      ["sendPhoto", "chart.png", "png-bytes"],
      ["sendDocument", "scores.xlsx", "xlsx"],
    ]);
    expect(emulator.botMessages(11_001)[0]?.keyboard).toEqual([
      [{ text: "Открыть", callback_data: "menu:monthly" }],
    ]);
  });
});
