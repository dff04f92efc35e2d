// A broadcast to N recipients (default 5,000) through the real bot process and its outbox sender,
// against the local Bot API emulator. Run: npm run bench:broadcast -- [--recipients 5000]
// Prints messages per second (first to last arrival), the most in any one-second window,
// duplicates (a recipient who got it twice) and losses (one who never got it, or a row not "sent").
import { parseArgs } from "node:util";
import { createRepositories, migrateDatabase, openDatabase } from "../src/db/index.ts";
import { bundledMethodology } from "../src/methodology/load.ts";
import { startBroadcast } from "../src/services/broadcasts.ts";
import { maxInAnyWindow } from "../test/delivery/measure.ts";
import { BotProcess } from "../test/support/bot-process.ts";
import { startEmulator } from "../test/support/emulator.ts";
import { databaseUrlOf, seedBody, seedRecipients } from "../test/support/seed.ts";

const FIRST_TELEGRAM_ID = 5_000_000;
const TEXT = { kk: "Бенчмарк: хабарлама", ru: "Бенчмарк: сообщение" };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { recipients: { type: "string", default: "5000" } } });
  const count = Number(values.recipients);
  const emulator = await startEmulator();
  const bot = new BotProcess({ emulator, env: { LOG_LEVEL: "info" } });
  try {
    process.stdout.write(`Seeding ${count} recipients and the broadcast…\n`);
    const db = await openDatabase(databaseUrlOf(bot.dataDir));
    await migrateDatabase(db);
    const repos = createRepositories(db);
    const body = await seedBody(repos, {
      code: "BENCH",
      nameKk: "Бенчмарк органы",
      nameRu: "Орган бенчмарка",
    });
    await seedRecipients(db, body.id, { count, firstTelegramId: FIRST_TELEGRAM_ID });
    const broadcast = await startBroadcast(repos, {
      actorUserId: null,
      texts: TEXT,
      audience: { type: "all" },
      now: new Date(),
      owed: { methodology: bundledMethodology(), zone: "Asia/Almaty" },
    });
    await db.close();
    process.stdout.write(
      `Broadcast #${broadcast.id} to ${broadcast.recipients}; starting the bot…\n`,
    );

    const startedAt = Date.now();
    await bot.start();
    const received = () => emulator.server.storage.botMessages.length;
    let last = -1;
    let idleSince = Date.now();
    while (received() < count) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = received();
      if (now !== last) {
        last = now;
        idleSince = Date.now();
        process.stdout.write(
          `  ${now}/${count} after ${Math.round((Date.now() - startedAt) / 1000)} s\n`,
        );
      } else if (Date.now() - idleSince > 30_000) break;
    }
    // Anything more (a duplicate) would arrive within a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await bot.stop();

    const receipts = emulator.receipts();
    const perChat = new Map<number, number>();
    for (const r of receipts) perChat.set(r.chatId, (perChat.get(r.chatId) ?? 0) + 1);
    let duplicates = 0;
    let losses = 0;
    for (let i = 0; i < count; i++) {
      const got = perChat.get(FIRST_TELEGRAM_ID + i) ?? 0;
      if (got === 0) losses++;
      if (got > 1) duplicates += got - 1;
    }
    const check = await openDatabase(databaseUrlOf(bot.dataDir));
    const progress = await createRepositories(check).outbox.batchProgress(
      `broadcast:${broadcast.id}`,
    );
    await check.close();
    const times = receipts.map((r) => r.time).sort((a, b) => a - b);
    const spanSeconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    const rate = spanSeconds > 0 ? (times.length - 1) / spanSeconds : 0;
    process.stdout.write(
      [
        "",
        `recipients:              ${count}`,
        `messages received:       ${receipts.length}`,
        `sustained rate:          ${rate.toFixed(2)} messages/s (first to last arrival, ${spanSeconds.toFixed(1)} s)`,
        `most in any 1 s window:  ${maxInAnyWindow(times, 1000)}`,
        `duplicates:              ${duplicates}`,
        `losses:                  ${losses}`,
        `outbox rows:             ${JSON.stringify(progress)}`,
        "",
      ].join("\n"),
    );
    if (duplicates > 0 || losses > 0 || rate < 28) process.exitCode = 1;
  } finally {
    await bot.dispose();
    await emulator.stop();
  }
}

await main();
