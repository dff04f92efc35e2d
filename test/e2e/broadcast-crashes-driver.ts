// A broadcast survives crashes with at most one duplicate each: the sender has one message on the
// wire at a time and records it before the next, so a SIGKILL can catch at most that one between
// Telegram's answer and its row being marked sent. One file per database (broadcast-crashes-
// embedded, broadcast-crashes-postgres), so the two runs, which mostly wait, go side by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, migrateDatabase, openDatabase } from "../../src/db/index.ts";
import { startBroadcast } from "../../src/services/broadcasts.ts";
import { waitUntil } from "../delivery/measure.ts";
import { BotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { BOOK } from "../support/methodology.ts";
import { type PostgresServer, postgresAvailable, startPostgres } from "../support/postgres.ts";
import { databaseUrlOf, seedBody, seedRecipients } from "../support/seed.ts";

const RECIPIENTS = 240;
const FIRST_ID = 6_100_000;
// Kills land when this many messages have arrived in all, each a random moment after one arrives.
const KILL_AT = [30, 90, 150, 200];

async function seedBroadcast(url: string): Promise<string> {
  const db = await openDatabase(url);
  try {
    await migrateDatabase(db);
    const repos = createRepositories(db);
    const body = await seedBody(repos, {
      code: "CRASH",
      nameKk: "Құлау органы",
      nameRu: "Орган сбоев",
    });
    await seedRecipients(db, body.id, { count: RECIPIENTS, firstTelegramId: FIRST_ID });
    const broadcast = await startBroadcast(repos, {
      actorUserId: null,
      texts: { kk: "Хабарлама", ru: "Сообщение" },
      audience: { type: "all" },
      now: new Date(),
      owed: { methodology: BOOK, zone: "Asia/Almaty" },
    });
    return `broadcast:${broadcast.id}`;
  } finally {
    await db.close();
  }
}

async function outboxProgress(url: string, batch: string) {
  const db = await openDatabase(url);
  try {
    return await createRepositories(db).outbox.batchProgress(batch);
  } finally {
    await db.close();
  }
}

export interface CrashedDatabase {
  name: "PGlite" | "PostgreSQL";
  available: boolean;
}

/** The embedded database, always there. */
export const PGLITE: CrashedDatabase = { name: "PGlite", available: true };
/** A PostgreSQL server the run starts, where its binaries are installed. */
export const POSTGRESQL: CrashedDatabase = { name: "PostgreSQL", available: postgresAvailable() };

/** A broadcast of RECIPIENTS messages, the bot killed at each of KILL_AT, on this database. */
export function describeBroadcastCrashes(database: CrashedDatabase): void {
  describe(`a broadcast killed with SIGKILL again and again [${database.name}]`, () => {
    let emulator: Emulator;
    let server: PostgresServer | undefined;
    let bot: BotProcess;
    let url: string;

    beforeAll(async () => {
      if (!database.available) return;
      emulator = await startEmulator();
      if (database.name === "PostgreSQL") {
        server = await startPostgres();
        url = await server.createDatabase("broadcast_crashes");
        // Each start waits for the killed sender's lease to run out: 2 s here instead of 10.
        bot = new BotProcess({
          emulator,
          env: { DATABASE_URL: url, LOG_LEVEL: "info", OUTBOX_LEASE_MS: "2000" },
        });
      } else {
        bot = new BotProcess({ emulator, env: { LOG_LEVEL: "info" } });
        url = databaseUrlOf(bot.dataDir);
      }
    });
    afterAll(async () => {
      await bot?.dispose();
      await emulator?.stop();
      await server?.stop();
    });

    it.skipIf(!database.available)(
      `sends every message, with at most one duplicate per kill (${KILL_AT.length} kills)`,
      async () => {
        const batch = await seedBroadcast(url);
        let arrivals = 0;
        let kills = 0;
        let killing: Promise<void> | undefined;
        emulator.interceptSend = () => {
          arrivals++;
          if (kills < KILL_AT.length && arrivals === KILL_AT[kills]) {
            kills++;
            // A moment after an answer leaves: the process may be anywhere in recording it.
            killing = new Promise((resolve) => setTimeout(resolve, Math.random() * 40)).then(() =>
              bot.kill(),
            );
          }
          return undefined;
        };
        await bot.start();
        for (let round = 0; round < KILL_AT.length; round++) {
          await waitUntil(() => kills > round, 120_000, `kill ${round + 1}`);
          await killing;
          await bot.start();
        }
        await waitUntil(
          () => new Set(emulator.receipts().map((r) => r.chatId)).size >= RECIPIENTS,
          120_000,
          "every recipient",
        );
        // A server's rows can be read while the bot runs; the embedded folder is the bot's alone
        // until it stops, and its graceful stop records the sends still in flight.
        if (database.name === "PostgreSQL") {
          await waitUntil(
            async () =>
              (await outboxProgress(url, batch).catch(() => undefined))?.sent === RECIPIENTS,
            30_000,
            "every row sent",
          ).catch(() => undefined);
        }
        await bot.stop();
        const perChat = new Map<number, number>();
        for (const r of emulator.receipts())
          perChat.set(r.chatId, (perChat.get(r.chatId) ?? 0) + 1);
        const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
        expect(perChat.size).toBe(RECIPIENTS);
        expect(kills).toBe(KILL_AT.length);
        expect(duplicates).toBeLessThanOrEqual(kills);
        expect(await outboxProgress(url, batch)).toMatchObject({
          sent: RECIPIENTS,
          pending: 0,
          sending: 0,
          failed: 0,
        });
      },
      300_000,
    );
  });
}
