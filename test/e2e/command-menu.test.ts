import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { seedInvite } from "../support/seed.ts";

const STRANGER = ["start", "help", "lang"];
// Managers export their own bodies too; the rest is for admins only.
const ADMIN_ONLY = [
  "invite",
  "review",
  "import",
  "users",
  "audit",
  "broadcast",
  "deadlines",
  "methodology",
];
const ALL = [
  "start",
  "help",
  "lang",
  "invite",
  "indicators",
  "report",
  "myreports",
  "score",
  "leaderboard",
  "review",
  "export",
  "import",
  "users",
  "audit",
  "broadcast",
  "deadlines",
  "methodology",
];

describe("Telegram's command menu per person", () => {
  const ids = { commissioner: 9201, officer: 9202, manager: 9203, admin: 9204, newcomer: 9205 };

  /**
   * Resolves once the chat's menu holds exactly these commands (and, if given, a command with this
   * description): the bot sets it right after answering, so it is polled for a while.
   */
  async function menuOf(chatId: number, commands: string[], described?: [string, string]) {
    const fits = (menu: { command: string; description: string }[] | undefined) =>
      menu !== undefined &&
      menu.map((c) => c.command).join() === commands.join() &&
      (!described || description(menu, described[0]) === described[1]);
    for (let attempt = 0; attempt < 200; attempt++) {
      const menu = emulator().chatCommands(chatId);
      if (menu && fits(menu)) return menu;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const menu = JSON.stringify(emulator().chatCommands(chatId));
    throw new Error(`chat ${chatId}: menu ${menu}, not ${JSON.stringify({ commands, described })}`);
  }

  const description = (menu: { command: string; description: string }[], command: string) =>
    menu.find((c) => c.command === command)?.description;

  async function started(user: EmulatedUser) {
    await user.command("start");
    await user.waitFor((m) => m.keyboard !== undefined);
  }

  const { emulator } = useBotWithPeople({
    env: { RATE_LIMIT_UPDATES: "0" },
    bodies: [{ code: "CMD", nameKk: "Мәзір агенттігі", nameRu: "Агентство меню" }],
    people: [
      { telegramId: ids.commissioner, role: "commissioner", body: "CMD", language: "kk" },
      { telegramId: ids.officer, role: "officer", body: "CMD" },
      { telegramId: ids.manager, role: "manager", body: "CMD", language: "kk" },
      { telegramId: ids.admin, role: "admin" },
    ],
    seed: (repos, { body }) =>
      seedInvite(repos, { code: "menuInvite01", bodyId: body("CMD").id, role: "commissioner" }),
  });

  it("gives strangers only start, help and lang by default, in Kazakh and Russian", () => {
    for (const lang of ["kk", "ru", undefined]) {
      const menu = emulator().myCommands(lang);
      expect(menu?.map((c) => c.command)).toEqual(STRANGER);
    }
    expect(description(emulator().myCommands("kk") ?? [], "lang")).toBe("Тілді өзгерту");
    expect(description(emulator().myCommands("ru") ?? [], "lang")).toBe("Сменить язык");
  });

  it("sets each person's chat menu by their role, in their language, once", async () => {
    await started(emulator().user({ userId: ids.commissioner, languageCode: "ru" }));
    const commissioner = await menuOf(ids.commissioner, [
      ...STRANGER,
      "report",
      "myreports",
      "score",
      "leaderboard",
    ]);
    expect(description(commissioner, "report")).toBe("Әдеп жөніндегі уәкілдің ай сайынғы есебі");

    await started(emulator().user({ userId: ids.officer, languageCode: "kk" }));
    const officer = await menuOf(ids.officer, [
      ...STRANGER,
      "indicators",
      "myreports",
      "score",
      "leaderboard",
    ]);
    expect(description(officer, "indicators")).toBe(
      "Индикаторы оценки: годовой и квартальный отчёт",
    );

    await started(emulator().user({ userId: ids.manager, languageCode: "kk" }));
    await menuOf(ids.manager, [...STRANGER, "myreports", "score", "leaderboard", "export"]);

    const admin = emulator().user({ userId: ids.admin, languageCode: "ru" });
    await started(admin);
    const adminMenu = await menuOf(ids.admin, ALL);
    expect(description(adminMenu, "broadcast")).toBe("Рассылка");

    // More updates with nothing changed set nothing again.
    await admin.command("help");
    await admin.waitFor(/Что умеет бот/);
    const calls = emulator().commandCalls.filter((c) => c.scope?.chat_id === ids.admin);
    expect(calls).toHaveLength(1);
  });

  it("follows a language change at once", async () => {
    const user = emulator().user({ userId: ids.commissioner, languageCode: "ru" });
    await user.command("lang");
    await user.waitFor(/Тілді таңдаңыз/);
    await user.press("Русский");
    await user.waitFor((m) => m.edited && m.text.includes("Язык изменён"));
    await menuOf(
      ids.commissioner,
      [...STRANGER, "report", "myreports", "score", "leaderboard"],
      ["report", "Ежемесячный отчёт уполномоченного по этике"],
    );
  });

  it("sets a newcomer's menu when they join by invite", async () => {
    const user = emulator().user({ userId: ids.newcomer, languageCode: "kk" });
    await user.command("start", "menuInvite01");
    await user.waitFor((m) => m.keyboard?.flat().some((b) => b.text.includes("Қазақша")) ?? false);
    await user.press("Қазақша");
    await user.waitFor(/Дайын! Сіз тіркелдіңіз/);
    const menu = await menuOf(ids.newcomer, [
      ...STRANGER,
      "report",
      "myreports",
      "score",
      "leaderboard",
    ]);
    expect(description(menu, "score")).toBe("Органның баллдары: ай, тоқсан, жыл");
  });

  it("changes a person's menu when an admin changes their role or switches them off", async () => {
    const admin = emulator().user({ userId: ids.admin, languageCode: "ru" });
    await admin.command("users");
    await admin.waitFor(/🏛/);
    await admin.press("Агентство меню");
    await admin.waitFor(/User 9202/);
    await admin.press(/User 9202/);
    await admin.waitFor(/Telegram ID: 9202/);
    await admin.press("руководитель");
    await admin.waitFor(/Роль: руководитель/);
    await menuOf(ids.officer, [...STRANGER, "myreports", "score", "leaderboard", "export"]);

    await admin.press("⬅ Назад");
    await admin.waitFor(/User 9203/);
    await admin.press(/User 9203/);
    await admin.waitFor(/Telegram ID: 9203/);
    await admin.press("⏸ Отключить доступ");
    await admin.waitFor(/Статус: отключён/);
    const off = await menuOf(ids.manager, STRANGER);
    expect(description(off, "help")).toBe("Анықтама: бот не істей алады");
  });

  it("never showed anyone but the admin an admin command, nor export to anyone but managers", () => {
    for (const call of emulator().commandCalls) {
      if (call.scope?.chat_id === ids.admin) continue;
      expect(call.commands.filter((c) => ADMIN_ONLY.includes(c.command))).toEqual([]);
      const managers = [ids.manager, ids.officer]; // the officer is made a manager above
      if (!managers.includes(Number(call.scope?.chat_id))) {
        expect(call.commands.map((c) => c.command)).not.toContain("export");
      }
    }
  });
});
