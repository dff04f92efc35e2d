import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { seedDatabase, seedInvite } from "../support/seed.ts";

const INVITE_LINK = /https:\/\/t\.me\/TestNameBot\?start=([A-Za-z0-9_-]+)/;

/** Opens the bot with a deep-link payload and picks the language on the first screen. */
async function joinWith(user: EmulatedUser, code: string, language: "Қазақша" | "Русский") {
  await user.command("start", code);
  await user.waitFor((m) => m.keyboard?.flat().some((b) => b.text.includes("Қазақша")) ?? false);
  await user.press(language);
}

describe("joining by invite", () => {
  const { emulator, bot } = useBotWithPeople({
    env: { ADMIN_TELEGRAM_IDS: "700", RATE_LIMIT_UPDATES: "0" },
    bodies: [
      { code: "ALM", nameKk: "Алматы облысының әкімдігі", nameRu: "Акимат Алматинской области" },
      {
        code: "FIN",
        kind: "central",
        nameKk: "Қаржы министрлігі",
        nameRu: "Министерство финансов",
      },
    ],
    people: [
      { telegramId: 500, role: "commissioner", body: "ALM" },
      { telegramId: 600, role: "admin", name: "Админ" },
    ],
    seed: async (repos, { body }) => {
      const almaty = body("ALM").id;
      await seedInvite(repos, { code: "kkInvite0001", bodyId: almaty, role: "commissioner" });
      await seedInvite(repos, { code: "ruInvite0001", bodyId: body("FIN").id, role: "officer" });
      await seedInvite(repos, {
        code: "oldInvite0001",
        bodyId: almaty,
        role: "officer",
        expiresAt: new Date("2020-01-01T00:00:00Z"),
      });
      await seedInvite(repos, {
        code: "revokedInvite1",
        bodyId: almaty,
        role: "officer",
        revoked: true,
      });
      await seedInvite(repos, { code: "fullInvite0001", bodyId: almaty, role: "manager" });
      const spent = await repos.invites.redeemInvite({
        code: "fullInvite0001",
        telegramId: 900,
        name: "Первый",
        language: "ru",
        now: new Date(),
      });
      if (!spent.ok) throw new Error(spent.reason);
    },
  });

  it("welcomes a commissioner in Kazakh and ends at their main menu", async () => {
    const user = emulator().user({ userId: 501, firstName: "Айгүл", languageCode: "kk" });
    await user.command("start", "kkInvite0001");
    const first = await user.waitFor((m) => m.keyboard !== undefined);
    expect(first.text).toContain("Сәлеметсіз бе, Айгүл!");
    expect(first.keyboard?.flat().map((b) => b.text)).toEqual(["✓ Қазақша", "Русский"]);

    await user.press("Қазақша");
    await user.waitFor(/Дайын! Сіз тіркелдіңіз: әдеп жөніндегі уәкіл, Алматы облысының әкімдігі\./);
    await user.waitFor(/^Айгүл, сіз: әдеп жөніндегі уәкіл/);
  });

  it("welcomes an officer in Russian when they pick it over Telegram's Kazakh", async () => {
    const user = emulator().user({ userId: 502, firstName: "Иван", languageCode: "kk" });
    await joinWith(user, "ruInvite0001", "Русский");
    await user.waitFor(
      "Готово! Вы зарегистрированы: сотрудник антикоррупционной комплаенс-службы, Министерство финансов.",
    );
    await user.waitFor(/^Иван, вы: сотрудник антикоррупционной комплаенс-службы/);
    await user.command("help");
    await user.waitFor(/\/lang — сменить язык[\s\S]*\/indicators — Индикаторы оценки/);
  });

  it("tells a person their invite has expired", async () => {
    const user = emulator().user({ userId: 503, languageCode: "ru" });
    await joinWith(user, "oldInvite0001", "Русский");
    await user.waitFor(/Срок действия этого приглашения истёк\.\nПопросите у администратора новую/);
  });

  it("tells a person their invite was revoked, in Kazakh", async () => {
    const user = emulator().user({ userId: 504, languageCode: "ru" });
    await joinWith(user, "revokedInvite1", "Қазақша");
    await user.waitFor(/Бұл шақыруды әкімші кері қайтарып алған\./);
  });

  it("tells a person a single-use invite is already used", async () => {
    const user = emulator().user({ userId: 505, languageCode: "ru" });
    await joinWith(user, "fullInvite0001", "Русский");
    await user.waitFor(/По этой ссылке уже зарегистрировались/);
  });

  it("tells a person an unknown code does not exist", async () => {
    const user = emulator().user({ userId: 507, languageCode: "ru" });
    await joinWith(user, "no-such-code", "Русский");
    await user.waitFor(/Такого приглашения нет/);
  });

  it("refuses a stranger without an invite, politely and with how to join", async () => {
    const user = emulator().user({ userId: 506, firstName: "Гость", languageCode: "ru" });
    await user.send("Здравствуйте, где отчёт?");
    await user.waitFor(/^Бот работает только по приглашению\. Попросите у администратора/);
    await user.command("invite");
    await user.waitFor(/^Бот работает только по приглашению/);
    await user.command("start");
    const greeting = await user.waitFor(/Здравствуйте, Гость!/);
    expect(greeting.text).toContain("ссылку-приглашение");
    await user.command("help");
    await user.waitFor(/\/help — эта справка[\s\S]*Бот работает только по приглашению/);
  });

  it("makes a person listed in ADMIN_TELEGRAM_IDS an admin on /start", async () => {
    const user = emulator().user({ userId: 700, firstName: "Бақыт", languageCode: "ru" });
    await user.command("start");
    await user.waitFor((m) => m.keyboard !== undefined);
    await user.press("Русский");
    await user.waitFor("Готово! Вы администратор бота.");
    const menu = await user.waitFor(/^Бақыт, вы: администратор\./);
    expect(menu.keyboard?.flat().map((b) => b.text)).toEqual(
      expect.arrayContaining(["✉️ Пригласить", "🏛 Добавить орган"]),
    );
  });

  it("refuses /invite to a commissioner", async () => {
    const user = emulator().user({ userId: 500, languageCode: "ru" });
    await user.command("invite");
    await user.waitFor("Это действие недоступно для вашей роли.");
  });

  it("lets an admin add a body and invite into it, and a second user join by the link", async () => {
    const admin = emulator().user({ userId: 600, firstName: "Админ", languageCode: "ru" });
    await admin.command("start");
    await admin.waitFor(/^Админ, вы: администратор\./);
    await admin.press("🏛 Добавить орган");
    await admin.waitFor(/Шаг 1 из 5/);
    await admin.press("местный (региональный)");
    await admin.waitFor(/Шаг 2 из 5/);
    await admin.send("Шымкент қаласының әкімдігі");
    await admin.waitFor(/Шаг 3 из 5/);
    await admin.send("Акимат города Шымкент");
    await admin.waitFor(/Шаг 4 из 5/);
    await admin.send("ALM");
    await admin.waitFor("Код ALM уже занят.");
    await admin.press("Автоматически");
    await admin.waitFor(/Шаг 5 из 5/);
    await admin.send("Шымкент");
    const summary = await admin.waitFor(/^Проверьте:/);
    expect(summary.text).toContain("Код: присвоится автоматически");
    await admin.press("✅ Сохранить");
    await admin.waitFor("Орган добавлен: Акимат города Шымкент (код B003).");

    await admin.press("✉️ Пригласить в этот орган");
    await admin.waitFor(/^Акимат города Шымкент\nКого пригласить\?/);
    await admin.press("руководитель");
    await admin.waitFor(/Сколько человек смогут войти/);
    await admin.press("5 человек");
    await admin.waitFor(/Сколько дней действует ссылка/);
    await admin.press("14 дней");
    const created = await admin.waitFor(/Приглашение создано: руководитель, Акимат города Шымкент/);
    expect(created.text).toContain("Войти смогут: 5 человек");
    const code = INVITE_LINK.exec(created.text)?.[1];
    expect(code).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const manager = emulator().user({ userId: 510, firstName: "Ерлан", languageCode: "ru" });
    await joinWith(manager, code ?? "", "Русский");
    await manager.waitFor("Готово! Вы зарегистрированы: руководитель, Акимат города Шымкент.");
    await manager.waitFor(/^Ерлан, вы: руководитель, Акимат города Шымкент/);
  });

  it("lets an admin revoke an invite from the body's list, after which it refuses", async () => {
    const admin = emulator().user({ userId: 600, languageCode: "ru" });
    await admin.command("invite");
    await admin.waitFor(/Приглашение в какой орган\?/);
    await admin.press("Министерство финансов");
    await admin.waitFor(/Кого пригласить/);
    await admin.press("сотрудник антикоррупционной комплаенс-службы");
    await admin.waitFor(/Сколько человек/);
    await admin.press("1 человек");
    await admin.waitFor(/Сколько дней/);
    await admin.press("7 дней");
    const created = await admin.waitFor(/Приглашение создано/);
    const code = INVITE_LINK.exec(created.text)?.[1] ?? "";

    await admin.command("invite");
    await admin.waitFor(/Приглашение в какой орган\?/);
    await admin.press("Министерство финансов");
    await admin.waitFor(/Кого пригласить/);
    await admin.press("📋 Приглашения органа");
    const list = await admin.waitFor(/Действующие приглашения органа «Министерство финансов»/);
    expect(list.text).toContain(code);
    const position = list.text.split("\n\n").findIndex((part) => part.includes(code));
    await admin.press(`❌ Отозвать № ${position}`);
    await admin.waitFor((m) => m.edited && !m.text.includes(code));

    const late = emulator().user({ userId: 511, languageCode: "ru" });
    await joinWith(late, code, "Русский");
    await late.waitFor(/Это приглашение отозвано администратором/);
  });

  it("records the admin's actions in the audit log", async () => {
    await bot().stop();
    const actions = await seedDatabase(bot().dataDir, async (repos) =>
      (await repos.audit.list()).map((entry) => entry.action),
    );
    expect(actions).toEqual(
      expect.arrayContaining(["body.added", "invite.created", "invite.revoked", "admin.admitted"]),
    );
  });
});

describe("the first admin", () => {
  const { emulator, bot } = useBotWithPeople({ env: { RATE_LIMIT_UPDATES: "0" } });

  const claimLinkSince = async (since: number) => {
    const line = await bot().waitForLog(
      (l) => /^Owner claim link: /.test(l.msg ?? ""),
      10_000,
      since,
    );
    return line.msg?.replace("Owner claim link: ", "") ?? "";
  };

  it("is whoever opens the owner-claim link printed at the first start; the link stays until used", async () => {
    const link = await claimLinkSince(0);
    expect(link).toMatch(INVITE_LINK);

    const before = bot().lines.length;
    await bot().restart();
    expect(await claimLinkSince(before)).toBe(link);

    const owner = emulator().user({ userId: 800, firstName: "Нұрлан", languageCode: "kk" });
    await joinWith(owner, INVITE_LINK.exec(link)?.[1] ?? "", "Қазақша");
    await owner.waitFor("Дайын! Сіз боттың әкімшісісіз.");
    const menu = await owner.waitFor(/^Нұрлан, сіз: әкімші\./);
    expect(menu.keyboard?.flat().map((b) => b.text)).toContain("✉️ Шақыру");
  });

  it("refuses the owner-claim link once it is used, and prints none after a restart", async () => {
    const link = await claimLinkSince(0);
    const other = emulator().user({ userId: 801, languageCode: "ru" });
    await joinWith(other, INVITE_LINK.exec(link)?.[1] ?? "", "Русский");
    await other.waitFor(/По этой ссылке уже зарегистрировались/);
    await other.send("а теперь?");
    await other.waitFor(/^Бот работает только по приглашению/);

    const before = bot().lines.length;
    await bot().restart();
    await bot().waitForLog(/no owner claim link/, 10_000, before);
    const since = bot().lines.slice(before);
    expect(since.some((l) => /Owner claim link/.test(l.msg ?? ""))).toBe(false);
  });
});
