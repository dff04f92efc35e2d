// Issue 16 item 12: every button's data is decoded by its feature's codec and checked for role and
// scope; a forged or out-of-range payload gets a quiet "out of date", never a crash or someone
// else's data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { seedBody, seedDatabase, seedUser } from "../support/seed.ts";

const FAKE_NOW = "2026-11-03T11:00:00+05:00";
const APOLOGIES = ["Извините, что-то пошло не так", "Кешіріңіз, бірдеңе дұрыс болмады"];

describe("forged and out-of-range buttons", () => {
  let emulator: Emulator;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({
      emulator,
      env: { FAKE_NOW, NODE_ENV: "test", RATE_LIMIT_UPDATES: "0" },
    });
    await seedDatabase(bot.dataDir, async (repos) => {
      const region = await seedBody(repos, { code: "RG1", kind: "regional" });
      await seedBody(repos, { code: "CN1", kind: "central" });
      await seedUser(repos, { telegramId: 7401, role: "commissioner", bodyId: region.id });
      await seedUser(repos, { telegramId: 7402, role: "admin", bodyId: null });
      await seedUser(repos, {
        telegramId: 7403,
        role: "manager",
        bodyId: region.id,
        language: "kk",
      });
    });
    await bot.start();
  }, 120_000);

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  async function pressAndHear(userId: number, lang: "ru" | "kk", data: string) {
    const user = emulator.user({ userId, languageCode: lang });
    const before = emulator.callbackAnswers.length;
    await user.pressData(data);
    const deadline = Date.now() + 10_000;
    while (emulator.callbackAnswers.length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return emulator.callbackAnswers.slice(before).find((a) => a.chatId === user.chatId);
  }

  it("shows a regional body's people no central ranking, whatever the button says", async () => {
    const answer = await pressAndHear(7401, "ru", "lb:central:2026-10");
    expect(answer?.text).toBe("Эта кнопка больше не действует.");
    const kkAnswer = await pressAndHear(7403, "kk", "lb:central:2026-10");
    expect(kkAnswer?.text).toBe("Бұл батырма енді жұмыс істемейді.");
    const shown = emulator.botMessages(7401).concat(emulator.botMessages(7403));
    expect(shown.some((m) => /Центральные|Орталық/.test(m.text))).toBe(false);
    // Their own kind is theirs to see.
    const own = emulator.user({ userId: 7401, languageCode: "ru" });
    await own.command("leaderboard");
    await own.waitFor(/Рейтинг: Местные исполнительные органы/);
    await own.press(/С начала года/);
    await own.waitFor((m) => m.edited && /Рейтинг: Местные исполнительные органы/.test(m.text));
  });

  it("answers every out-of-range payload quietly and never apologises for a crash", async () => {
    const forged = [
      "us:o:99999999999",
      "us:o:0",
      "us:b:-1",
      "us:r:1:superuser",
      "us:x:abc",
      "us:t:",
      "inv:c:1:admin:1000000:99999",
      "inv:u:1:admin:7",
      "inv:x:1:0",
      "inv:b:2147483648",
      "dl:edit:weekly",
      "bc:stop:99999999999",
      "bc:show:-5",
      "myr:monthly:2026-13:1:0",
      "myr:annual:2026-10:1:0",
      "myr:list:99999",
      "lb:regional:2026-13",
      "lb:mars:2026-10",
      "mr:99:add",
      "re:period:99",
      "menu:nowhere",
      "x:y:z",
      "",
    ];
    for (const data of forged) {
      const answer = await pressAndHear(7402, "ru", data);
      expect(answer, data).toBeDefined();
    }
    const admin = emulator.botMessages(7402);
    expect(
      admin.filter((m) => APOLOGIES.some((a) => m.text.includes(a))).map((m) => m.text),
    ).toEqual([]);
  });
});
