import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../support/bot-process.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { wordProblems } from "../support/glossary.ts";
import { seedDatabase, seedInvite } from "../support/seed.ts";

const INVITE_LINK = /https:\/\/t\.me\/TestNameBot\?start=([A-Za-z0-9_-]+)/;
const SWITCHED_OFF = {
  ru: "Ваш доступ к боту отключён администратором. Вернуть его может только администратор",
  kk: "Боттағы қолжетімділігіңізді әкімші өшірген. Оны тек әкімші қайтара алады",
};

/** Opens the bot with a deep-link payload and picks the language on the first screen. */
async function joinWith(user: EmulatedUser, code: string, language: "Қазақша" | "Русский") {
  await user.command("start", code);
  await user.waitFor((m) => m.keyboard?.flat().some((b) => b.text.includes("Қазақша")) ?? false);
  await user.press(language);
}

async function press(user: EmulatedUser, button: string | RegExp, expected: RegExp | string) {
  await user.press(button);
  return user.waitFor(expected);
}

describe("registered people opening links, and people switched off", () => {
  const { emulator, bot } = useBotWithPeople({
    env: { RATE_LIMIT_UPDATES: "0" },
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
      { telegramId: 600, role: "admin", name: "Админ" },
      { telegramId: 601, role: "admin", language: "kk" },
      { telegramId: 610, role: "commissioner", body: "ALM", language: "ru" },
      { telegramId: 611, role: "commissioner", body: "ALM", language: "kk" },
      { telegramId: 620, role: "officer", body: "ALM", language: "ru" },
      { telegramId: 621, role: "officer", body: "ALM", language: "kk" },
      { telegramId: 630, role: "commissioner", body: "ALM", language: "ru" },
      { telegramId: 631, role: "commissioner", body: "ALM", language: "kk" },
    ],
    seed: async (repos, { body, person }) => {
      for (const off of [630, 631]) await repos.users.setActive(person(off).id, false);
      await seedInvite(repos, {
        code: "finOfficer01",
        bodyId: body("FIN").id,
        role: "officer",
        maxUses: 10,
      });
      await seedInvite(repos, {
        code: "almComm01",
        bodyId: body("ALM").id,
        role: "commissioner",
        maxUses: 10,
      });
      await seedInvite(repos, { code: "spentOne001", bodyId: body("FIN").id, role: "manager" });
      const spent = await repos.invites.redeemInvite({
        code: "spentOne001",
        telegramId: 999,
        name: "Первый",
        language: "ru",
        now: new Date(),
      });
      if (!spent.ok) throw new Error(spent.reason);
    },
  });

  it("asks a registered commissioner before an invite moves them: no keeps, yes moves (ru)", async () => {
    const user = emulator().user({ userId: 610, languageCode: "ru" });
    await user.command("start", "finOfficer01");
    const asked = await user.waitFor(/Перейти\?/);
    expect(asked.text).toBe(
      "Сейчас вы: уполномоченный по этике, Акимат Алматинской области.\n" +
        "По этому приглашению вы станете: сотрудник антикоррупционной комплаенс-службы, Министерство финансов.\n" +
        "Перейти?",
    );
    await press(
      user,
      "✖ Нет, оставить как есть",
      "Ничего не изменилось. Вы по-прежнему: уполномоченный по этике, Акимат Алматинской области.",
    );
    await user.waitFor(/вы: уполномоченный по этике, Акимат Алматинской области\.\nВыберите/);

    await user.command("start", "finOfficer01");
    await user.waitFor(/Перейти\?/);
    await press(
      user,
      "✅ Да, перейти",
      "Готово! Теперь вы: сотрудник антикоррупционной комплаенс-службы, Министерство финансов.",
    );
    await user.waitFor(/вы: сотрудник антикоррупционной комплаенс-службы, Министерство финансов/);
  });

  it("asks a registered commissioner before an invite moves them (kk)", async () => {
    const user = emulator().user({ userId: 611, languageCode: "kk" });
    await user.command("start", "finOfficer01");
    const asked = await user.waitFor(/Ауысасыз ба\?/);
    expect(asked.text).toBe(
      "Қазір сіз: әдеп жөніндегі уәкіл, Алматы облысының әкімдігі.\n" +
        "Бұл шақыру бойынша сіз: сыбайлас жемқорлыққа қарсы комплаенс-қызмет қызметкері, Қаржы министрлігі.\n" +
        "Ауысасыз ба?",
    );
    await press(
      user,
      "✖ Жоқ, бұрынғысы қалсын",
      "Ештеңе өзгерген жоқ. Сіз бұрынғыдай: әдеп жөніндегі уәкіл",
    );
    await user.command("start", "finOfficer01");
    await user.waitFor(/Ауысасыз ба\?/);
    await press(
      user,
      "✅ Иә, ауысу",
      "Дайын! Енді сіз: сыбайлас жемқорлыққа қарсы комплаенс-қызмет қызметкері, Қаржы министрлігі.",
    );
  });

  it("tells a registered person they are registered when a link is spent or changes nothing", async () => {
    const ru = emulator().user({ userId: 610, languageCode: "ru" });
    await ru.command("start", "spentOne001");
    const spent = await ru.waitFor(/По этой ссылке уже зарегистрировались/);
    expect(spent.text).toBe(
      "По этой ссылке уже зарегистрировались, больше она не действует.\n" +
        "Вы уже зарегистрированы: сотрудник антикоррупционной комплаенс-службы, Министерство финансов.",
    );
    await ru.command("start", "finOfficer01");
    await ru.waitFor(
      "Вы уже зарегистрированы: сотрудник антикоррупционной комплаенс-службы, Министерство финансов.",
    );

    const kk = emulator().user({ userId: 611, languageCode: "kk" });
    await kk.command("start", "spentOne001");
    const kkSpent = await kk.waitFor(/Бұл сілтеме бойынша тіркеліп қойған/);
    expect(kkSpent.text).toContain(
      "\nСіз тіркелгенсіз: сыбайлас жемқорлыққа қарсы комплаенс-қызмет қызметкері, Қаржы министрлігі.",
    );
    await kk.command("start", "no-such-invite");
    await kk.waitFor(/Мұндай шақыру жоқ[^\n]*\nСіз тіркелгенсіз/);
  });

  it("tells a switched-off person their access is off wherever they turn; an invite changes nothing", async () => {
    for (const [userId, lang] of [
      [630, "ru"],
      [631, "kk"],
    ] as const) {
      const user = emulator().user({ userId, languageCode: lang });
      const off = SWITCHED_OFF[lang];
      for (const step of [
        () => user.send("Здравствуйте"),
        () => user.command("start"),
        () => user.command("start", "almComm01"),
        () => user.command("help"),
        () => user.command("report"),
        () => user.command("lang"),
        () =>
          user.sendDocument({ filename: "x.csv", data: Buffer.from("a,b\n"), caption: "/import" }),
      ]) {
        await step();
        await user.waitFor(off);
      }
    }
  });

  it("switches a person off from /users: their next button and message are told, in their language", async () => {
    const officers = [
      { id: 620, lang: "ru" as const, admin: 600, body: "Акимат Алматинской области" },
      { id: 621, lang: "kk" as const, admin: 601, body: "Алматы облысының әкімдігі" },
    ];
    for (const officer of officers) {
      const user = emulator().user({ userId: officer.id, languageCode: officer.lang });
      await user.command("start");
      await user.waitFor((m) => m.keyboard !== undefined);

      const admin = emulator().user({ userId: officer.admin, languageCode: officer.lang });
      await admin.command("users");
      await admin.waitFor(/🏛/);
      await admin.press(officer.body);
      await admin.waitFor(new RegExp(`User ${officer.id}`));
      await admin.press(new RegExp(`User ${officer.id}`));
      await admin.waitFor(/Telegram ID: /);
      await press(admin, /⏸/, officer.lang === "ru" ? "Статус: отключён" : "Күйі: өшірілген");

      await user.press(/🏆/);
      await user.waitForCallbackAnswer(SWITCHED_OFF[officer.lang]);
      await user.send("?");
      await user.waitFor(SWITCHED_OFF[officer.lang]);

      await press(admin, /▶/, officer.lang === "ru" ? "Статус: активен" : "Күйі: белсенді");
      await user.command("start");
      await user.waitFor(
        officer.lang === "ru"
          ? /вы: сотрудник антикоррупционной/
          : /сіз: сыбайлас жемқорлыққа қарсы/,
      );
    }
  });

  it("used the methodology's words, right suffixes and single full stops everywhere above", () => {
    for (const [id, lang] of [
      [600, "ru"],
      [601, "kk"],
      [610, "ru"],
      [611, "kk"],
      [620, "ru"],
      [621, "kk"],
      [630, "ru"],
      [631, "kk"],
    ] as const)
      expect(wordProblems(emulator().botMessages(id), lang)).toEqual([]);
  });

  it("audited each redemption with where the person came from, and spent no use on a refusal", async () => {
    await bot().stop();
    const { redeemed, uses, switchedOff } = await seedDatabase(bot().dataDir, async (repos) => ({
      redeemed: (await repos.audit.list()).filter((e) => e.action === "invite.redeemed"),
      uses: (await repos.invites.getInvite("almComm01"))?.uses,
      switchedOff: await Promise.all([630, 631].map((id) => repos.users.getUserByTelegramId(id))),
    }));
    expect(redeemed).toHaveLength(2);
    for (const entry of redeemed)
      expect(entry.details).toMatchObject({ role: "officer", fromRole: "commissioner" });
    expect(uses).toBe(0);
    expect(switchedOff.map((u) => u?.active)).toEqual([false, false]);
  });
});

describe("the owner-claim link once an admin exists", () => {
  let emulator: Emulator;
  let first: BotProcess;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await startEmulator();
    first = new BotProcess({ emulator, env: { RATE_LIMIT_UPDATES: "0" } });
    await first.start();
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await first?.dispose();
    await emulator?.stop();
  });

  it("stops working once ADMIN_TELEGRAM_IDS names an admin, in both languages", async () => {
    const printed = await first.waitForLog(/^Owner claim link: /);
    const code = INVITE_LINK.exec(printed.msg ?? "")?.[1] ?? "";
    expect(code).not.toBe("");
    await first.stop();

    bot = new BotProcess({
      emulator,
      dataDir: first.dataDir,
      env: { RATE_LIMIT_UPDATES: "0", ADMIN_TELEGRAM_IDS: "800" },
    });
    await bot.start();
    await bot.waitForLog(/no owner claim link/);
    const admin = emulator.user({ userId: 800, firstName: "Нұрлан", languageCode: "kk" });
    await admin.command("start");
    await admin.waitFor((m) => m.keyboard !== undefined);
    await admin.press("Қазақша");
    await admin.waitFor("Дайын! Сіз боттың әкімшісісіз.");

    const ru = emulator.user({ userId: 801, languageCode: "ru" });
    await joinWith(ru, code, "Русский");
    await ru.waitFor(/Срок действия этого приглашения истёк\.\nПопросите у администратора новую/);
    await ru.send("а теперь?");
    await ru.waitFor(/^Бот работает только по приглашению/);
    const kk = emulator.user({ userId: 802, languageCode: "kk" });
    await joinWith(kk, code, "Қазақша");
    await kk.waitFor(/Бұл шақырудың мерзімі өтіп кеткен\./);
    await admin.command("start", code);
    await admin.waitFor("Сіз тіркелгенсіз: әкімші.");
  });

  it("stays dead when ADMIN_TELEGRAM_IDS is taken away again, since an admin exists", async () => {
    const printed = await first.waitForLog(/^Owner claim link: /);
    const code = INVITE_LINK.exec(printed.msg ?? "")?.[1] ?? "";
    await bot.stop();
    bot = new BotProcess({ emulator, dataDir: first.dataDir, env: { RATE_LIMIT_UPDATES: "0" } });
    await bot.start();
    await bot.waitForLog(/no owner claim link/);
    const late = emulator.user({ userId: 803, languageCode: "ru" });
    await joinWith(late, code, "Русский");
    await late.waitFor(/Срок действия этого приглашения истёк/);
    await bot.stop();
    const admins = await seedDatabase(first.dataDir, (repos) =>
      repos.users.listUsers({ role: "admin", includeInactive: true }),
    );
    expect(admins.map((a) => a.telegramId)).toEqual([800]);
  });
});
