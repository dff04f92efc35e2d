import { describe, expect, it } from "vitest";
import { problemText } from "../../../src/bot/conversations/monthly-report.ts";
import type { Answer } from "../../../src/bot/conversations/monthly-report-steps/answers.ts";
import {
  applyAnswer,
  type Outcome,
} from "../../../src/bot/conversations/monthly-report-steps/apply-answer.ts";
import {
  draftToReport,
  emptyDraft,
  type MonthlyDraft,
} from "../../../src/bot/conversations/monthly-report-steps/draft.ts";
import { checkEvidenceDocument } from "../../../src/bot/conversations/monthly-report-steps/evidence.ts";
import {
  formatMonth,
  formatPointsText,
} from "../../../src/bot/conversations/monthly-report-steps/format.ts";
import { looksLikePersonalName } from "../../../src/bot/conversations/monthly-report-steps/personal-name.ts";
import { renderPrompt } from "../../../src/bot/conversations/monthly-report-steps/prompts.ts";
import {
  renderConfirmation,
  renderSummary,
} from "../../../src/bot/conversations/monthly-report-steps/summary.ts";
import { translate } from "../../../src/bot/middleware/attach-language.ts";
import { BOOK } from "../../support/methodology.ts";

const ru = translate("ru");
const kk = translate("kk");
const text = (t: string): Answer => ({ kind: "text", text: t });
const button = (data: string): Answer => ({ kind: "button", data });

/** Applies answers one after another; each must be accepted. */
function answerAll(draft: MonthlyDraft, answers: Answer[]): MonthlyDraft {
  let d = draft;
  for (const a of answers) {
    const outcome = applyAnswer(d, a);
    if (outcome.kind !== "next")
      throw new Error(`refused ${JSON.stringify(a)}: ${JSON.stringify(outcome)}`);
    d = outcome.draft;
  }
  return d;
}

function refused(outcome: Outcome) {
  if (outcome.kind !== "problem") throw new Error(`expected a problem, got ${outcome.kind}`);
  return outcome;
}

/** October 2026: 3 explanatory events, 2 officials, 1 propaganda event published with 1 500 views. */
function fullDraft(): MonthlyDraft {
  return answerAll(emptyDraft("2026-10"), [
    button("add"),
    text("12"),
    text("Конфликт интересов"),
    text("40"),
    button("add"),
    text("15.10"),
    text("Этика госслужащего"),
    text("25"),
    button("add"),
    text("2026-10-20"),
    text("Подарки"),
    text("12"),
    button("done"),
    text("2"),
    text("Главный специалист отдела закупок"),
    text("14.10.2026"),
    text("Руководитель управления"),
    text("21"),
    button("add"),
    text("22"),
    text("Адалдық алаңы"),
    text("студенты колледжа"),
    button("done"),
    button("yes"),
    text("https://t.me/x/1\nhttps://instagram.com/p/2"),
    button("done"),
    text("1500"),
    button("next"),
  ]);
}

describe("the monthly report's answers", () => {
  it("walks through every section to the summary, keeping what was typed", () => {
    const d = fullDraft();
    expect(d.step).toEqual({ at: "summary" });
    expect(draftToReport(d)).toEqual({
      month: "2026-10",
      explanatoryEvents: [
        { date: "2026-10-12", topic: "Конфликт интересов", participants: 40 },
        { date: "2026-10-15", topic: "Этика госслужащего", participants: 25 },
        { date: "2026-10-20", topic: "Подарки", participants: 12 },
      ],
      preventiveTalks: [
        { position: "Главный специалист отдела закупок", date: "2026-10-14" },
        { position: "Руководитель управления", date: "2026-10-21" },
      ],
      propagandaEvents: [
        { date: "2026-10-22", topic: "Адалдық алаңы", audience: "студенты колледжа" },
      ],
      published: true,
      links: ["https://t.me/x/1", "https://instagram.com/p/2"],
      views: 1500,
    });
  });

  it("refuses a date outside the month, naming the month in words, and asks again", () => {
    const d = answerAll(emptyDraft("2026-10"), [button("add")]);
    const outcome = refused(applyAnswer(d, text("15.11.2026")));
    expect(outcome.draft.step).toEqual({ at: "explanatoryDate" });
    expect(problemText(ru, outcome.problem)).toBe(
      "❗ Дата не входит в отчётный месяц (октябрь 2026 г.).",
    );
    expect(problemText(kk, outcome.problem)).toBe(
      "❗ Бұл күн есепті айға (2026 ж. қазан) жатпайды.",
    );
    expect(problemText(ru, refused(applyAnswer(d, text("32"))).problem)).toMatch(/Это не дата/);
  });

  it("refuses a negative number, a fraction and words where a number is wanted", () => {
    const d = answerAll(emptyDraft("2026-10"), [button("add"), text("5"), text("Тема")]);
    const problem = (answer: string) =>
      problemText(ru, refused(applyAnswer(d, text(answer))).problem);
    expect(problem("-3")).toBe("❗ Число должно быть не меньше 1.");
    expect(problem("2,5")).toBe("❗ Нужно целое число.");
    expect(problem("сорок")).toBe("❗ Напишите число цифрами, например: 3.");
    const views = answerAll(fullDraft(), [
      button("edit"),
      button("sec:propaganda"),
      button("done"),
      button("yes"),
      button("done"),
    ]);
    expect(views.step).toEqual({ at: "views" });
    expect(problemText(kk, refused(applyAnswer(views, text("-1"))).problem)).toBe(
      "❗ Сан теріс болмауы керек.",
    );
  });

  it("keeps the valid links of a message and names the bad one", () => {
    const d = answerAll(emptyDraft("2026-10"), [
      button("done"),
      text("0"),
      button("add"),
      text("5"),
      text("Тема"),
      text("Аудитория"),
      button("done"),
      button("yes"),
    ]);
    const outcome = refused(applyAnswer(d, text("https://t.me/a htp:/bad")));
    expect(outcome.draft.links).toEqual(["https://t.me/a"]);
    expect(problemText(ru, outcome.problem)).toContain("Это не ссылка: htp:/bad");
    expect(refused(applyAnswer(d, button("done"))).problem.key).toBe("scoring:report.linkRequired");
  });

  it("refuses a position that looks like a person's full name", () => {
    const d = answerAll(emptyDraft("2026-10"), [button("done"), text("1")]);
    const outcome = refused(applyAnswer(d, text("Иванов Иван Иванович")));
    expect(problemText(ru, outcome.problem)).toContain("Напишите только должность");
    expect(looksLikePersonalName("Сейтқали Асқар Берікұлы")).toBe(true);
    expect(looksLikePersonalName("Петрова А. Б.")).toBe(true);
    expect(looksLikePersonalName("Главный специалист")).toBe(false);
    expect(looksLikePersonalName("Бөлім басшысы")).toBe(false);
  });

  it("goes back a question without losing what was entered", () => {
    const d = answerAll(emptyDraft("2026-10"), [
      button("add"),
      text("5"),
      text("Тема"),
      button("back"),
    ]);
    expect(d.step).toEqual({ at: "explanatoryTopic" });
    expect(d.pending).toEqual({ date: "2026-10-05", topic: "Тема" });
    expect(applyAnswer(emptyDraft("2026-10"), button("back"))).toEqual({ kind: "backToMonth" });
  });

  it("accepts photos and known documents up to 20 MB as evidence, refusing others", () => {
    const d = answerAll(emptyDraft("2026-10"), [
      button("done"),
      text("0"),
      button("done"),
      button("item:p4.t2.s3"),
    ]);
    const photo = applyAnswer(d, { kind: "photo", fileId: "ph1", size: 90_000 });
    expect(photo.kind === "next" && photo.draft.evidence).toEqual([
      { item: "p4.t2.s3", type: "photo", telegramFileId: "ph1", size: 90_000, mime: "image/jpeg" },
    ]);
    const doc = (size: number, fileName: string, mime: string | null = null) =>
      applyAnswer(d, { kind: "document", fileId: "d1", size, mime, fileName });
    expect(problemText(ru, refused(doc(21 * 1024 * 1024, "scan.pdf")).problem)).toMatch(
      /больше 20 МБ/,
    );
    expect(problemText(kk, refused(doc(1000, "run.exe")).problem)).toMatch(
      /файл түрі қабылданбайды/,
    );
    expect(
      checkEvidenceDocument({ size: 5, mime: "application/octet-stream", fileName: "a.DOCX" }),
    ).toEqual({
      ok: true,
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });

  it("only submits from the summary shown for the current revision", () => {
    const d = fullDraft();
    expect(applyAnswer(d, button(`submit:${d.revision}:7:2026-10`)).kind).toBe("submit");
    expect(applyAnswer(d, button(`submit:${d.revision - 1}:7:2026-10`)).kind).toBe("stale");
  });
});

describe("the monthly report's texts", () => {
  it("writes points with a decimal comma and the right word in both languages", () => {
    expect(formatPointsText(ru, 250)).toBe("2,5 балла");
    expect(formatPointsText(ru, 100)).toBe("1 балл");
    expect(formatPointsText(ru, 300)).toBe("3 балла");
    expect(formatPointsText(ru, 600)).toBe("6 баллов");
    expect(formatPointsText(ru, 2100)).toBe("21 балл");
    expect(formatPointsText(kk, 250)).toBe("2,5 балл");
    expect(formatPointsText(kk, 600)).toBe("6 балл");
    expect(formatMonth(ru, "2026-10")).toBe("октябрь 2026 г.");
    expect(formatMonth(kk, "2026-10")).toBe("2026 ж. қазан");
  });

  it("summarises each item with its points and the month's total (Russian)", () => {
    const summary = renderSummary(ru, fullDraft(), { late: false, methodology: BOOK });
    expect(summary).toContain("📋 Отчёт за октябрь 2026 г. — проверьте перед отправкой");
    expect(summary).toContain(
      "1. Разъяснительные и обучающие мероприятия: 3 — 6 баллов (не больше 10 баллов в месяц)",
    );
    expect(summary).toContain("1. 12.10.2026 — Конфликт интересов, 40 участников — 2 балла");
    expect(summary).toContain("2. Профилактическая работа с должностными лицами: 2 — 2 балла");
    expect(summary).toContain("1. 14.10.2026 — Главный специалист отдела закупок — 1 балл");
    expect(summary).toContain("Опубликовано в интернете: 2 ссылки, просмотров: 1\u00a0500");
    expect(summary).toContain("За охват от 1000 просмотров: 10 баллов");
    expect(summary).toContain("Итого за месяц: 28 баллов (максимум — 40 баллов)");
    expect(summary).not.toContain("опозданием");
    expect(renderSummary(ru, fullDraft(), { late: true, methodology: BOOK })).toContain(
      "с отметкой «с опозданием»",
    );
  });

  it("summarises each item with its points and the month's total (Kazakh)", () => {
    const summary = renderSummary(kk, fullDraft(), { late: false, methodology: BOOK });
    expect(summary).toContain("📋 Есеп кезеңі: 2026 ж. қазан — жібермес бұрын тексеріңіз");
    expect(summary).toContain(
      "1. Түсіндіру және оқыту іс-шаралары: 3 — 6 балл (айына ең көбі 10 балл)",
    );
    expect(summary).toContain("12.10.2026 — Конфликт интересов, 40 қатысушы — 2 балл");
    expect(summary).toContain("Айдың қорытындысы: 28 балл (ең көбі — 40 балл)");
  });

  it("stops counting explanatory events at the monthly cap of 10 points", () => {
    let d = emptyDraft("2026-10");
    for (let day = 1; day <= 6; day++)
      d = answerAll(d, [button("add"), text(String(day)), text(`Тема ${day}`), text("10")]);
    const summary = renderSummary(ru, d, { late: false, methodology: BOOK });
    expect(summary).toContain("6. 06.10.2026 — Тема 6, 10 участников — 0 баллов");
    expect(summary).toContain("Итого за месяц: 10 баллов");
  });

  it("confirms a submission with its version, points and lateness", () => {
    const text = renderConfirmation(ru, { month: "2026-09", version: 2, late: true, total: 1250 });
    expect(text).toContain("✅ Отчёт за сентябрь 2026 г. отправлен (версия 2).");
    expect(text).toContain("Баллы за месяц: 12,5 балла.");
    expect(text).toContain("с опозданием");
  });

  it("asks each question with its buttons, Back always among them", () => {
    const prompt = renderPrompt(kk, emptyDraft("2026-10"), {
      late: false,
      bodyId: 1,
      methodology: BOOK,
    });
    expect(prompt.text).toContain("1/4. Әдеп жөніндегі уәкілдің қатысуымен");
    expect(prompt.buttons.flat().map((b) => b.text)).toEqual([
      "➕ Іс-шара қосу",
      "✅ Дайын",
      "⬅ Артқа",
    ]);
    const summary = renderPrompt(ru, fullDraft(), { late: false, bodyId: 7, methodology: BOOK });
    expect(summary.buttons.flat().map((b) => b.text)).toEqual([
      "📤 Отправить отчёт",
      "✏️ Изменить раздел",
      "✖ Отмена",
      "⬅ Назад",
    ]);
  });
});
