import { describe, expect, it } from "vitest";
import type { SubmitInput } from "../../src/db/repositories/index.ts";
import { formatPoints } from "../../src/domain/points.ts";
import { scoreReport } from "../../src/domain/scoring/score-report.ts";
import type { IndicatorValue } from "../../src/domain/scoring/values.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { BotMessage } from "../support/emulator.ts";
import { V2026 } from "../support/methodology.ts";
import { monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";
import { FAKE_NOW, submitScored } from "./manager-admin-seed.ts";

const minute = (n: number) => new Date(Date.UTC(2026, 10, 1, 6, n));
const ANNUAL_VALUES = {
  "p2.t5.s4": { provided: true, facts: 2 },
  "p4.t2.s1": { headcount: 120, trained: 40 },
};

function annualReport(bodyId: number, authorUserId: number): SubmitInput {
  return {
    bodyId,
    kind: "annual",
    periodKey: "2025",
    authorUserId,
    late: false,
    at: minute(30),
    values: ANNUAL_VALUES,
    meta: { p1Exempt: true, p1ExternalPlan: { done: 7, total: 10 } },
  };
}

// Numbers are grouped with no-break spaces; the assertions write plain ones.
const plain = (message: BotMessage) => message.text.replace(/\u00a0/g, " ");
const buttons = (message: BotMessage) => message.keyboard?.flat().map((b) => b.text) ?? [];

describe("admins: a review queue that scales, and a review screen that shows everything", () => {
  const { user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    seed: async (repos) => {
      const { child, sibling, ministry } = await seedBodies(repos);
      await seedPerson(repos, 4101, "admin", null, "ru");
      await seedPerson(repos, 4102, "admin", null, "kk");
      const commissioner = await seedPerson(repos, 4103, "commissioner", child.id, "kk");
      const officer = await seedPerson(repos, 4104, "officer", ministry.id, "ru");
      const other = await seedPerson(repos, 4105, "commissioner", sibling.id, "ru");
      // Ten monthly reports of one body: more than a page on their own.
      for (let m = 1; m <= 10; m++) {
        const month = `2026-${String(m).padStart(2, "0")}`;
        await submitScored(
          repos,
          monthlyReport(child.id, commissioner.id, month, { at: minute(m) }),
        );
      }
      await submitScored(repos, annualReport(ministry.id, officer.id));
      // A report corrected once: views far above the usual, confirmed by the commissioner.
      await submitScored(repos, monthlyReport(sibling.id, other.id, "2026-10", { at: minute(40) }));
      const corrected = monthlyReport(sibling.id, other.id, "2026-10", {
        at: minute(45),
        explanatory: 4,
        views: 50000,
      });
      await submitScored(repos, {
        ...corrected,
        meta: {
          confirmations: [
            { field: "views", value: 50000, usual: 1500, at: "2026-11-01T06:44:00.000Z" },
          ],
        },
      });
    },
    waitForCatchUp: true,
    // Twelve scored reports and the start's catch-up: slow on a busy machine.
    timeoutMs: 240_000,
  });

  it("counts every waiting report and pages through them", async () => {
    const admin = user(4101, "ru");
    await admin.command("review");
    const first = await admin.waitFor(/На проверке/);
    expect(first.text).toBe("📥 На проверке: 12 · стр. 1 из 2");
    const items = buttons(first).filter((b) => b.includes(" · "));
    expect(items).toHaveLength(8);
    expect(items[0]).toBe("Акимат CITY · ежемесячный отчёт · январь 2026 · версия 1");
    expect(buttons(first)).toEqual(
      expect.arrayContaining(["1/2", "▶", "🗂 Вид отчёта", "📅 Период", "🏛 Орган"]),
    );
    expect(buttons(first)).toContain("↩️ Возвращённые (0)");
    await admin.press("▶");
    const second = await admin.waitFor(/стр\. 2 из 2/);
    expect(buttons(second).filter((b) => b.includes(" · "))).toEqual([
      "Акимат CITY · ежемесячный отчёт · сентябрь 2026 · версия 1",
      "Акимат CITY · ежемесячный отчёт · октябрь 2026 · версия 1",
      "Акимат MIN · годовой отчёт · 2025 год · версия 1",
      "Акимат OTHER · ежемесячный отчёт · октябрь 2026 · версия 2",
    ]);
  });

  it("narrows the list by body, period and kind, and clears it", async () => {
    const admin = user(4101, "ru");
    await admin.command("review");
    await admin.waitFor(/На проверке: 12/);
    await admin.press("🏛 Орган");
    const bodies = await admin.waitFor(/Какого органа/);
    expect(buttons(bodies).slice(0, 3)).toEqual([
      "Акимат CITY (10)",
      "Акимат MIN (1)",
      "Акимат OTHER (1)",
    ]);
    await admin.press("Акимат CITY (10)");
    const city = await admin.waitFor(/Отбор: Акимат CITY/);
    expect(city.text).toBe("📥 На проверке: 10 · стр. 1 из 2\nОтбор: Акимат CITY");
    await admin.press("📅 Период");
    const periods = await admin.waitFor(/За какой период/);
    expect(buttons(periods).slice(0, 3)).toEqual([
      "октябрь 2026 (1)",
      "сентябрь 2026 (1)",
      "август 2026 (1)",
    ]);
    await admin.press("октябрь 2026 (1)");
    const october = await admin.waitFor(/Отбор: октябрь 2026/);
    expect(october.text).toBe("📥 На проверке: 1\nОтбор: октябрь 2026 · Акимат CITY");
    await admin.press("✖ Сбросить отбор");
    await admin.waitFor("📥 На проверке: 12 · стр. 1 из 2");
    await admin.press("🗂 Вид отчёта");
    await admin.waitFor(/Какие отчёты показать/);
    await admin.press("годовой отчёт");
    const annual = await admin.waitFor(/Отбор: годовой отчёт/);
    expect(buttons(annual)).toContain("Акимат MIN · годовой отчёт · 2025 год · версия 1");

    await admin.command("review", "NOPE");
    await admin.waitFor(/«NOPE» — не код органа и не период/);
    await admin.command("review", "OTHER 2026-10");
    await admin.waitFor("📥 На проверке: 1\nОтбор: октябрь 2026 · Акимат OTHER");
  });

  it("shows the project-1 exemption claim and the external plan's share, and tells the author it is accepted", async () => {
    const admin = user(4101, "ru");
    await admin.command("review", "MIN");
    await admin.waitFor(/Отбор: Акимат MIN/);
    await admin.press(/годовой отчёт · 2025/);
    const report = await admin.waitFor(/Версия 1/);
    expect(report.text).toContain(
      "Проект №1: заявлено освобождение — в прошлом году проведён внешний анализ коррупционных рисков, проект №1 не оценивается.\nРеализация плана мероприятий по устранению коррупционных рисков, выявленных в ходе внешнего анализа: 7 из 10 — 70 % — без баллов.",
    );
    // The officer's own words for the answers, the methodology's: those who completed training.
    expect(report.text).toMatch(/\n2\.5\.4 .+: сведения предоставлены, фактов: 2 → /);
    expect(report.text).toMatch(/\n4\.2\.1 .+: завершили обучение 40 из 120 \(33,3 %\) → /);
    expect(report.text).not.toMatch(/p\d\.t\d|\{|"/);
    await admin.press("✅ Принять");
    await admin.waitFor(/✅ Принят: Акимат MIN — годовой отчёт за 2025 год/);
    const engine = scoreReport(V2026, {
      bodyKind: "central",
      p1Exempt: true,
      kind: "annual",
      values: ANNUAL_VALUES as Record<string, IndicatorValue>,
    });
    const officer = user(4104, "ru");
    await officer.waitFor(
      `✅ Ваш годовой отчёт за 2025 год (Акимат MIN) принят. Баллы по отчёту: ${formatPoints(engine.total)}.`,
    );
    // Back to the list it came from: the accepted report left the waiting ones.
    await admin.command("review");
    await admin.waitFor("📥 На проверке: 11 · стр. 1 из 2");
  });

  it("shows a correction's confirmations and what changed, in Russian", async () => {
    const admin = user(4101, "ru");
    await admin.command("review", "OTHER");
    await admin.waitFor(/Отбор: Акимат OTHER/);
    await admin.press(/версия 2/);
    const report = await admin.waitFor(/Версия 2/);
    expect(plain(report)).toContain(
      "⚠️ Подтверждено уполномоченным (значения далеки от обычных для органа):\n• просмотры публикаций: 50 000 (обычно — 1 500), подтверждено 01.11.2026, 11:44",
    );
    expect(report.text).toContain("Изменений по сравнению с версией 1: 4");
    await admin.press("🔀 Что изменилось с версии 1");
    const diff = await admin.waitFor(/Изменения: версия 1 → версия 2/);
    expect(plain(diff).split("\n")).toEqual([
      "🔀 Изменения: версия 1 → версия 2",
      "Акимат OTHER — ежемесячный отчёт за октябрь 2026",
      "",
      "• 4.2.3 Ежемесячные обучающие мероприятия: было 3, стало 4",
      "• 4.3.1 Мероприятия по правовой пропаганде: было мероприятий — 1, опубликовано, просмотров — 1 500, стало мероприятий — 1, опубликовано, просмотров — 50 000",
      "• изменено мероприятие 20.10.2026 · правовая пропаганда · Адалдық — жол · участников: 150 · Молодёжь · https://t.me/adaldyq/1 · просмотров: 1 500 — просмотров: было 1 500, стало 50 000",
      "• добавлено мероприятие: 05.10.2026 · разъясняющее мероприятие · Конфликт интересов 4 · участников: 23",
    ]);
    await admin.press("⬅ К отчёту");
    await admin.waitFor(/Версия 2/);
  });

  it("shows the same in Kazakh", async () => {
    const admin = user(4102, "kk");
    await admin.command("review");
    const list = await admin.waitFor(/Тексерілуде/);
    expect(list.text).toBe("📥 Тексерілуде: 11 · 1/2 бет");
    expect(buttons(list)).toEqual(
      expect.arrayContaining(["🗂 Есеп түрі", "📅 Кезең", "🏛 Орган", "✅ Қабылданғандар (1)"]),
    );
    await admin.command("review", "OTHER");
    await admin.waitFor(/Іріктеу: OTHER әкімдігі/);
    await admin.press(/2-нұсқа/);
    const report = await admin.waitFor(/2-нұсқа,/);
    expect(plain(report)).toContain(
      "⚠️ Уәкіл растаған мәндер (органның әдеттегі мәндерінен алшақ):\n• жарияланымдардың қаралымы: 50 000 (әдетте — 1 500), расталған уақыты: 01.11.2026, 11:44",
    );
    await admin.press("🔀 1-нұсқадан бері не өзгерді");
    const diff = await admin.waitFor(/Өзгерістер: 1-нұсқа → 2-нұсқа/);
    expect(diff.text).toContain(": бұрын 3, енді 4");
    expect(diff.text).toContain(
      "• іс-шара қосылды: 05.10.2026 · түсіндіру іс-шарасы · Конфликт интересов 4 · қатысушылар: 23",
    );
    expect(plain(diff)).toContain("— қаралым: бұрын 1 500, енді 50 000");
    await admin.command("review", "MIN");
    await admin.waitFor(/Іріктеу: Министрлік|Іріктеу: MIN әкімдігі/);
  });
});
