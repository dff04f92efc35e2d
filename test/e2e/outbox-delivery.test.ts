import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMessages } from "../../src/delivery/outbox-message.ts";
import { duplicates, waitUntil } from "../delivery/measure.ts";
import { BotProcess } from "../support/bot-process.ts";
import { apiError, type Emulator, startEmulator } from "../support/emulator.ts";
import { seedBody, seedDatabase, seedUser } from "../support/seed.ts";

describe("outbox delivery by the bot process", () => {
  let emulator: Emulator;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({ emulator });
  });
  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("killed with SIGKILL mid-way and restarted, sends every message exactly once", async () => {
    const count = 70;
    await seedDatabase(bot.dataDir, async (repos) => {
      const messages = Array.from({ length: count }, (_, i) => ({
        chatId: 30_000 + i,
        text: `crash-${i}`,
        idempotencyKey: `crash:${i}`,
      }));
      await enqueueMessages(repos, messages, new Date());
    });
    let arrivals = 0;
    let killed: Promise<void> | undefined;
    emulator.interceptSend = async () => {
      arrivals++;
      if (arrivals < 45) return undefined;
      // From the 45th request on nothing is answered; a moment later the process is killed, so
      // the messages Telegram accepted are recorded and those on the wire are not (the window
      // between Telegram's answer and the row being marked is documented, not tested here).
      killed ??= new Promise((resolve) => setTimeout(resolve, 1500)).then(() => bot.kill());
      await killed;
      return apiError(502, "Bad Gateway");
    };
    await bot.start();
    await waitUntil(() => killed !== undefined, 30_000, "the crash");
    await killed;
    const beforeRestart = emulator.botMessages().length;
    expect(beforeRestart).toBe(44);
    emulator.interceptSend = undefined;
    await bot.start();
    await waitUntil(() => emulator.botMessages().length >= count, 60_000, "every message");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const texts = emulator.botMessages().map((m) => m.text);
    expect(duplicates(texts)).toEqual([]);
    expect(texts).toHaveLength(count);
    expect(duplicates(texts)).toEqual([]);
  });

  it("marks users who blocked the bot inactive", async () => {
    await bot.stop();
    await seedDatabase(bot.dataDir, async (repos) => {
      const body = await seedBody(repos, { code: "BLK" });
      const user = await seedUser(repos, { telegramId: 40_001, role: "officer", bodyId: body.id });
      await enqueueMessages(
        repos,
        [{ chatId: user.telegramId, text: "hello", idempotencyKey: "blocked:1" }],
        new Date(),
      );
    });
    emulator.interceptSend = (_method, body) =>
      Number(body?.chat_id) === 40_001
        ? apiError(403, "Forbidden: bot was blocked by the user")
        : undefined;
    await bot.start();
    await bot.waitForLog(/blocked the bot/, 30_000);
    await bot.stop();
    const active = await seedDatabase(
      bot.dataDir,
      async (repos) => (await repos.users.getUserByTelegramId(40_001))?.active,
    );
    expect(active).toBe(false);
    emulator.interceptSend = undefined;
  });
});
