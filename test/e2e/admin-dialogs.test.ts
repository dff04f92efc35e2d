// Issue 16 item 10: admin dialogs run in private chats only, and each step checks that the answer
// comes from the admin who started it and that they are still an admin.
import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";

const GROUP = -100500;

describe("admin dialogs", () => {
  const { emulator, user } = useBotWithPeople({
    // A fixed day (October's report due): the entry's periods do not depend on the run's date.
    env: { RATE_LIMIT_UPDATES: "0", NODE_ENV: "test", FAKE_NOW: "2026-11-03T11:00:00+05:00" },
    bodies: [{ code: "AD1" }],
    people: [
      { telegramId: 7501, role: "admin", body: "AD1", name: "Admin A" },
      { telegramId: 7502, role: "admin", name: "Admin B" },
      { telegramId: 7503, role: "commissioner", body: "AD1", name: "Reader" },
      { telegramId: 7504, role: "commissioner", body: "AD1", name: "Commissioner C" },
    ],
  });

  it("does not open /broadcast in a group, so a stranger there cannot drive it", async () => {
    const admin = emulator().user({ userId: 7501, languageCode: "ru", chatId: GROUP, group: true });
    await admin.command("broadcast");
    const stranger = emulator().user({
      userId: 7999,
      languageCode: "ru",
      chatId: GROUP,
      group: true,
    });
    await stranger.send("Всем: сдавайте деньги на подарок");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const inGroup = emulator().botMessages(GROUP);
    expect(inGroup.some((m) => /Как написать текст/.test(m.text))).toBe(false);
    expect(emulator().botMessages(7503)).toEqual([]);
  });

  it("stops an open broadcast dialog whose admin was demoted meanwhile", async () => {
    const a = user(7501, "ru");
    await a.command("broadcast");
    await a.waitFor(/Как написать текст/);
    await a.press("Один текст для всех");
    await a.waitFor(/Отправьте текст рассылки/);

    // Admin B takes A's admin role away while A's dialog is open.
    const b = user(7502, "ru");
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
    expect(emulator().botMessages(7503)).toEqual([]);
  });

  it("checks the person again at each press of a report's entry: a new role stops it", async () => {
    const c = user(7504, "ru");
    await c.command("report");
    const periods = await c.waitFor("За какой период?");

    const b = user(7502, "ru");
    await b.command("users");
    await b.waitFor(/🏛/);
    await b.press("Орган AD1");
    await b.waitFor(
      (m) => m.keyboard?.flat().some((k) => k.text.includes("Commissioner C")) === true,
    );
    await b.press(/Commissioner C/);
    await b.waitFor(/Telegram ID: 7504/);
    await b.press("руководитель");
    await b.waitFor(/Роль: руководитель/);

    await c.pressData(periods.keyboard?.[0]?.[0]?.callback_data ?? "", periods);
    await c.waitFor("Это действие недоступно для вашей роли.");
    expect(c.messages().some((m) => m.text.includes("1/4"))).toBe(false);
  });
});
