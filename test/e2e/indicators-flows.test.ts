import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser, MessageMatch } from "../support/emulated-user.ts";
import { seedDatabase } from "../support/seed.ts";
import {
  echoOf,
  LABELS,
  readSummary,
  scoreWithCli,
  screenProblems,
  titleLine,
  waitForIndicator,
} from "./indicators-driver.ts";

// 10 January 2026 in Almaty: the 2025 annual report and the fourth quarter are open.
const FAKE_NOW = "2026-01-10T10:00:00+05:00";
const OFFICER = 5201;
const EXEMPT_OFFICER = 5202;
const ADMIN = 5203;
const KK_OFFICER = 5204;
const ru = LABELS.ru;
const kk = LABELS.kk;

const subdivision = (n: number) => `Подразделение ${String(n).padStart(2, "0")}`;
const pressAndSee = async (user: EmulatedUser, button: string | RegExp, expected: MessageMatch) => {
  await user.press(button);
  return user.waitFor(expected);
};
const sendAndSee = async (user: EmulatedUser, text: string, expected: MessageMatch) => {
  await user.send(text);
  return user.waitFor(expected);
};
const buttons = (user: EmulatedUser) =>
  user
    .lastKeyboard()
    ?.flat()
    .map((b) => b.text) ?? [];
const hasButton = (text: string) => (m: { keyboard?: { text: string }[][] | undefined }) =>
  m.keyboard?.flat().some((b) => b.text === text) ?? false;

/** Opens the 2025 annual report, answers the exemption and waits for the first indicator. */
async function openYear(user: EmulatedUser, lang: "kk" | "ru", exempt = false) {
  await user.command("indicators");
  await user.waitFor(lang === "kk" ? "Қай кезеңге?" : "За какой период?");
  await user.press(lang === "kk" ? /^Жылдық есеп: 2025 жыл/ : /^Годовой отчёт: 2025 год/);
  await user.waitFor(lang === "kk" ? "сыртқы талдау жүргізілді ме?" : "внешний анализ");
  await user.press(exempt ? LABELS[lang].yes : LABELS[lang].no);
}

/** Opens the list of indicators and jumps to one, turning list pages until it shows. */
async function jumpTo(user: EmulatedUser, lang: "kk" | "ru", number: RegExp) {
  const labels = LABELS[lang];
  // The list opens from an indicator ("☰ Список") or from the summary ("✏️ Изменить ответ").
  await user.press(buttons(user).includes(labels.list) ? labels.list : labels.change);
  await user.waitFor((m) => m.keyboard?.flat().some((b) => /^[·✓] \d/.test(b.text)) ?? false);
  for (let page = 0; !buttons(user).some((b) => number.test(b)); page++) {
    if (page > 6) throw new Error(`no ${number} in the list`);
    const before = buttons(user).join();
    await user.press("▶");
    await user.waitFor(
      (m) =>
        (m.keyboard
          ?.flat()
          .map((b) => b.text)
          .join() ?? before) !== before,
    );
  }
  await user.press(number);
}

describe("indicators report flows", () => {
  let exemptTotal = "";

  const { emulator, bot } = useBotWithPeople({
    // A process: a test kills it mid-answer.
    process: true,
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "debug", RATE_LIMIT_UPDATES: "0" },
    bodies: [
      { code: "REG2", kind: "regional" },
      // No directory lists: its shares are typed.
      { code: "CEN2", kind: "central" },
    ],
    people: [
      { telegramId: OFFICER, role: "officer", body: "REG2" },
      { telegramId: EXEMPT_OFFICER, role: "officer", body: "CEN2" },
      { telegramId: ADMIN, role: "admin", language: "kk" },
      { telegramId: KK_OFFICER, role: "officer", body: "REG2", language: "kk" },
    ],
    seed: async (repos, { body }) => {
      const region = body("REG2");
      for (let i = 1; i <= 23; i++) {
        const no = String(i).padStart(2, "0");
        await repos.directory.addMember(region.id, {
          kind: "subdivision",
          code: `s${no}`,
          nameRu: subdivision(i),
          nameKk: `Бөлімше ${no}`,
        });
      }
      for (let i = 1; i <= 4; i++)
        await repos.directory.addMember(region.id, {
          kind: "district",
          code: `d${i}`,
          nameRu: `Район ${i}`,
          nameKk: `Аудан ${i}`,
        });
    },
  });

  it("pages a checklist of 23 subdivisions in place, keeping ticks across pages, with all and none", async () => {
    const user = emulator().user({ userId: OFFICER, languageCode: "ru" });
    await openYear(user, "ru");
    await waitForIndicator(user, "p1.t1.s1", "ru");
    await pressAndSee(user, ru.skip, titleLine("p1.t1.s2", "ru"));
    await pressAndSee(user, ru.skip, titleLine("p1.t1.s3", "ru"));
    expect(buttons(user)).toContain("1/3");
    expect(buttons(user).filter((b) => b.startsWith("☐"))).toHaveLength(8);
    const sent = user.messages().length;

    await pressAndSee(user, `☐ ${subdivision(2)}`, "Отмечено: 1 из 23 — 4 % — 0 баллов");
    await pressAndSee(user, "▶", hasButton("2/3"));
    expect(buttons(user)).toContain(`☐ ${subdivision(9)}`);
    await pressAndSee(user, `☐ ${subdivision(10)}`, "Отмечено: 2 из 23");
    await pressAndSee(user, "▶", hasButton("3/3"));
    expect(buttons(user).filter((b) => /^[☐☑]/.test(b))).toHaveLength(7);
    await pressAndSee(user, `☐ ${subdivision(23)}`, "Отмечено: 3 из 23 — 13 % — 0,3 балла");
    // Past the last page comes the first again, the tick made there kept.
    await pressAndSee(user, "▶", hasButton("1/3"));
    expect(buttons(user)).toContain(`☑ ${subdivision(2)}`);

    await pressAndSee(user, ru.all, "Отмечено: 23 из 23 — 100 % — 3 балла");
    expect(buttons(user).filter((b) => b.startsWith("☑"))).toHaveLength(8);
    await pressAndSee(user, ru.none, "Отмечено: 0 из 23 — 0 % — 0 баллов");
    for (let i = 1; i <= 7; i++)
      await pressAndSee(user, `☐ ${subdivision(i)}`, `Отмечено: ${i} из 23`);
    // Every tick and page changed the one screen in place: nothing was sent.
    expect(user.messages()).toHaveLength(sent);
    await user.press(ru.done);
    const next = await user.waitFor(echoOf("p1.t1.s3", "ru"));
    expect(next.text.split("\n")[0]).toBe(
      "✓ 1.1.3 Анонсирование начала анализа: 7 из 23 — 30 % — 0,9 балла",
    );
    expect(user.messages()).toHaveLength(sent + 1);
  }, 120_000);

  it("refuses out-of-order risk counts at once and keeps the earlier answers", async () => {
    const user = emulator().user({ userId: OFFICER, languageCode: "ru" });
    await waitForIndicator(user, "p1.t2.s1", "ru");
    await jumpTo(user, "ru", /^· 1\.3\.3 Выявленные и устранённые риски$/);
    await waitForIndicator(user, "p1.t3.risks", "ru");
    await sendAndSee(user, "4", "Сколько из них устранено?");
    const refusal = await sendAndSee(user, "5", "❗");
    expect(refusal.text).toContain(
      "❗ Должно быть: доведено до завершения (0) ≤ устранено (5) ≤ выявлено (4)",
    );
    expect(refusal.text).toContain("Выявлено рисков: 4\nСколько из них устранено?");
    await sendAndSee(user, "3", "доведено до фактического завершения?");
    await sendAndSee(user, "4", "доведено до завершения (4) ≤ устранено (3)");
    const kept = await sendAndSee(user, "1", echoOf("p1.t3.risks", "ru"));
    expect(kept.text.split("\n")[0]).toBe(
      "✓ 1.3.3 Выявленные и устранённые риски: выявлено 4, устранено 3, доведено до завершения 1 — 13 баллов",
    );
  }, 60_000);

  it("reads a share and a count as people write them, and refuses a percentage with the reason", async () => {
    const user = emulator().user({ userId: OFFICER, languageCode: "ru" });
    await jumpTo(user, "ru", /^· 4\.2\.2 /);
    await waitForIndicator(user, "p4.t2.s2", "ru");
    await sendAndSee(
      user,
      "12,5 %",
      "❗ Нужно количество, а не процент: напишите, сколько из скольких",
    );
    await sendAndSee(user, "45", "❗ Напишите, сколько из скольких, например: 45 из 60");
    await sendAndSee(user, "61 из 60", "❗ Выполнено (61) больше, чем всего (60)");
    const echo = "✓ 4.2.2 Онлайн-курс в ИС «Documentolog»: 45 из 60 — 75 % — 7 баллов";
    // The last indicator: after it comes the summary; back from the summary is this question again.
    for (const typed of ["45 из 60", "45/60", "45 of 60", "60 ішінен 45"]) {
      const summary = await sendAndSee(user, typed, ru.summary);
      expect(summary.text.split("\n")[0], typed).toBe(echo);
      await pressAndSee(user, ru.back, titleLine("p4.t2.s2", "ru"));
    }
    await jumpTo(user, "ru", /^· 2\.5\.5 /);
    await waitForIndicator(user, "p2.t5.s5", "ru");
    await sendAndSee(user, "12,5 %", "❗ Нужно количество, а не процент: напишите целое число");
    // Once the summary was seen, a changed answer leads straight back to it.
    await sendAndSee(user, "1.000", "✓ 2.5.5 Счета в иностранных банках: 1\u00a0000 — 3000 баллов");
    expect(user.lastMessage()?.text).toContain(ru.summary);
    await jumpTo(user, "ru", /^✓ 2\.5\.5 /);
    await sendAndSee(user, "1 500", "✓ 2.5.5 Счета в иностранных банках: 1\u00a0500 — 4500 баллов");
    await jumpTo(user, "ru", /^✓ 2\.5\.5 /);
    await sendAndSee(user, "0", "✓ 2.5.5 Счета в иностранных банках: 0 — 0 баллов");
  }, 120_000);

  it("loses nothing when the bot is killed mid-answer: the next number lands on the same question", async () => {
    const user = emulator().user({ userId: KK_OFFICER, languageCode: "kk" });
    await openYear(user, "kk");
    await waitForIndicator(user, "p1.t1.s1", "kk");
    await jumpTo(user, "kk", /^· 2\.1\.1 /);
    await waitForIndicator(user, "p2.t1.s1", "kk");
    const first = await user.send("1");
    await user.waitFor("Әкімшілік: 1\nҚылмыстық сыбайлас жемқорлық құқық бұзушылықтар туралы");
    await bot().waitForUpdateHandled(first);

    await bot().kill();
    await bot().start();
    const kept = await sendAndSee(user, "2", echoOf("p2.t1.s1", "kk"));
    expect(kept.text.split("\n")[0]).toBe(
      "✓ 2.1.1 Құқық бұзушылықтар туралы хабарлама: әкімшілік: 1, қылмыстық: 2 — 13 балл",
    );
    expect(kept.text).toContain(titleLine("p2.t2.s1", "kk"));

    // Stopping and coming back later: exactly where the person stopped.
    await sendAndSee(user, "/cancel", "Толтыру тоқтатылды");
    await user.command("indicators");
    await user.waitFor("Сізде аяқталмаған нобай бар: Жылдық есеп, 2025 жыл.");
    const resumed = await pressAndSee(user, "▶ Нобайды жалғастыру", titleLine("p2.t2.s1", "kk"));
    expect(resumed.text).toContain(
      "📊 2025 жыл · 2.2 Жасалған құқық бұзушылықтар мониторингі · 14/36",
    );
    await pressAndSee(user, kk.notReconciled, echoOf("p2.t2.s1", "kk"));
    expect(user.lastMessage()?.text.split("\n")[0]).toBe(
      "✓ 2.2.1 Құқық бұзушылықтарды салыстырып тексеру: салыстырып тексеру жүргізілмеген — 0 балл",
    );
  }, 120_000);

  it("reopens a complete draft at its summary; the admin chooses the body", async () => {
    const user = emulator().user({ userId: ADMIN, languageCode: "kk" });
    await user.command("indicators");
    await user.waitFor("Қай орган бойынша есеп толтырасыз?");
    await pressAndSee(user, "REG2 органы", "Қай кезеңге?");
    await user.press(/^Тоқсандық есеп: 2025 ж\. IV тоқсан/);
    await waitForIndicator(user, "p4.t1.s1", "kk");
    await pressAndSee(user, kk.no, kk.summary);
    // Stopped anywhere, a complete draft reopens at its summary.
    await pressAndSee(user, kk.back, titleLine("p4.t1.s1", "kk"));
    await sendAndSee(user, "/cancel", "Толтыру тоқтатылды");
    await user.command("indicators");
    await user.waitFor("Қай орган бойынша есеп толтырасыз?");
    await pressAndSee(
      user,
      "REG2 органы",
      "Сізде аяқталмаған нобай бар: Тоқсандық есеп, 2025 ж. IV тоқсан.",
    );
    const summary = await pressAndSee(user, "▶ Нобайды жалғастыру", kk.summary);
    expect(summary.text).toContain(
      "4.1.1 Әкім жанындағы комиссия отырыстары: отырыс өткізілмеді — 0 балл",
    );
    await pressAndSee(
      user,
      kk.submit,
      "✅ Тоқсандық есеп: 2025 ж. IV тоқсан — жіберілді (1-нұсқа).",
    );
  }, 60_000);

  it("asks no project-1 question of an exempt body and keeps files, a link and a comment", async () => {
    const user = emulator().user({ userId: EXEMPT_OFFICER, languageCode: "ru" });
    await openYear(user, "ru", true);
    const plan = await user.waitFor("сколько мер плана выполнено из скольких?");
    expect(plan.text).toContain(
      "Реализация плана мероприятий по устранению коррупционных рисков, выявленных в ходе внешнего анализа",
    );
    await sendAndSee(user, "12 из 10", "❗ Выполнено (12) больше, чем всего (10)");
    const first = await sendAndSee(user, "7 из 10", titleLine("p2.t1.s1", "ru"));
    expect(first.text.split("\n")[0]).toBe(
      "✓ План по итогам внешнего анализа: 7 из 10 — 70 % (без баллов)",
    );
    expect(first.text).toContain(" · 1/23");

    await pressAndSee(user, ru.evidence, "Пришлите документы или фото");
    await user.sendDocument({ filename: "setup.exe", data: Buffer.from("MZ") });
    await user.waitFor("❗ Такой тип файла не принимается");
    await user.sendDocument({ filename: "act.pdf", data: Buffer.from("%PDF-1.4") });
    await user.waitFor("📎 Файл принят.");
    await sendAndSee(user, "example.kz/report", "🔗 Ссылка сохранена.");
    const comment = await sendAndSee(user, "Сообщения переданы в уполномоченный орган", "💬");
    expect(comment.text).toContain("Приложено: 1 файл, 1 ссылка.");
    const back = await pressAndSee(user, "✅ Готово", titleLine("p2.t1.s1", "ru"));
    expect(back.text).toContain("📎 Приложено файлов и ссылок: 2, есть комментарий");

    // Without directory lists, project 3's shares are typed: none supervised, not applicable.
    await jumpTo(user, "ru", /^· 3\.1\.1 /);
    const typed = await waitForIndicator(user, "p3.t1.s1", "ru");
    expect(typed.text).toContain("В справочнике нет курируемых субъектов");
    await pressAndSee(
      user,
      "Таких нет (0 из 0)",
      "✓ 3.1.1 Ежеквартальные обучающие мероприятия: 0 из 0 — не применяется",
    );

    await pressAndSee(user, ru.summaryButton, ru.summary);
    const summary = await readSummary(user, "ru");
    expect(summary).toContain(
      "Проект №1 «Внутренний анализ коррупционных рисков»: не оценивается — в 2024 году проведён внешний анализ",
    );
    expect(summary).toContain("План по итогам внешнего анализа: 7 из 10 — 70 % (без баллов)");
    expect(summary).toContain("2.5.4 Подарки и вознаграждения: без ответа (−5 баллов)");
    exemptTotal = ru.total.exec(summary)?.[1] ?? "";
    expect(exemptTotal).toBe("−5");
    await pressAndSee(user, ru.submit, "отправлен (версия 1)");
    expect(user.messages().some((m) => / · 1\.\d\.\d\b/.test(m.text))).toBe(false);
  }, 120_000);

  it("showed every screen in the methodology's words, short, without an internal id", () => {
    for (const [id, lang] of [
      [OFFICER, "ru"],
      [EXEMPT_OFFICER, "ru"],
      [ADMIN, "kk"],
      [KK_OFFICER, "kk"],
    ] as const)
      expect(screenProblems(emulator().botMessages(id), lang), String(id)).toEqual([]);
  });

  it("stores the exemption, the evidence and the comment with the annual report", async () => {
    await bot().stop();
    const stored = await seedDatabase(bot().dataDir, async (repos) => {
      const body = await repos.directory.getBodyByCode("CEN2");
      const current = body && (await repos.submissions.getCurrent(body.id, "annual", "2025"));
      const scores = await repos.scores.listScores({ periodKeys: ["2025"], bodyId: body?.id });
      const region = await repos.directory.getBodyByCode("REG2");
      const quarter =
        region && (await repos.submissions.getCurrent(region.id, "quarterly", "2025-Q4"));
      return { current, scores, quarter };
    });
    expect(stored.current?.version?.meta).toEqual({
      p1Exempt: true,
      p1ExternalPlan: { done: 7, total: 10 },
      comments: { "p2.t1.s1": "Сообщения переданы в уполномоченный орган" },
    });
    expect(
      stored.current?.version?.evidence.map(({ item, type, link }) => ({ item, type, link })),
    ).toEqual([
      { item: "p2.t1.s1", type: "document", link: null },
      { item: "p2.t1.s1", type: "link", link: "https://example.kz/report" },
    ]);
    const p1 = stored.scores.filter((s) => s.indicatorId.startsWith("p1."));
    expect(p1.length).toBeGreaterThan(0);
    expect(p1.every((s) => !s.applicable && s.points === 0)).toBe(true);
    expect(stored.quarter?.version?.values).toEqual({ "p4.t1.s1": { held: false } });
    const card = { bodyKind: "central", p1Exempt: true, values: stored.current?.version?.values };
    expect(scoreWithCli(card)).toBe(exemptTotal);
  }, 120_000);
});
