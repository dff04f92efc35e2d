// Issue 16 item 10: admin dialogs run in private chats only, and each step checks that the answer
// comes from the admin who started it and that they are still an admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { seedBody, seedDatabase, seedUser } from "../support/seed.ts";

const GROUP = -100500;

describe("admin dialogs", () => {
  let emulator: Emulator;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({ emulator, env: { RATE_LIMIT_UPDATES: "0" } });
    await seedDatabase(bot.dataDir, async (repos) => {
      const body = await seedBody(repos, { code: "AD1" });
      await seedUser(repos, { telegramId: 7501, role: "admin", bodyId: body.id, name: "Admin A" });
      await seedUser(repos, { telegramId: 7502, role: "admin", bodyId: null, name: "Admin B" });
      await seedUser(repos, {
        telegramId: 7503,
        role: "commissioner",
        bodyId: body.id,
        name: "Reader",
      });
    });
    await bot.start();
  }, 120_000);

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("does not open /broadcast in a group, so a stranger there cannot drive it", async () => {
    const admin = emulator.user({ userId: 7501, languageCode: "ru", chatId: GROUP, group: true });
    await admin.command("broadcast");
    const stranger = emulator.user({
      userId: 7999,
      languageCode: "ru",
      chatId: GROUP,
      group: true,
    });
    await stranger.send("Всем: сдавайте деньги на подарок");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(emulator.botMessages(GROUP).some((m) => /Как написать текст/.test(m.text))).toBe(false);
    expect(emulator.botMessages(7503)).toEqual([]);
  });

  it("stops an open broadcast dialog whose admin was demoted meanwhile", async () => {
    const a = emulator.user({ userId: 7501, languageCode: "ru" });
    await a.command("broadcast");
    await a.waitFor(/Как написать текст/);
    await a.press("Один текст для всех");
    await a.waitFor(/Отправьте текст рассылки/);

    // Admin B takes A's admin role away while A's dialog is open.
    const b = emulator.user({ userId: 7502, languageCode: "ru" });
    await b.command("users");
    await b.waitFor(/🏛/);
    await b.press("Орган AD1");
    await b.waitFor((m) => m.keyboard?.flat().some((k) => k.text.includes("Admin A")) === true);
    await b.press(/Admin A/);
    await b.waitFor(/Telegram ID: 7501/);
    await b.press("руководитель");
    await b.waitFor(/Роль: руководитель/);

    await a.send("Текст, который никто не должен получить");
    await a.waitFor("Это действие недоступно для вашей роли.");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(emulator.botMessages(7503)).toEqual([]);
  });
});
