import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMessages } from "../../src/delivery/outbox-message.ts";
import { startBroadcast } from "../../src/services/broadcasts.ts";
import { duplicates, waitUntil } from "../delivery/measure.ts";
import { BotProcess } from "../support/bot-process.ts";
import { apiError, type Emulator, startEmulator } from "../support/emulator.ts";
import { BOOK } from "../support/methodology.ts";
import { seedBody, seedDatabase, seedUser } from "../support/seed.ts";

// Each test starts the bot process two or three times: slow when other test files share the cores.
describe("outbox delivery by the bot process", { timeout: 240_000 }, () => {
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

  it("keeps apart a user who blocked the bot (unreachable) and one whose access is off; writing again makes them reachable", async () => {
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
    const broadcast = (text: string) =>
      seedDatabase(bot.dataDir, async (repos) => {
        const user = await repos.users.getUserByTelegramId(40_001);
        const sent = await startBroadcast(repos, {
          actorUserId: null,
          texts: { kk: text, ru: text },
          audience: { type: "role", role: "officer" },
          now: new Date(),
          owed: { methodology: BOOK, zone: "Asia/Almaty" },
        });
        return { user, recipients: sent.recipients };
      });
    const whileBlocked = await broadcast("while blocked");
    // Access is untouched; the broadcast leaves out only whom Telegram would refuse anyway.
    expect(whileBlocked.user).toMatchObject({ active: true, unreachableSince: expect.any(Date) });
    expect(whileBlocked.recipients).toBe(0);

    // They unblock the bot and write to it: they are a known officer, and reachable again.
    emulator.interceptSend = undefined;
    await bot.start();
    const officer = emulator.user({ userId: 40_001, languageCode: "ru" });
    const updateId = await officer.command("start");
    await officer.waitFor(() => true);
    await bot.waitForUpdateHandled(updateId);
    await bot.stop();
    const afterWriting = await broadcast("after unblocking");
    expect(afterWriting.user).toMatchObject({ active: true, unreachableSince: null });
    expect(afterWriting.recipients).toBe(1);
    await bot.start();
    await officer.waitFor("after unblocking", { timeoutMs: 30_000 });
    expect(officer.messages().some((m) => m.text === "while blocked")).toBe(false);
  });
});
