// Issue 15 item 1: the monthly report's steps cost at most four SQL statements an update (the
// submit step excepted), counted by the bot itself (src/db/statement-count.ts) on both databases.
import { afterAll, describe, expect, it } from "vitest";
import { createRepositories, migrateDatabase, openDatabase } from "../../src/db/index.ts";
import { BotProcess } from "../support/bot-process.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { type PostgresServer, postgresAvailable, startPostgres } from "../support/postgres.ts";
import { databaseUrlOf, seedBody, seedUser } from "../support/seed.ts";

const FAKE_NOW = "2026-11-03T11:00:00+05:00";
const MAX_STATEMENTS = 4;

/** One step of the report: what the person does and what the bot answers. */
const STEPS: [action: { text: string } | { press: string | RegExp }, answer: string | RegExp][] = [
  [{ press: "➕ Добавить" }, "когда оно прошло?"],
  [{ text: "12" }, "какая у него тема?"],
  [{ text: "Конфликт интересов" }, "сколько человек"],
  [{ text: "сорок" }, "Напишите число цифрами"],
  [{ text: "40" }, "1. 12.10.2026"],
  [{ press: "✅ Готово" }, "2/4"],
  [{ text: "Главный специалист; 14" }, "1. 14.10.2026"],
  [{ press: "✅ Готово" }, "3/4"],
  [{ press: "✅ Готово" }, "4/4"],
  [{ press: "➡ Далее" }, "проверьте перед отправкой"],
];

async function walk(user: EmulatedUser, bot: BotProcess): Promise<number[]> {
  const counts: number[] = [];
  for (const [action, answer] of STEPS) {
    const updateId =
      "text" in action ? await user.send(action.text) : await user.press(action.press);
    await user.waitFor(answer);
    const line = await bot.waitForUpdateHandled(updateId);
    counts.push(Number(line.statements));
  }
  return counts;
}

describe("SQL statements per update of the monthly report", () => {
  let emulator: Emulator | undefined;
  let postgres: PostgresServer | undefined;
  const bots: BotProcess[] = [];

  afterAll(async () => {
    for (const bot of bots) await bot.dispose();
    await postgres?.stop();
    await emulator?.stop();
  });

  async function measure(databaseUrl: string | undefined, userId: number): Promise<number[]> {
    emulator ??= await startEmulator();
    const env: Record<string, string> = {
      FAKE_NOW,
      NODE_ENV: "test",
      RATE_LIMIT_UPDATES: "0",
      LOG_LEVEL: "debug",
    };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    const bot = new BotProcess({ emulator, env });
    bots.push(bot);
    const db = await openDatabase(databaseUrl ?? databaseUrlOf(bot.dataDir));
    try {
      await migrateDatabase(db);
      const repos = createRepositories(db);
      const body = await seedBody(repos, { code: `S${userId}` });
      await seedUser(repos, { telegramId: userId, role: "commissioner", bodyId: body.id });
    } finally {
      await db.close();
    }
    await bot.start();
    const user = emulator.user({ userId, languageCode: "ru" });
    await user.command("report");
    await user.waitFor("За какой период?");
    await user.press(/^октябрь 2026/);
    await user.waitFor("1/4");
    // The first step after a start warms caches (deadline rules, the user's menu); measure from the second.
    await user.send("/cancel");
    await user.waitFor("сохранено в черновике");
    await user.command("report");
    await user.waitFor("незаконченный черновик");
    await user.press("▶ Продолжить черновик");
    await user.waitFor("1/4");
    const counts = await walk(user, bot);
    // One emulator serves both runs: the next bot must be the only one asking for updates.
    await bot.stop();
    return counts;
  }

  it("on the embedded database", async () => {
    const counts = await measure(undefined, 8301);
    console.info("pglite statements per step:", counts.join(" "));
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_STATEMENTS);
  }, 300_000);

  it.skipIf(!postgresAvailable())(
    "on PostgreSQL",
    async () => {
      postgres = await startPostgres();
      const counts = await measure(await postgres.createDatabase("statements"), 8302);
      console.info("postgres statements per step:", counts.join(" "));
      expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_STATEMENTS);
    },
    300_000,
  );
});
