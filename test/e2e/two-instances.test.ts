import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, openDatabase } from "../../src/db/index.ts";
import { BotProcess } from "../support/bot-process.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { findFreePort } from "../support/free-port.ts";
import { type PostgresServer, postgresAvailable, startPostgres } from "../support/postgres.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "../support/round-robin-proxy.ts";
import { seedUser } from "../support/seed.ts";

const USERS = 40;
/** An update still running after this is answered, its chat's lock held (WEBHOOK_ANSWER_WITHIN_MS). */
const ANSWER_WITHIN_MS = 300;
const isLangReply = (text: string) => /Текущий язык/.test(text);

/** Waits until the chat holds `count` bot messages (or fails after the timeout). */
async function waitForMessages(user: EmulatedUser, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (user.messages().length < count) {
    if (Date.now() > deadline) {
      throw new Error(`chat ${user.chatId}: ${user.messages().length} of ${count} answers`);
    }
    await sleep(20);
  }
  return user.messages();
}

// Two bot processes behind a round-robin proxy, one PostgreSQL server: consecutive updates of a
// chat land on different processes, and must still be answered once each, in order.
describe.skipIf(!postgresAvailable())("two bot processes on one PostgreSQL server", () => {
  const secret = "two_instances";
  let postgres: PostgresServer;
  let emulator: Emulator;
  let proxy: RoundRobinProxy;
  let bots: BotProcess[] = [];
  let databaseUrl: string;

  beforeAll(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase("two_instances");
    emulator = await startEmulator();
    const ports = [await findFreePort(), await findFreePort()];
    proxy = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`));
    bots = ports.map(
      (port) =>
        new BotProcess({
          emulator,
          env: {
            DATABASE_URL: databaseUrl,
            WEBHOOK_URL: `${proxy.url}/telegram/webhook`,
            WEBHOOK_SECRET: secret,
            PORT: String(port),
            HOST: "127.0.0.1",
            RATE_LIMIT_UPDATES: "0",
            WEBHOOK_ANSWER_WITHIN_MS: String(ANSWER_WITHIN_MS),
          },
        }),
    );
    // Started together on an empty database: the migration lock lets one migrate at a time.
    await Promise.all(bots.map((bot) => bot.start()));
  });

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.dispose()));
    await proxy?.stop();
    await emulator?.stop();
    await postgres?.stop();
  });

  it("answers every update once and in order per chat while many users write at once", async () => {
    const users = Array.from({ length: USERS }, (_, i) =>
      emulator.user({ userId: 5000 + i, languageCode: "ru" }),
    );
    // Like Telegram, a chat's next update is sent once the previous one got its 200.
    await Promise.all(
      users.map(async (user) => {
        for (const command of ["start", "lang", "start", "lang"]) await user.command(command);
      }),
    );
    for (const user of users) {
      const answers = await waitForMessages(user, 4);
      expect(answers.map((m) => isLangReply(m.text))).toEqual([false, true, false, true]);
    }
    // Both processes took part.
    for (const count of proxy.served.values()) expect(count).toBeGreaterThan(USERS);
  });

  it("ignores an update delivered again to the other process", async () => {
    const users = Array.from({ length: 10 }, (_, i) =>
      emulator.user({ userId: 6000 + i, languageCode: "ru" }),
    );
    const starts = await Promise.all(users.map((user) => user.command("start")));
    await Promise.all(users.map((user) => waitForMessages(user, 1)));
    // Round robin: the copies land on the process that did not handle the original, or the same.
    for (const updateId of starts) await emulator.redeliver(updateId);
    await Promise.all(users.map((user) => user.command("lang")));
    for (const user of users) {
      const answers = await waitForMessages(user, 2);
      await sleep(50);
      expect(user.messages().map((m) => isLangReply(m.text))).toEqual([false, true]);
      expect(answers).toHaveLength(2);
    }
  });

  it("makes the next update of a chat wait, on the other process, for one that runs long", async () => {
    const adminId = 7000;
    const db = await openDatabase(databaseUrl);
    try {
      await seedUser(createRepositories(db), { telegramId: adminId, role: "admin", bodyId: null });
    } finally {
      await db.close();
    }
    const admin = emulator.user({ userId: adminId, languageCode: "ru" });
    const release = emulator.holdDownloads();
    const asked = emulator.fileDownloads;
    // Answered while the import waits for its file: by then its process holds the chat's lock.
    await admin.sendDocument({
      filename: "справочник.csv",
      data: Buffer.from("type,code,body_code,kind,name_kk,name_ru,name,telegram_id,role\n"),
      caption: "/import",
    });
    while (emulator.fileDownloads === asked) await sleep(20);
    // Round robin: this lands on the other process, which must wait for the import to finish.
    const lang = admin.command("lang");
    await sleep(4 * ANSWER_WITHIN_MS);
    expect(admin.messages().filter((m) => isLangReply(m.text))).toEqual([]);
    release();
    await lang;
    const answers = await waitForMessages(admin, 2);
    expect(answers.map((m) => isLangReply(m.text)).indexOf(true)).toBe(answers.length - 1);
  });
});
