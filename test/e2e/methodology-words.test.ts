import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { wordProblems } from "../support/glossary.ts";
import { seedInvite } from "../support/seed.ts";

// 3 November 2026 in Almaty: October's monthly report is open and on time.
const FAKE_NOW = "2026-11-03T11:00:00+05:00";

async function say(user: EmulatedUser, text: string, expected: RegExp | string) {
  await user.send(text);
  return user.waitFor(expected);
}

async function press(user: EmulatedUser, button: string | RegExp, expected: RegExp | string) {
  await user.press(button);
  return user.waitFor(expected);
}

describe("the methodology's words and Kazakh numeral suffixes", () => {
  const people = {
    kk: { admin: 9100, commissioner: 9102, officer: 9104 },
    ru: { admin: 9101, commissioner: 9103, officer: 9105 },
  };

  const { emulator, user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", RATE_LIMIT_UPDATES: "0" },
    bodies: [{ code: "WRD", nameKk: "Сөздер агенттігі", nameRu: "Агентство слов" }],
    people: (["kk", "ru"] as const).flatMap((language) =>
      (["admin", "commissioner", "officer"] as const).map((role) => ({
        telegramId: people[language][role],
        role,
        body: role === "admin" ? undefined : "WRD",
        language,
      })),
    ),
    seed: async (repos, { body }) => {
      await seedInvite(repos, {
        code: "words-invite-5",
        bodyId: body("WRD").id,
        role: "manager",
        maxUses: 5,
      });
      for (const telegramId of [9110, 9111]) {
        const joined = await repos.invites.redeemInvite({
          code: "words-invite-5",
          telegramId,
          name: `Manager ${telegramId}`,
          language: "ru",
          now: new Date(FAKE_NOW),
        });
        if (!joined.ok) throw new Error(joined.reason);
      }
    },
  });

  it("counts the uses of an invite with the right suffix in Kazakh, «из» in Russian", async () => {
    const kk = user(people.kk.admin, "kk");
    await kk.command("invite");
    await kk.waitFor("Қай органға шақырасыз?");
    await press(kk, "Сөздер агенттігі", "Кімді шақырасыз?");
    const kkList = await press(kk, "📋 Органның шақырулары", /жарамды шақырулары/);
    expect(kkList.text).toContain("5 орынның 2-сі пайдаланылды");

    const ru = user(people.ru.admin, "ru");
    await ru.command("invite");
    await ru.waitFor("Приглашение в какой орган?");
    await press(ru, "Агентство слов", "Кого пригласить?");
    const ruList = await press(ru, "📋 Приглашения органа", /Действующие приглашения/);
    expect(ruList.text).toContain("использовано 2 из 5");
  });

  it("asks the monthly report in the methodology's words, in both languages", async () => {
    const kk = user(people.kk.commissioner, "kk");
    await kk.command("report");
    await kk.waitFor("Қай кезеңге?");
    await press(kk, /^2026 ж\. қазан/, "1/4 ");
    const preventive = await press(kk, "✅ Дайын", "2/4 ");
    expect(preventive.text).toContain("сыбайлас жемқорлық тәуекелдеріне шалдыққан лауазымдарды");
    await press(kk, "➕ Қосу", "№1 лауазымды адам: ол қандай лауазымды атқарады?");
    await say(kk, "Бас маман", "№1 лауазымды адам (Бас маман): жұмыс қашан жүргізілді?");

    const ru = user(people.ru.commissioner, "ru");
    await ru.command("report");
    await ru.waitFor("За какой период?");
    await press(ru, /^октябрь 2026/, "1/4 ");
    const ruPreventive = await press(ru, "✅ Готово", "2/4 ");
    expect(ruPreventive.text).toContain("должности, подверженные коррупционным рискам");
    await press(ru, "➕ Добавить", "Должностное лицо №1: какую должность оно занимает?");
    await say(
      ru,
      "Главный специалист",
      "Должностное лицо №1 (Главный специалист): когда проведена работа?",
    );
    await ru.command("report");
    await ru.waitFor(
      "У вас есть незаконченный черновик: Ежемесячный отчёт уполномоченного по этике за октябрь 2026. Продолжить его",
    );
  });

  it("names the evaluation indicators as the methodology does in the officer's menu and commands", async () => {
    const kk = user(people.kk.officer, "kk");
    await kk.command("start");
    const kkMenu = await kk.waitFor((m) => m.keyboard !== undefined);
    expect(kkMenu.keyboard?.flat().map((b) => b.text)).toContain("📊 Бағалау индикаторлары");
    await kk.command("help");
    await kk.waitFor(/\/indicators — Бағалау индикаторлары/);

    const ru = user(people.ru.officer, "ru");
    await ru.command("start");
    const ruMenu = await ru.waitFor((m) => m.keyboard !== undefined);
    expect(ruMenu.keyboard?.flat().map((b) => b.text)).toContain("📊 Индикаторы оценки");
    await ru.command("help");
    await ru.waitFor(/\/indicators — Индикаторы оценки/);
  });

  it("used only the methodology's words and right suffixes in every message above", () => {
    for (const language of ["kk", "ru"] as const)
      for (const telegramId of Object.values(people[language]))
        expect(wordProblems(emulator().botMessages(telegramId), language)).toEqual([]);
  });
});
