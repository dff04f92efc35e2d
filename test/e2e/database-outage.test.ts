// Long polling confirms an update to Telegram as soon as it is fetched, so an update whose handling
// fails is never delivered again: with the database away, the bot must wait for it, not drop it.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { type PostgresServer, postgresAvailable, startPostgres } from "../support/postgres.ts";

const withServer = postgresAvailable();
const GREETING = { kk: /Сәлеметсіз бе/, ru: /Здравствуйте/ };

describe.skipIf(!withServer)("polling through a database outage", () => {
  let emulator: Emulator;
  let server: PostgresServer;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await startEmulator();
    server = await startPostgres();
    const url = await server.createDatabase("outage");
    bot = new BotProcess({
      emulator,
      env: { DATABASE_URL: url, LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    });
    await bot.start();
  });
  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
    await server?.stop();
  });

  it("answers every update written while PostgreSQL was stopped, once, when it is back", async () => {
    const users = Array.from({ length: 16 }, (_, i) => {
      const lang = i % 2 === 0 ? ("kk" as const) : ("ru" as const);
      return { lang, user: emulator.user({ userId: 9300 + i, languageCode: lang }) };
    });
    // Before the outage: answered as usual.
    const [first] = users;
    await first?.user.command("start");
    await first?.user.waitFor(GREETING.kk);

    await server.pause();
    for (const { user } of users.slice(1)) {
      await user.command("start");
      await sleep(150);
    }
    // The outage lasts a few seconds more while the bot holds the updates.
    await sleep(3000);
    await server.resume();

    for (const { lang, user } of users) await user.waitFor(GREETING[lang], { timeoutMs: 60_000 });
    await sleep(1500);
    for (const { lang, user } of users) {
      expect(user.messages().filter((m) => GREETING[lang].test(m.text))).toHaveLength(1);
    }
    expect(bot.lines.some((line) => /waits for the database/.test(line.msg ?? ""))).toBe(true);
  }, 180_000);
});
