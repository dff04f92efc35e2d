// A reminder day whose 10:00 passed while the only process was down: the reminders go out when it
// starts, the same day (the clock is fixed with FAKE_NOW).
import { afterAll, beforeAll, describe, it } from "vitest";
import { BotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { seedBody, seedDatabase, seedUser } from "../support/seed.ts";

// 14:30 in Almaty on 2 November: three days before the October report is due (5 November).
const FAKE_NOW = "2026-11-02T09:30:00.000Z";

describe("jobs missed while the bot was down", () => {
  let emulator: Emulator;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({ emulator, env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info" } });
    await seedDatabase(bot.dataDir, async (repos) => {
      const body = await seedBody(repos, { code: "LATE" });
      await seedUser(repos, {
        telegramId: 9601,
        role: "commissioner",
        bodyId: body.id,
        language: "kk",
      });
      await seedUser(repos, {
        telegramId: 9602,
        role: "commissioner",
        bodyId: body.id,
        language: "ru",
      });
    });
    await bot.start();
  });
  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("sends the 10:00 reminders on a start at 14:30 the same day, in each person's language", async () => {
    await emulator.user({ userId: 9601 }).waitFor(/⏰ Еске салу/, { timeoutMs: 30_000 });
    await emulator.user({ userId: 9602 }).waitFor(/⏰ Напоминание/, { timeoutMs: 30_000 });
  });
});
