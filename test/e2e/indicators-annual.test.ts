import { describe, expect, it } from "vitest";
import { dueIndicators } from "../../src/domain/forms/indicators/due.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { V2026 } from "../support/methodology.ts";
import { seedDatabase } from "../support/seed.ts";
import {
  type Answer,
  LABELS,
  pointsText,
  readSummary,
  scoreWithCli,
  screenProblems,
  titleLine,
  waitForIndicator,
  walkToSummary,
} from "./indicators-driver.ts";

// 10 January 2026, 10:00 in Almaty: the 2025 annual report is due on 15 January, the fourth
// quarter's on 10 January at 18:00.
const FAKE_NOW = "2026-01-10T10:00:00+05:00";
const REGIONAL_OFFICER = 5101;
const pressAndSee = async (user: EmulatedUser, button: string | RegExp, expected: string) => {
  await user.press(button);
  return user.waitFor(expected);
};
const CENTRAL_OFFICER = 5102;

const members = (
  kind: "subdivision" | "subordinate" | "quasiPublic" | "district",
  n: number,
  ru: string,
  kk: string,
) =>
  Array.from({ length: n }, (_, i) => {
    const no = String(i + 1).padStart(2, "0");
    return { kind, code: `${kind}-${no}`, nameRu: `${ru} ${no}`, nameKk: `${kk} ${no}` };
  });

// Every kind of answer, the Kazakh echo of a share and thousands among them; 2.5.1 is ten times
// last year's and is confirmed.
const REGIONAL_PLAN: [string, Answer][] = [
  ["p1.t1.s1", { flag: true }],
  ["p1.t1.s2", { flag: false }],
  ["p1.t1.s3", { tick: "all" }],
  ["p1.t2.s1", { tick: ["Бөлімше 01", "Бөлімше 02", "Бөлімше 03"] }],
  ["p1.t2.s2", { tick: "none" }],
  ["p1.t2.s3", { flag: true }],
  ["p1.t3.s1", { flag: true }],
  ["p1.t3.s2", { tick: "all" }],
  ["p1.t3.s3", { tick: ["Бөлімше 05", "Бөлімше 06"] }],
  ["p1.t3.risks", { numbers: ["4", "3", "1"] }],
  ["p1.t4.s1", { tick: "all" }],
  ["p1.t5.s1", { typed: "6" }],
  ["p2.t1.s1", { numbers: ["1", "2"] }],
  ["p2.t2.s1", { typed: "3" }],
  ["p2.t3.s1", { typed: "0" }],
  ["p2.t3.s2", { typed: "1" }],
  ["p2.t4.s1", { press: "0" }],
  ["p2.t5.s1", { typed: "20", confirm: true }],
  ["p2.t5.s2", { typed: "0" }],
  ["p2.t5.s3", { typed: "0" }],
  ["p2.t5.s4", { gifts: "0" }],
  ["p2.t5.s5", { typed: "0" }],
  ["p3.t1.s1", { tick: "all" }],
  ["p3.t2.s1", { tick: "all" }],
  ["p3.t2.s2", { tick: ["Ұйым 01"] }],
  ["p3.t2.s3", { tick: "all" }],
  ["p3.t2.s4", { tick: "none" }],
  ["p3.t2.s5", { tick: "all" }],
  ["p3.t2.s6", { tick: "all" }],
  ["p3.t2.s7", { tick: "all" }],
  ["p3.t2.s8", { tick: "all" }],
  ["p3.t2.s9", { tick: "all" }],
  ["p3.t3.s1", { typed: "1" }],
  ["p4.t1.s2", { tick: ["Аудан 01", "Аудан 02", "Аудан 03"] }],
  ["p4.t2.s1", { numbers: ["1 000", "60"] }],
  ["p4.t2.s2", { typed: "60 ішінен 45" }],
];

// A central body: no regional-only indicator, shorter lists, the reconciliation not done.
const CENTRAL_PLAN: [string, Answer][] = REGIONAL_PLAN.filter(
  ([id]) => id !== "p1.t5.s1" && id !== "p4.t1.s2",
).map(([id, answer]): [string, Answer] => {
  if (id === "p2.t2.s1") return [id, { press: LABELS.ru.notReconciled }];
  if (id === "p2.t5.s1") return [id, { typed: "2" }];
  if (id === "p4.t2.s2") return [id, { typed: "45 из 60" }];
  if (id === "p4.t2.s1") return [id, { numbers: ["1.000", "60"] }];
  if (typeof answer === "object" && "tick" in answer && Array.isArray(answer.tick))
    return [id, { tick: [/^(p1\.t4|p3)/.test(id) ? "Организация 01" : "Подразделение 01"] }];
  return [id, answer];
});

describe("the annual and quarterly indicators reports", () => {
  const shown: Record<string, string> = {};

  const { emulator, bot } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    bodies: [
      { code: "REG", kind: "regional" },
      { code: "CEN", kind: "central" },
    ],
    people: [
      { telegramId: REGIONAL_OFFICER, role: "officer", body: "REG", language: "kk" },
      { telegramId: CENTRAL_OFFICER, role: "officer", body: "CEN", language: "ru" },
    ],
    seed: async (repos, { body, person }) => {
      const region = body("REG");
      await repos.directory.upsertDirectory([
        {
          code: "REG",
          kind: "regional",
          nameKk: region.nameKk,
          nameRu: region.nameRu,
          members: [
            ...members("subdivision", 23, "Подразделение", "Бөлімше"),
            ...members("subordinate", 2, "Нижестоящий орган", "Төмен тұрған орган"),
            ...members("quasiPublic", 3, "Организация", "Ұйым"),
            ...members("district", 4, "Район", "Аудан"),
          ],
        },
      ]);
      for (const m of [
        ...members("subdivision", 5, "Подразделение", "Бөлімше"),
        ...members("quasiPublic", 2, "Организация", "Ұйым"),
        ...members("subordinate", 1, "Нижестоящий орган", "Төмен тұрған орган"),
      ])
        await repos.directory.addMember(body("CEN").id, m);
      // Last year's report: its values are shown beside the questions and are the body's usual.
      const last = await repos.submissions.submit({
        bodyId: region.id,
        kind: "annual",
        periodKey: "2024",
        authorUserId: person(REGIONAL_OFFICER).id,
        values: { "p1.t1.s1": false, "p1.t1.s3": { done: 20, total: 23 }, "p2.t5.s1": 2 },
        late: false,
        at: new Date("2025-01-14T10:00:00Z"),
      });
      if (!last.ok) throw new Error(last.reason);
    },
  });

  it("walks a regional body through its 36 annual indicators in Kazakh, last year beside each question", async () => {
    const kk = LABELS.kk;
    const user = emulator().user({ userId: REGIONAL_OFFICER, languageCode: "kk" });
    await user.command("indicators");
    const choose = await user.waitFor("Бағалау индикаторлары бойынша есеп. Қай кезеңге?");
    expect(choose.keyboard?.flat().map((b) => b.text)).toEqual([
      "Жылдық есеп: 2025 жыл — мерзімі 15.01.2026, 18:00",
      "Тоқсандық есеп: 2025 ж. IV тоқсан — мерзімі 10.01.2026, 18:00",
      "Тоқсандық есеп: 2025 ж. III тоқсан — кешіктіріліп",
      "✖ Бас тарту",
    ]);
    await user.press(/^Жылдық есеп: 2025 жыл/);
    const exemption = await user.waitFor(
      "2024 жылы органыңызда сыбайлас жемқорлық тәуекелдеріне сыртқы талдау",
    );
    expect(exemption.text).toContain("«Сыбайлас жемқорлық тәуекелдерін ішкі талдау» №1 жобасы");
    await user.press(kk.no);
    const first = await waitForIndicator(user, "p1.t1.s1", "kk");
    expect(first.text.split("\n")).toContain("📊 2025 жыл · 1.1 Ішкі талдауға дайындық · 1/36");
    expect(first.text).toContain("Өткен жолы (2024 жыл): жоқ.");
    expect(REGIONAL_PLAN.map(([id]) => id)).toEqual(
      dueIndicators(V2026, "annual", "regional").map((d) => d.id),
    );
    shown.regional = await walkToSummary(user, REGIONAL_PLAN, "kk");
    const texts = user.messages().map((m) => m.text);
    expect(texts.some((t) => t.includes("Өткен жолы (2024 жыл): 23 ішінен 20 — 86 %."))).toBe(true);
    expect(texts.some((t) => /^✓ 4\.2\.2 .*: 60 ішінен 45 — 75 % — 7 балл$/m.test(t))).toBe(true);
    // Project 2 counts the facts the body found itself, in the methodology data's words.
    const screenOf = (id: string) =>
      texts.find((t) => t.split("\n").includes(titleLine(id, "kk"))) ?? "";
    expect(screenOf("p2.t3.s1")).toContain(
      "мемлекеттік орган (квазимемлекеттік сектор субъектісі) дербес анықтады?",
    );
    expect(
      texts.some((t) =>
        t.includes("сыбайлас жемқорлыққа қарсы оқуды (курс немесе семинар) аяқтады?"),
      ),
    ).toBe(true);
    const summary = await readSummary(user, "kk");
    expect(summary).toContain("✔ Сіз растадыңыз: 2.5.1 — 20 (әдетте 2)");
    expect(summary).toMatch(
      /№1 жоба «Сыбайлас жемқорлық тәуекелдерін ішкі талдау» — .*\(10 балл шегерілді\)/,
    );
  }, 180_000);

  it("keeps the chat state of the report at its summary under 1 KB", async () => {
    await bot().stop();
    const chat = String(REGIONAL_OFFICER);
    const state = await seedDatabase(bot().dataDir, async (repos) => ({
      session: await repos.botState.storage("session").read(chat),
      conversation: await repos.botState.storage("conversation").read(chat),
    }));
    // The report's own form is what is open, not something else's or nothing; no replay log.
    expect(state.session).toMatchObject({ form: { prefix: "ir", key: { kind: "annual" } } });
    expect(JSON.stringify(state.conversation ?? {})).not.toContain('"indicators"');
    expect(JSON.stringify(state).length).toBeLessThan(1024);
    await bot().start();
    // The bot was away; the summary's buttons still work.
    const user = emulator().user({ userId: REGIONAL_OFFICER, languageCode: "kk" });
    await user.press(LABELS.kk.submit);
    const done = await user.waitFor("✅ Жылдық есеп: 2025 жыл — жіберілді (1-нұсқа).");
    expect(done.text).toContain(`Есептің баллы: ${shown.regional} балл.`);
    expect(done.text).toContain("Мерзім біткенге дейін (15.01.2026, 18:00) есепті түзетуге болады");
  }, 120_000);

  it("takes the regional body's quarter: the commission meetings, the districts offered as a button", async () => {
    const kk = LABELS.kk;
    const user = emulator().user({ userId: REGIONAL_OFFICER, languageCode: "kk" });
    await user.command("indicators");
    await user.waitFor("Қай кезеңге?");
    await user.press(/^Тоқсандық есеп: 2025 ж\. IV тоқсан/);
    const screen = await waitForIndicator(user, "p4.t1.s1", "kk");
    expect(screen.text.split("\n")[0]).toBe(
      "📊 2025 ж. IV тоқсан · 4.1 Өңір халқы арасындағы мәдениет · 1/1",
    );
    await user.press(kk.yes);
    await user.waitFor("Облыста барлығы қанша аудан");
    await user.press("4");
    await user.waitFor("Олардың қаншасында отырыс өткізілмеді?");
    await user.send("5");
    await user.waitFor("❗ Отырыс өткізбеген аудандар (5) аудандардың жалпы санынан (4) көп");
    await user.send("1");
    const summary = await user.waitFor(kk.total);
    expect(summary.text).toContain(
      "✓ 4.1.1 Әкім жанындағы комиссия отырыстары: отырыс өткізілді; аудандар (қалалар): 4, оның ішінде отырыс өтпегені: 1 — 2,4 балл",
    );
    shown.quarter = kk.total.exec(summary.text)?.[1] ?? "";
    expect(shown.quarter).toBe("2,4");
    await user.press(kk.submit);
    await user.waitFor("✅ Тоқсандық есеп: 2025 ж. IV тоқсан — жіберілді (1-нұсқа).");
    expect(screenProblems(user.messages(), "kk")).toEqual([]);
  }, 120_000);

  it("walks a central body through its 34 annual indicators in Russian, never offering a quarter", async () => {
    const ru = LABELS.ru;
    const user = emulator().user({ userId: CENTRAL_OFFICER, languageCode: "ru" });
    await user.command("indicators");
    const choose = await user.waitFor("Отчёт по индикаторам оценки. За какой период?");
    // A central body answers no quarterly indicator, so it owes no quarterly report.
    expect(choose.keyboard?.flat().map((b) => b.text)).toEqual([
      "Годовой отчёт: 2025 год — срок 15.01.2026, 18:00",
      "✖ Отмена",
    ]);
    await user.press(/^Годовой отчёт: 2025 год/);
    await user.waitFor("Проводился ли в 2024 году внешний анализ");
    await user.press(ru.no);
    const first = await waitForIndicator(user, "p1.t1.s1", "ru");
    expect(first.text.split("\n")).toContain(
      "📊 2025 год · 1.1 Подготовка к внутреннему анализу · 1/34",
    );
    shown.central = await walkToSummary(user, CENTRAL_PLAN, "ru");
    const summary = await readSummary(user, "ru");
    // "Not reconciled" is an answer, scored 0, not a question left open.
    expect(summary).toContain("2.2.1 Сверка правонарушений: сверка не проведена — 0 баллов");
    expect(summary).not.toContain("Без ответа");
    const texts = user.messages().map((m) => m.text);
    expect(texts.some((t) => t.includes("1.5.1 ") || t.includes("4.1.2 "))).toBe(false);
    await user.press(ru.submit);
    await user.waitFor("✅ Годовой отчёт за 2025 год отправлен (версия 1).");
    expect(screenProblems(user.messages(), "ru")).toEqual([]);
  }, 180_000);

  it("corrects the central body's report before the deadline as version 2, every answer kept", async () => {
    const ru = LABELS.ru;
    const user = emulator().user({ userId: CENTRAL_OFFICER, languageCode: "ru" });
    await user.command("indicators");
    await user.waitFor("За какой период?");
    await user.press("Годовой отчёт: 2025 год — исправить (срок 15.01.2026, 18:00)");
    await user.waitFor("уже отправлен (версия 1)");
    await user.press("✏️ Исправить отчёт");
    const summary = await user.waitFor(ru.summary);
    expect(ru.total.exec(summary.text)?.[1]).toBe(shown.central);
    const pages = await readSummary(user, "ru");
    expect(pages).toContain("2.2.1 Сверка правонарушений: сверка не проведена — 0 баллов");
    expect(pages).toContain("✏️ Это исправление отправленного отчёта (версия 1)");
    // The ticks were kept with the version: the checklist shows them again.
    const listed = (start: string) => (m: { keyboard?: { text: string }[][] }) =>
      m.keyboard?.flat().some((b) => b.text.startsWith(start)) ?? false;
    await user.press(ru.change);
    await user.waitFor(listed("✓ 1.2.1 "));
    await user.press(/^✓ 1\.2\.1 /);
    const checklist = await waitForIndicator(user, "p1.t2.s1", "ru");
    expect(checklist.keyboard?.flat().map((b) => b.text)).toContain("☑ Подразделение 01");
    await pressAndSee(user, ru.done, ru.summary);
    await user.press(ru.change);
    await user.waitFor(listed("✓ 1.1.2 "));
    await user.press(/^✓ 1\.1\.2 /);
    await waitForIndicator(user, "p1.t1.s2", "ru");
    const corrected = await pressAndSee(user, ru.yes, ru.summary);
    shown.central = ru.total.exec(corrected.text)?.[1] ?? "";
    expect(corrected.text.split("\n")[0]).toBe(
      "✓ 1.1.2 Утверждение приказа об анализе: да — 0 баллов",
    );
    await user.press(ru.submit);
    await user.waitFor("✅ Годовой отчёт за 2025 год отправлен (версия 2).");
  }, 120_000);

  it("read only the methodology's words, numbers and short screens in Kazakh", () => {
    expect(screenProblems(emulator().botMessages(REGIONAL_OFFICER), "kk")).toEqual([]);
  });

  it("stored what was shown: the totals equal `npm run score` and the stored scores", async () => {
    await bot().stop();
    const stored = await seedDatabase(bot().dataDir, async (repos) => {
      const out: Record<string, { kind: string; values: unknown; meta: unknown; scores: number }> =
        {};
      for (const [code, kind, period] of [
        ["REG", "annual", "2025"],
        ["REG", "quarterly", "2025-Q4"],
        ["CEN", "annual", "2025"],
      ] as const) {
        const body = await repos.directory.getBodyByCode(code);
        const current = body && (await repos.submissions.getCurrent(body.id, kind, period));
        const scores = await repos.scores.listScores({ periodKeys: [period], bodyId: body?.id });
        out[`${code} ${period}`] = {
          kind: body?.kind ?? "",
          values: current?.version?.values,
          meta: current?.version?.meta,
          scores: scores.filter((s) => s.applicable).reduce((sum, s) => sum + s.points, 0),
        };
      }
      return out;
    });
    const regional = stored["REG 2025"];
    expect(regional?.meta).toMatchObject({
      p1Exempt: false,
      confirmations: [{ field: "p2.t5.s1", value: 20, usual: 2 }],
    });
    expect(regional?.values).toMatchObject({
      "p1.t1.s3": { done: 23, total: 23 },
      "p1.t2.s1": { done: 3, total: 23 },
      "p1.t3.risks": { identified: 4, eliminated: 3, completed: 1 },
      // 1.4.1 counts subordinate state bodies and quasi-public organisations together, project 3
      // the quasi-public organisations only.
      "p1.t4.s1": { done: 5, total: 5 },
      "p3.t1.s1": { done: 3, total: 3 },
      "p4.t1.s2": { done: 3, total: 4 },
      "p4.t2.s1": { headcount: 1000, trained: 60 },
      "p4.t2.s2": { done: 45, total: 60 },
    });
    const central = stored["CEN 2025"];
    expect(central?.values).not.toHaveProperty("p2.t2.s1");
    expect(central?.meta).toMatchObject({ p1Exempt: false, notReported: ["p2.t2.s1"] });
    for (const [key, total] of [
      ["REG 2025", shown.regional],
      ["CEN 2025", shown.central],
    ] as const) {
      const report = stored[key];
      const card = { bodyKind: report?.kind, p1Exempt: false, values: report?.values };
      expect(scoreWithCli(card), key).toBe(total);
      expect(pointsText(report?.scores ?? NaN), key).toBe(total);
    }
    const quarter = stored["REG 2025-Q4"];
    const card = {
      bodyKind: "regional",
      values: {
        "p4.t1.s1": [quarter?.values && (quarter.values as Record<string, unknown>)["p4.t1.s1"]],
      },
    };
    expect(scoreWithCli(card, ["p4.t1.s1"])).toBe(shown.quarter);
    expect(pointsText(quarter?.scores ?? NaN)).toBe(shown.quarter);
  }, 120_000);
});
