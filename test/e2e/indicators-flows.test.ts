import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../support/bot-process.ts";
import type { EmulatedUser, MessageMatch } from "../support/emulated-user.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { seedBody, seedDatabase, seedUser } from "../support/seed.ts";
import { LABELS, scoreWithCli, waitForScreen } from "./indicators-driver.ts";

const FAKE_NOW = "2026-01-10T10:00:00+05:00";
const OFFICER = 5201;
const EXEMPT_OFFICER = 5202;
const ADMIN = 5203;
const ru = LABELS.ru;

const subdivision = (n: number) => `Подразделение ${String(n).padStart(2, "0")}`;
const pressAndSee = async (user: EmulatedUser, button: string, expected: MessageMatch) => {
  await user.press(button);
  return user.waitFor(expected);
};
const buttons = (user: EmulatedUser) =>
  user
    .lastKeyboard()
    ?.flat()
    .map((b) => b.text) ?? [];

describe("indicators report flows", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  let exemptTotal = "";

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({
      emulator,
      env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    });
    await seedDatabase(bot.dataDir, async (repos) => {
      const region = await seedBody(repos, { code: "REG2", kind: "regional" });
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
      const central = await seedBody(repos, { code: "CEN2", kind: "central" });
      await seedUser(repos, { telegramId: OFFICER, role: "officer", bodyId: region.id });
      await seedUser(repos, { telegramId: EXEMPT_OFFICER, role: "officer", bodyId: central.id });
      await seedUser(repos, { telegramId: ADMIN, role: "admin", bodyId: null, language: "kk" });
    });
    await bot.start();
  }, 120_000);

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("pages a checklist of 23 subdivisions, keeping ticks across pages, with all and none", async () => {
    const user = emulator.user({ userId: OFFICER, languageCode: "ru" });
    await user.command("indicators");
    await user.waitFor("Какой отчёт заполняете?");
    await pressAndSee(user, "Годовой отчёт за 2025 год", "внешний анализ");
    await user.press(ru.no);
    await waitForScreen(user, "p1.t1.s1");
    await user.press(ru.skip);
    await waitForScreen(user, "p1.t1.s2");
    await user.press(ru.skip);
    await waitForScreen(user, "p1.t1.s3");
    expect(buttons(user)).toContain("1/3");
    expect(buttons(user).filter((b) => b.startsWith("☐"))).toHaveLength(8);

    await pressAndSee(user, `☐ ${subdivision(2)}`, "1 из 23 — 4 % — 0 баллов");
    await pressAndSee(user, "▶", (m) => m.keyboard?.flat().some((b) => b.text === "2/3") ?? false);
    expect(buttons(user)).toContain(`☐ ${subdivision(9)}`);
    await pressAndSee(user, `☐ ${subdivision(10)}`, "2 из 23");
    await pressAndSee(user, "▶", (m) => m.keyboard?.flat().some((b) => b.text === "3/3") ?? false);
    expect(buttons(user).filter((b) => /^[☐☑]/.test(b))).toHaveLength(7);
    await pressAndSee(user, `☐ ${subdivision(23)}`, "3 из 23 — 13 % — 0,3 балла");
    await pressAndSee(user, "▶", (m) => m.keyboard?.flat().some((b) => b.text === "1/3") ?? false);
    expect(buttons(user)).toContain(`☑ ${subdivision(2)}`);

    await pressAndSee(user, ru.all, "23 из 23 — 100 % — 3 балла");
    expect(buttons(user).filter((b) => b.startsWith("☑"))).toHaveLength(8);
    await pressAndSee(user, ru.none, "0 из 23 — 0 % — 0 баллов");
    for (let i = 1; i <= 7; i++) await pressAndSee(user, `☐ ${subdivision(i)}`, `${i} из 23`);
    await user.press(ru.done);
    await user.waitFor("✓ 1.1.3: 7 из 23 — 30 % — 0,9 балла");
  }, 120_000);

  it("refuses out-of-order risk counts with a message and keeps the earlier answers", async () => {
    const user = emulator.user({ userId: OFFICER, languageCode: "ru" });
    await waitForScreen(user, "p1.t2.s1");
    await pressAndSee(user, "☰ Список", "Индикаторы оценки в отчёте");
    await pressAndSee(user, "▶", (m) => m.keyboard?.flat().some((b) => b.text === "2/5") ?? false);
    await user.press(/1\.3\.3 Выявленные и устранённые риски/);
    await waitForScreen(user, "p1.t3.risks");
    await user.send("4");
    await user.waitFor("Сколько из них устранено?");
    await user.send("5");
    const refusal = await user.waitFor("⚠️");
    expect(refusal.text).toContain("p1.t3.risks");
    expect(refusal.text).toContain("устранено (5) ≤ выявлено (4)");
    expect(refusal.text).toContain("прежние ответы сохранены");
    await user.send("3");
    await user.waitFor("доведено до фактического завершения?");
    await user.send("4");
    await user.waitFor("доведено до завершения (4) ≤ устранено (3)");
    await user.send("1");
    await user.waitFor("✓ 1.3.3: выявлено 4, устранено 3, доведено до завершения 1 — 13 баллов");
  }, 60_000);

  it("keeps the draft: coming back resumes at the first unanswered indicator", async () => {
    const user = emulator.user({ userId: OFFICER, languageCode: "ru" });
    await waitForScreen(user, "p1.t4.s1");
    await pressAndSee(user, "✅ Итоги", "Итоги: Годовой отчёт за 2025 год");
    expect(user.lastMessage()?.text).toContain("Без ответа: 34 индикатора оценки.");
    await pressAndSee(user, "Выйти (черновик сохранится)", "Черновик сохранён");
    await user.command("indicators");
    await user.waitFor("Какой отчёт заполняете?");
    await pressAndSee(user, "Годовой отчёт за 2025 год", "· 1.1.1\n");
    await pressAndSee(user, "☰ Список", "Индикаторы оценки в отчёте");
    expect(buttons(user).some((b) => b.startsWith("✓ 1.1.3 "))).toBe(true);
  }, 60_000);

  it("asks no project-1 question of an exempt body, records the external plan and scores no project 1", async () => {
    const user = emulator.user({ userId: EXEMPT_OFFICER, languageCode: "ru" });
    await user.command("indicators");
    await user.waitFor("Какой отчёт заполняете?");
    await pressAndSee(user, "Годовой отчёт за 2025 год", "Проводился ли в 2024 году");
    await pressAndSee(user, ru.yes, "Сколько мер плана");
    await user.send("7/10");
    const first = await waitForScreen(user, "p2.t1.s1");
    expect(first.text).toContain("Индикатор оценки 1 из 23");
    await pressAndSee(user, "📎 Файлы и комментарий", "Отправьте документы");
    await user.sendDocument({ filename: "act.pdf", data: Buffer.from("%PDF-1.4") });
    await user.waitFor("Всего файлов и ссылок: 1.");
    await user.send("https://example.kz/report");
    await user.waitFor("Всего файлов и ссылок: 2.");
    await user.send("Сообщения переданы в уполномоченный орган");
    await user.waitFor("Комментарий сохранён");
    await user.press("Готово");
    const again = await waitForScreen(user, "p2.t1.s1");
    expect(again.text).toContain("📎 Файлов и ссылок: 2 · комментарий: Да");
    await pressAndSee(user, "✅ Итоги", "Итоги:");
    const summary = user.lastMessage()?.text ?? "";
    expect(summary).toContain("Проект 1. Внутренний анализ коррупционных рисков: не оценивается");
    expect(summary).toContain("Выполнено мер плана внешнего анализа: 7 из 10 — 70 %");
    exemptTotal = ru.total.exec(summary)?.[1] ?? "";
    expect(exemptTotal).toBe("−5");
    await pressAndSee(user, ru.submit, "отправлено (версия 1)");
    expect(user.messages().some((m) => / · 1\.\d\.\d\n/.test(m.text))).toBe(false);
  }, 60_000);

  it("lets an admin choose the body and fill in the quarter's commission meetings, in Kazakh", async () => {
    const user = emulator.user({ userId: ADMIN, languageCode: "kk" });
    await user.command("indicators");
    await user.waitFor("Қай органның есебін толтырасыз?");
    await pressAndSee(user, "REG2 органы", "Қай есепті толтырасыз?");
    expect(buttons(user)).toEqual([
      "2025 жылғы жылдық есеп",
      "Тоқсандық есеп: 2025 жылдың IV тоқсаны",
      "Тоқсандық есеп: 2025 жылдың III тоқсаны (мерзімі өтті)",
    ]);
    await user.press("Тоқсандық есеп: 2025 жылдың IV тоқсаны");
    const screen = await waitForScreen(user, "p4.t1.s1");
    expect(screen.text).toContain("1 бағалау индикаторының 1-і");
    await pressAndSee(user, LABELS.kk.yes, "Облыста барлығы қанша аудан");
    // The directory's 4 districts are offered as a button.
    await pressAndSee(user, "4", "Қанша ауданда (қалада) отырыс өткізілмеді?");
    await user.send("5");
    await user.waitFor("(5)");
    await user.send("1");
    await user.waitFor(
      "✓ 4.1.1: отырыс өткізілді; аудандар: 4, оның ішінде отырыс өтпегені: 1 — 2,4 балл",
    );
    const summary = await user.waitFor(LABELS.kk.total);
    expect(summary.text).toContain("Барлығы: 2,4 балл");
    await pressAndSee(user, LABELS.kk.submit, "жіберілді (1-нұсқа)");
  }, 60_000);

  it("stores the exemption with the annual report and scores project 1 as not applicable", async () => {
    await bot.stop();
    const stored = await seedDatabase(bot.dataDir, async (repos) => {
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
    expect(stored.quarter?.version?.values).toEqual({
      "p4.t1.s1": { held: true, districts: 4, districtsNotHeld: 1 },
    });
    const card = { bodyKind: "central", p1Exempt: true, values: stored.current?.version?.values };
    expect(scoreWithCli(card)).toBe(exemptTotal);
  }, 120_000);
});
