import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { runScoreCommand } from "../support/score-command.ts";
import { seedDatabase } from "../support/seed.ts";

// 3 November 2026, 11:00 in Almaty: October is due on 5 November (on time), September is late.
const FAKE_NOW = "2026-11-03T11:00:00+05:00";
const MONTHLY = ["p4.t2.s3", "p4.t2.s4", "p4.t3.s1"];

/** The month's points by the score command (in-process) on a scorecard with the same monthly values. */
function monthlyPointsByCli(values: Record<string, unknown>): string {
  const run = runScoreCommand(["-"], JSON.stringify({ bodyKind: "regional", values }));
  if (run.code !== 0) throw new Error(`score exited ${run.code}: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { indicators: Record<string, { points: number }> };
  // The whole scorecard also scores the annual indicators left out (penalties); the month is these three.
  const total = MONTHLY.reduce(
    (sum, id) => sum + Math.round((out.indicators[id]?.points ?? 0) * 100),
    0,
  );
  return String(total / 100).replace(".", ",");
}

/** Sends a text and waits for the answer that matches. */
async function say(user: EmulatedUser, text: string, expected: RegExp | string) {
  await user.send(text);
  return user.waitFor(expected);
}

/** Presses a button and waits for the answer that matches. */
async function press(user: EmulatedUser, button: string | RegExp, expected: RegExp | string) {
  await user.press(button);
  return user.waitFor(expected);
}

const buttons = (user: EmulatedUser) =>
  user
    .lastKeyboard()
    ?.flat()
    .map((b) => b.text);

describe("the ethics commissioner's monthly report", () => {
  const { emulator, bot, body } = useBotWithPeople({
    // A process: the tests kill it mid-report.
    process: true,
    env: { FAKE_NOW, NODE_ENV: "test", RATE_LIMIT_UPDATES: "0" },
    bodies: [{ code: "A01" }, { code: "B01" }, { code: "C01" }, { code: "D01" }],
    people: [
      { telegramId: 7001, role: "commissioner", body: "A01" },
      { telegramId: 7002, role: "commissioner", body: "B01", language: "kk" },
      { telegramId: 7003, role: "commissioner", body: "C01" },
      { telegramId: 7004, role: "commissioner", body: "A01" },
      { telegramId: 7005, role: "officer", body: "A01" },
      { telegramId: 7006, role: "admin" },
      { telegramId: 7007, role: "commissioner", body: "D01", language: "kk" },
    ],
  });

  it("takes a full report with wrong answers on the way and shows the points the score CLI gives", async () => {
    const user = emulator().user({ userId: 7001, languageCode: "ru" });
    await user.command("report");
    await user.waitFor("Ежемесячный отчёт уполномоченного по этике. За какой период?");
    expect(buttons(user)).toEqual([
      "октябрь 2026 — срок 05.11.2026, 18:00",
      "сентябрь 2026 — с опозданием",
      "✖ Отмена",
    ]);
    const first = await press(user, "октябрь 2026 — срок 05.11.2026, 18:00", "1/4 Разъяснительные");
    expect(first.text).toContain("Индикатор 4.2.3");
    expect(first.text).not.toMatch(/p4\.t2/);

    await press(
      user,
      "➕ Добавить",
      "Мероприятие №1: когда оно прошло? Напишите день месяца, например 15 или 15.10.2026.",
    );
    await say(user, "15.11", "❗ Дата не входит в отчётный месяц (октябрь 2026)");
    await say(user, "12", "Мероприятие №1: какая у него тема?");
    await say(user, "Конфликт интересов", "сколько человек участвовало?");
    await say(user, "сорок", "❗ Напишите число цифрами, например: 3");
    await say(user, "40", "1. 12.10.2026 — Конфликт интересов, 40 участников");
    // Several events in one message, one per line; the unreadable line is named, the rest kept.
    const lines = await say(
      user,
      "15.10; Этика государственного служащего; 25\n40.10; Подарки; 12",
      "не прочитано: 1",
    );
    expect(lines.text).toContain("«40.10; Подарки; 12»");
    expect(lines.text).toContain("2. 15.10.2026 — Этика государственного служащего, 25 участников");
    await press(user, "✅ Готово", "2/4 Профилактическая работа");

    await press(user, "➕ Добавить", "Должностное лицо №1: какую должность");
    await say(user, "Иванов Иван Иванович", "Напишите только должность");
    await say(user, "Главный специалист отдела закупок", "когда проведена работа?");
    await say(user, "14", "1. 14.10.2026 — Главный специалист отдела закупок");
    await say(
      user,
      "Руководитель отдела кадров; 21.10.2026",
      "2. 21.10.2026 — Руководитель отдела кадров",
    );
    await press(user, "✅ Готово", "3/4 Правовая пропаганда");

    await press(user, "➕ Добавить", "Мероприятие №1: когда");
    await say(user, "2026-10-22", "какая у него тема?");
    await say(user, "Адалдық алаңы", "для кого оно проводилось?");
    await say(user, "студенты колледжа", "сколько человек участвовало?");
    await say(user, "12,5 %", "❗ Нужно количество, а не процент");
    await say(user, "120", "освещалось ли оно в социальных сетях");
    await press(user, "Да", "пришлите ссылки на публикации");
    const links = await say(user, "htp//bad t.me/adaldyq/1", "❗ Это не ссылка: htp//bad");
    expect(links.text).toContain("1. https://t.me/adaldyq/1");
    await press(user, "✅ Готово", "сколько просмотров набрали его публикации?");
    await say(
      user,
      "1 500",
      "1. 22.10.2026 — Адалдық алаңы (для кого: студенты колледжа), 120 участников; опубликовано: 1 ссылка, 1\u00a0500 просмотров",
    );
    await press(user, "✅ Готово", "4/4 Подтверждающие материалы");

    await press(
      user,
      /Адалдық алаңы/,
      "Пришлите фото или документы к пункту «№1 22.10 Адалдық алаңы»",
    );
    await user.sendDocument({ filename: "big.pdf", data: Buffer.alloc(21 * 1024 * 1024) });
    await user.waitFor("❗ Файл больше 20 МБ");
    await user.sendDocument({ filename: "setup.exe", data: Buffer.from("MZ") });
    await user.waitFor("❗ Такой тип файла не принимается");
    await user.sendDocument({ filename: "protocol.pdf", data: Buffer.from("%PDF-1.4") });
    await user.waitFor("📎 Файл принят");
    await press(user, "✅ Готово", "Приложено: 1 файл");
    const summary = await press(user, "➡ Далее", /Итого за месяц: ([\d,]+)/);

    expect(summary.text).toContain("1. 12.10.2026 — Конфликт интересов, 40 участников — 2 балла");
    expect(summary.text).toContain(
      "За охват от 1000 просмотров (1\u00a0500 просмотров): 10 баллов",
    );
    expect(summary.text).toContain("Срок сдачи: 05.11.2026, 18:00.");
    const shown = /Итого за месяц: ([\d,]+)/.exec(summary.text)?.[1];
    expect(shown).toBe("26");
    expect(
      monthlyPointsByCli({
        "p4.t2.s3": [2],
        "p4.t2.s4": [2],
        "p4.t3.s1": [{ events: 1, published: true, views: 1500 }],
      }),
    ).toBe(shown);

    // Pressed twice: the second press is a button of a screen that is gone and stores nothing.
    await user.press("📤 Отправить отчёт");
    await user.press("📤 Отправить отчёт");
    const done = await user.waitFor("✅ Отчёт за октябрь 2026 отправлен (версия 1).");
    expect(done.text).toContain("Баллы за месяц: 26 баллов.");
    expect(done.text).toContain("До окончания срока (05.11.2026, 18:00) отчёт можно исправить");
  });

  it("corrects a submitted report before the deadline as version 2", async () => {
    const user = emulator().user({ userId: 7001, languageCode: "ru" });
    await user.command("report");
    await user.waitFor("За какой период?");
    await press(
      user,
      "октябрь 2026 — исправить (срок 05.11.2026, 18:00)",
      "уже отправлен (версия 1)",
    );
    const summary = await press(user, "✏️ Исправить отчёт", "Итого за месяц: 26 баллов");
    expect(summary.text).toContain("исправление отправленного отчёта (версия 1)");
    await press(user, "✏️ Изменить раздел", "Какой раздел изменить?");
    await press(user, "2. Профилактическая работа", "2. 21.10.2026 — Руководитель отдела кадров");
    await say(user, "Ведущий специалист; 28", "3. 28.10.2026 — Ведущий специалист");
    await press(user, "✅ Готово", "Итого за месяц: 27 баллов");
    await press(user, "📤 Отправить отчёт", "отправлен (версия 2)");
  });

  it("takes a late report in Kazakh, marks it late and offers no correction it cannot make", async () => {
    const user = emulator().user({ userId: 7002, languageCode: "kk" });
    await user.command("report");
    await user.waitFor("Әдеп жөніндегі уәкілдің ай сайынғы есебі. Қай кезеңге?");
    await press(user, "2026 ж. қыркүйек — кешіктіріліп", "1/4 Түсіндіру іс-шаралары");
    await press(user, "✅ Дайын", "2/4 Профилактикалық жұмыс");
    await say(user, "бір", "❗ Жол мынадай болуы керек");
    await press(user, "✅ Дайын", "3/4 Құқықтық насихаттау");
    await press(
      user,
      "➕ Қосу",
      "№1 іс-шара: ол қашан өтті? Айдың күнін жазыңыз, мысалы 15 немесе 15.09.2026.",
    );
    await say(user, "31.10", "❗ Бұл күн есепті айға (2026 ж. қыркүйек) жатпайды");
    await say(user, "10.09", "оның тақырыбы қандай?");
    await say(user, "Сыбайлас жемқорлыққа қарсы мәдениет", "кімге арналып өткізілді?");
    await say(user, "мектеп мұғалімдері", "оған неше адам қатысты?");
    await say(user, "35", "жарияланды ма?");
    await press(
      user,
      "Жоқ",
      "1. 10.09.2026 — Сыбайлас жемқорлыққа қарсы мәдениет (кімге арналған: мектеп мұғалімдері), 35 қатысушы; интернетте жарияланбаған",
    );
    await press(user, "✅ Дайын", "4/4 Растайтын материалдар");
    const summary = await press(user, "➡ Әрі қарай", "Айдың қорытындысы: 10 балл");
    expect(summary.text).toContain("«кешіктірілген» деген белгімен қабылданады");
    const done = await press(
      user,
      "📤 Есепті жіберу",
      "✅ Есеп жіберілді: 2026 ж. қыркүйек (1-нұсқа).",
    );
    expect(done.text).toContain("Айдағы балл: 10 балл.");
    expect(done.text).toContain("кешіктірілген деп белгіленді");
    expect(done.text).not.toContain("түзетуге болады");
  });

  it("loses nothing when the bot is killed mid-report, and ignores an update delivered twice", async () => {
    const user = emulator().user({ userId: 7003, languageCode: "ru" });
    await user.command("report");
    await user.waitFor("За какой период?");
    await press(user, /^октябрь 2026/, "1/4");
    await press(user, "➕ Добавить", "когда");
    await say(user, "5", "тема?");
    await say(user, "Тема А", "сколько человек");
    const added = await user.send("30");
    await user.waitFor("1. 05.10.2026 — Тема А, 30 участников");
    await emulator().redeliver(added);
    await press(user, "➕ Добавить", "Мероприятие №2");
    await say(user, "6", "тема?");
    const topic = await user.send("Тема Б");
    await user.waitFor("сколько человек");
    await bot().waitForUpdateHandled(topic);

    await bot().kill();
    await bot().start();
    const list = await say(user, "12", "2. 06.10.2026 — Тема Б, 12 участников");
    expect(list.text).not.toContain("3. ");

    // Stopping and coming back later: the draft is offered.
    await say(user, "/cancel", "Всё введённое сохранено в черновике");
    await user.command("report");
    await user.waitFor(
      "незаконченный черновик: Ежемесячный отчёт уполномоченного по этике за октябрь 2026",
    );
    const resumed = await press(user, "▶ Продолжить черновик", "1/4");
    expect(resumed.text).toContain("2. 06.10.2026 — Тема Б, 12 участников");
    await press(user, "✅ Готово", "2/4");
    await press(user, "✅ Готово", "3/4");
    await press(user, "✅ Готово", "4/4");
    await press(user, "➡ Далее", "Итого за месяц: 4 балла");
    await press(user, "📤 Отправить отчёт", "отправлен (версия 1)");
  });

  it("resumes on the same question after a kill and reopens the draft, in Kazakh", async () => {
    const user = emulator().user({ userId: 7007, languageCode: "kk" });
    await user.command("report");
    await user.waitFor("Қай кезеңге?");
    await press(user, /^2026 ж\. қазан/, "1/4");
    await press(user, "➕ Қосу", "ол қашан өтті");
    await say(user, "7", "тақырыбы қандай");
    const topic = await user.send("Тема В");
    await user.waitFor("неше адам қатысты");
    await bot().waitForUpdateHandled(topic);

    await bot().kill();
    await bot().start();
    await say(user, "9", "1. 07.10.2026 — Тема В, 9 қатысушы");

    await say(user, "/cancel", "Енгізілгеннің бәрі нобайда сақталды");
    await user.command("report");
    await user.waitFor("Сізде аяқталмаған нобай бар: Әдеп жөніндегі уәкілдің ай сайынғы есебі");
    const resumed = await press(user, "▶ Нобайды жалғастыру", "1/4");
    expect(resumed.text).toContain("1. 07.10.2026 — Тема В, 9 қатысушы");
  });

  it("keeps a few hundred bytes of chat state at the summary of a long report", async () => {
    const user = emulator().user({ userId: 7004, languageCode: "ru" });
    await user.command("report");
    await user.waitFor("За какой период?");
    await press(user, /^сентябрь 2026/, "1/4");
    const lines = Array.from(
      { length: 30 },
      (_, i) =>
        `${(i % 28) + 1}.09; Мероприятие номер ${i + 1} о противодействии коррупции; ${i + 5}`,
    );
    await say(user, lines.join("\n"), "Добавлено строк: 30");
    await press(user, "✅ Готово", "2/4");
    await press(user, "✅ Готово", "3/4");
    await press(user, "✅ Готово", "4/4");
    await press(user, "➡ Далее", "проверьте перед отправкой");
    await bot().kill();
    const state = await seedDatabase(bot().dataDir, async (repos) => ({
      session: await repos.botState.storage<unknown>("session").read("7004"),
      conversation: await repos.botState.storage<unknown>("conversation").read("7004"),
    }));
    // The form is open in the session, naming its draft; no conversation replays the entry.
    expect(state.session).toMatchObject({ form: { prefix: "mr", key: { periodKey: "2026-09" } } });
    expect(JSON.stringify(state.conversation ?? {})).not.toContain("monthly-report");
    expect(Buffer.byteLength(JSON.stringify(state))).toBeLessThan(1_000);
    await bot().start();
    // Resumed where it stopped: the summary, paged because thirty events make it long.
    await press(user, "▶", "Страница 2 из");
  });

  it("goes back from the first question to the months, for the same body, keeping the draft", async () => {
    // An admin chose the body: ⬅ Back leads to its months, not to the list of bodies again.
    const admin = emulator().user({ userId: 7006, languageCode: "ru" });
    await admin.command("report");
    await admin.waitFor("За какой орган заполнить отчёт?");
    // Four bodies fit one page: no row of page buttons, not even an empty one.
    expect(admin.lastKeyboard()?.map((row) => row.map((b) => b.text))).toEqual([
      ["Орган A01"],
      ["Орган B01"],
      ["Орган C01"],
      ["Орган D01"],
      ["✖ Отмена"],
    ]);
    await press(admin, "Орган C01", "За какой период?");
    await press(admin, "сентябрь 2026 — с опозданием", "1/4 Разъяснительные");
    await press(admin, "⬅ Назад", "Ежемесячный отчёт уполномоченного по этике. За какой период?");
    // The body's months again (another test filed October for C01), not the draft's offer.
    expect(buttons(admin)).toEqual([
      expect.stringMatching(/^октябрь 2026 — /),
      "сентябрь 2026 — с опозданием",
      "✖ Отмена",
    ]);
    await press(admin, "сентябрь 2026 — с опозданием", "1/4 Разъяснительные");
    await press(admin, "➕ Добавить", "Мероприятие №1: когда оно прошло?");
    await say(admin, "/cancel", "Всё введённое сохранено в черновике");

    // A commissioner in Kazakh continuing an earlier test's draft: back, then the same month
    // again continues what was entered, without offering the draft a second time.
    const user = emulator().user({ userId: 7007, languageCode: "kk" });
    await user.command("report");
    await user.waitFor("Сізде аяқталмаған нобай бар");
    const resumed = await press(user, "▶ Нобайды жалғастыру", "1/4");
    expect(resumed.text).toContain("1. 07.10.2026 — Тема В, 9 қатысушы");
    await press(user, "⬅ Артқа", "Әдеп жөніндегі уәкілдің ай сайынғы есебі. Қай кезеңге?");
    const again = await press(user, /^2026 ж\. қазан/, "1/4");
    expect(again.text).toContain("1. 07.10.2026 — Тема В, 9 қатысушы");
  });

  it("leaves the open form on /start: the next text is no answer to it, and the draft waits", async () => {
    const user = emulator().user({ userId: 7003, languageCode: "ru" });
    await user.command("report");
    await user.waitFor("За какой период?");
    await press(user, "сентябрь 2026 — с опозданием", "1/4 Разъяснительные");
    await user.command("start");
    await user.waitFor("User 7003, вы: ");
    const reply = await say(user, "12", "Не понял это сообщение. Выберите, что сделать:");
    // The menu offers the draft kept, which a text did not touch.
    expect(reply.text).toContain("сентябрь 2026");
    await press(user, "▶ Продолжить черновик", "Ежемесячный отчёт уполномоченного по этике");
  });

  it("lets a commissioner report only for their own body, and nobody but commissioners", async () => {
    const commissioner = emulator().user({ userId: 7004, languageCode: "ru" });
    await commissioner.command("report", "B01");
    await commissioner.waitFor("Вы можете отчитываться только за свой орган.");
    const officer = emulator().user({ userId: 7005, languageCode: "ru" });
    await officer.command("report");
    await officer.waitFor("Это действие недоступно для вашей роли.");

    // Admins act for any body: they pick it first.
    const admin = emulator().user({ userId: 7006, languageCode: "ru" });
    await admin.command("report");
    await admin.waitFor("За какой орган заполнить отчёт?");
    await press(admin, "Орган B01", "За какой период?");
    expect(buttons(admin)).toEqual([
      "октябрь 2026 — срок 05.11.2026, 18:00",
      "сентябрь 2026 — отправлен",
      "✖ Отмена",
    ]);
    await press(admin, "✖ Отмена", "Хорошо, отчёт не открыт.");
  });

  it("stored every submission as shown: versions, lateness, event lines, links by event and scores", async () => {
    const [bodyA, bodyB, bodyC] = [body("A01").id, body("B01").id, body("C01").id] as const;
    await bot().stop();
    await seedDatabase(bot().dataDir, async (repos) => {
      const a = await repos.submissions.getCurrent(bodyA, "monthly", "2026-10");
      expect(a?.submission).toMatchObject({ versionCount: 2, late: false, status: "submitted" });
      expect(a?.version?.values).toEqual({
        "p4.t2.s3": 2,
        "p4.t2.s4": 3,
        "p4.t3.s1": { events: 1, published: true, views: 1500 },
      });
      expect(
        a?.version?.events.map((e) => [e.kind, e.date, e.participants, e.views ?? null]),
      ).toEqual([
        ["explanatory", "2026-10-12", 40, null],
        ["explanatory", "2026-10-15", 25, null],
        ["preventive", "2026-10-14", 1, null],
        ["preventive", "2026-10-21", 1, null],
        ["preventive", "2026-10-28", 1, null],
        ["propaganda", "2026-10-22", 120, 1500],
      ]);
      expect(a?.version?.evidence.map((e) => [e.item, e.type, e.link ?? e.mime])).toEqual([
        ["event:6", "document", "application/pdf"],
        ["event:6", "link", "https://t.me/adaldyq/1"],
      ]);
      const scores = await repos.scores.listScores({ periodKeys: ["2026-10"], bodyId: bodyA });
      expect(scores.reduce((sum, s) => sum + s.points, 0)).toBe(2700);

      const b = await repos.submissions.getCurrent(bodyB, "monthly", "2026-09");
      expect(b?.submission).toMatchObject({ versionCount: 1, late: true });
      expect(await repos.submissions.getCurrent(bodyB, "monthly", "2026-10")).toBeUndefined();

      const c = await repos.submissions.getCurrent(bodyC, "monthly", "2026-10");
      expect(c?.version?.events.map((e) => e.topic)).toEqual(["Тема А", "Тема Б"]);
    });
  });
});
