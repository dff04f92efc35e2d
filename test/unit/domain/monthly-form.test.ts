import { describe, expect, it } from "vitest";
import type { FormAnswer } from "../../../src/domain/forms/answer.ts";
import {
  applyMonthlyAnswer,
  type MonthlyFormEnv,
} from "../../../src/domain/forms/monthly/apply.ts";
import { medianOf, NO_HISTORY, unusualValue } from "../../../src/domain/forms/monthly/history.ts";
import { evidenceItemsOf } from "../../../src/domain/forms/monthly/items.ts";
import {
  parseExplanatoryLines,
  parsePreventiveLines,
} from "../../../src/domain/forms/monthly/lines.ts";
import { monthlyValuesOfDraft } from "../../../src/domain/forms/monthly/report.ts";
import { FIRST_MONTHLY_STEP, monthlyStepOf } from "../../../src/domain/forms/monthly/steps.ts";
import type { FormOutcome } from "../../../src/domain/forms/outcome.ts";
import {
  emptyReportDraft,
  type ReportDraft,
  reportDraftSchema,
} from "../../../src/domain/reports/draft.ts";

const env: MonthlyFormEnv = { history: NO_HISTORY, now: "2026-11-03T10:00:00.000Z" };
const text = (t: string): FormAnswer => ({ kind: "text", text: t });
const button = (data: string): FormAnswer => ({ kind: "button", data });
const fresh = () => emptyReportDraft("monthly", "2026-10", FIRST_MONTHLY_STEP);

function answerAll(draft: ReportDraft, answers: FormAnswer[], e = env): ReportDraft {
  let d = draft;
  for (const a of answers) {
    const outcome = applyMonthlyAnswer(d, a, e);
    if (outcome.kind !== "saved")
      throw new Error(`refused ${JSON.stringify(a)}: ${JSON.stringify(outcome)}`);
    d = outcome.draft;
  }
  return d;
}

function refused(outcome: FormOutcome) {
  if (outcome.kind !== "refused") throw new Error(`expected a refusal, got ${outcome.kind}`);
  return outcome;
}

/** October 2026: 2 explanatory events, 1 official, 2 propaganda events (one published, 1 500 views). */
function fullDraft(): ReportDraft {
  return answerAll(fresh(), [
    button("add"),
    text("12"),
    text("Конфликт интересов"),
    text("40"),
    text("15.10; Этика госслужащего; 25"),
    button("done"),
    button("add"),
    text("Главный специалист отдела закупок"),
    text("14.10.2026"),
    button("done"),
    button("add"),
    text("22"),
    text("Адалдық алаңы"),
    text("студенты колледжа"),
    text("120"),
    button("yes"),
    text("t.me/x/1\nhttps://instagram.com/p/2"),
    button("done"),
    text("1 500"),
    button("add"),
    text("25.10"),
    text("Лекция в школе"),
    text("школьники"),
    text("60"),
    button("no"),
    button("done"),
  ]);
}

describe("the monthly form", () => {
  it("walks the whole month one question at a time and keeps every answer where it was given", () => {
    const d = fullDraft();
    expect(d.explanatoryEvents).toEqual([
      { date: "2026-10-12", topic: "Конфликт интересов", participants: 40 },
      { date: "2026-10-15", topic: "Этика госслужащего", participants: 25 },
    ]);
    expect(d.preventiveTalks).toEqual([
      { position: "Главный специалист отдела закупок", date: "2026-10-14" },
    ]);
    expect(d.propagandaEvents).toEqual([
      {
        date: "2026-10-22",
        topic: "Адалдық алаңы",
        audience: "студенты колледжа",
        participants: 120,
        links: ["https://t.me/x/1", "https://instagram.com/p/2"],
        views: 1500,
      },
      {
        date: "2026-10-25",
        topic: "Лекция в школе",
        audience: "школьники",
        participants: 60,
        links: [],
        views: null,
      },
    ]);
    expect(monthlyStepOf(d)).toEqual({ at: "evidence", page: 0 });
    expect(monthlyValuesOfDraft(d)).toEqual({
      "p4.t2.s3": 2,
      "p4.t2.s4": 1,
      "p4.t3.s1": { events: 2, published: true, views: 1500 },
    });
    expect(reportDraftSchema.safeParse(d).success).toBe(true);
  });

  it("refuses a date outside the month and keeps what was typed", () => {
    const d = answerAll(fresh(), [button("add")]);
    const outcome = refused(applyMonthlyAnswer(d, text("15.11"), env));
    expect(outcome.problem).toEqual({
      key: "scoring:report.dateOutsideMonth",
      params: { month: "2026-10" },
    });
    expect(monthlyStepOf(outcome.draft)).toEqual({ at: "explanatoryDate" });
  });

  it("gives a date example inside the month being reported", () => {
    const d = answerAll(emptyReportDraft("monthly", "2026-02", FIRST_MONTHLY_STEP), [
      button("add"),
    ]);
    const outcome = refused(applyMonthlyAnswer(d, text("вчера"), env));
    expect(outcome.problem.params).toEqual({ day: "15", date: "15.02.2026" });
  });

  it("reads counts people write and refuses percentages and words with the reason", () => {
    const d = answerAll(fresh(), [button("add"), text("12"), text("Тема")]);
    expect(applyMonthlyAnswer(d, text("1 000"), env)).toMatchObject({ kind: "saved" });
    expect(applyMonthlyAnswer(d, text("1.000"), env)).toMatchObject({ kind: "saved" });
    expect(refused(applyMonthlyAnswer(d, text("12,5 %"), env)).problem.key).toBe(
      "scoring:report.percentNotCount",
    );
    expect(refused(applyMonthlyAnswer(d, text("двадцать"), env)).problem.key).toBe(
      "scoring:report.notANumber",
    );
    expect(refused(applyMonthlyAnswer(d, text("2,5"), env)).problem.key).toBe(
      "scoring:report.notAnInteger",
    );
  });

  it("refuses a person's name as a position", () => {
    const d = answerAll(fresh(), [button("done"), button("add")]);
    const outcome = refused(applyMonthlyAnswer(d, text("Иванов Иван Иванович"), env));
    expect(outcome.problem.key).toBe("monthly-report:problems.personalName");
  });

  it("takes several officials in one message, one per line, naming the line it could not read", () => {
    const d = answerAll(fresh(), [button("done")]);
    const outcome = refused(
      applyMonthlyAnswer(
        d,
        text("Главный специалист; 12.10\nРуководитель управления; 40.10\nНачальник отдела; 20"),
        env,
      ),
    );
    expect(outcome.draft.preventiveTalks).toEqual([
      { position: "Главный специалист", date: "2026-10-12" },
      { position: "Начальник отдела", date: "2026-10-20" },
    ]);
    expect(outcome.problem).toMatchObject({
      key: "monthly-report:problems.badLines",
      params: {
        count: 2,
        bad: 1,
        line: "Руководитель управления; 40.10",
        reason: "scoring:report.notADate",
      },
    });
  });

  it("keeps valid links and names a bad one, accepting an address without https://", () => {
    const d = answerAll(fresh(), [
      button("done"),
      button("done"),
      button("add"),
      text("1"),
      text("Тема"),
      text("жители"),
      text("10"),
      button("yes"),
    ]);
    const outcome = refused(applyMonthlyAnswer(d, text("akimat.kz/news/1 not-a-link"), env));
    expect(outcome.draft.pending.links).toEqual(["https://akimat.kz/news/1"]);
    expect(outcome.problem).toMatchObject({
      key: "monthly-report:problems.badLinks",
      params: { link: "not-a-link" },
    });
  });

  it("asks to confirm views far beyond last month's, and stores the confirmation for reviewers", () => {
    const history = {
      ...NO_HISTORY,
      previous: { month: "2026-09", explanatory: 1, preventive: 1, propaganda: 1, views: 100 },
    };
    const e = { ...env, history };
    const d = answerAll(
      fresh(),
      [
        button("done"),
        button("done"),
        button("add"),
        text("1"),
        text("Тема"),
        text("жители"),
        text("10"),
        button("yes"),
        text("t.me/a"),
        button("done"),
      ],
      e,
    );
    const asked = applyMonthlyAnswer(d, text("6000"), e);
    expect(asked).toMatchObject({ kind: "saved" });
    if (asked.kind !== "saved") return;
    expect(monthlyStepOf(asked.draft)).toEqual({
      at: "confirm",
      field: "views",
      value: 6000,
      usual: 100,
    });
    const fixed = applyMonthlyAnswer(asked.draft, button("fix"), e);
    expect(fixed.kind === "saved" && monthlyStepOf(fixed.draft)).toEqual({ at: "propagandaViews" });
    const confirmed = applyMonthlyAnswer(asked.draft, button("confirm"), e);
    if (confirmed.kind !== "saved") throw new Error("not confirmed");
    expect(confirmed.draft.propagandaEvents[0]?.views).toBe(6000);
    expect(confirmed.draft.confirmations).toEqual([
      { field: "views", value: 6000, usual: 100, at: env.now },
    ]);
    // 4 999 views is under 50 times 100: no question.
    expect(applyMonthlyAnswer(d, text("4999"), e)).toMatchObject({
      kind: "saved",
      draft: { step: { at: "propaganda" } },
    });
  });

  it("asks to confirm ten times the yearly median of events", () => {
    const e = {
      ...env,
      history: { ...NO_HISTORY, median: { explanatory: 2, preventive: 0, propaganda: 0 } },
    };
    const lines = Array.from({ length: 20 }, (_, i) => `${(i % 28) + 1}.10; Тема ${i}; 5`).join(
      "\n",
    );
    const d = answerAll(fresh(), [text(lines)], e);
    const outcome = applyMonthlyAnswer(d, button("done"), e);
    expect(outcome.kind === "saved" && monthlyStepOf(outcome.draft)).toEqual({
      at: "confirm",
      field: "explanatoryCount",
      value: 20,
      usual: 2,
    });
  });

  it("attaches files to one event and refuses an .exe whatever it claims to be", () => {
    const d = fullDraft();
    const items = evidenceItemsOf(d).map((i) => i.item);
    expect(items).toEqual([
      "p4.t2.s3",
      "p4.t2.s4",
      "p4.t3.s1",
      "event:explanatory:0",
      "event:explanatory:1",
      "event:propaganda:0",
      "event:propaganda:1",
    ]);
    const picked = answerAll(d, [button("item:event:propaganda:1")]);
    const exe = applyMonthlyAnswer(
      picked,
      {
        kind: "file",
        file: {
          type: "document",
          telegramFileId: "f1",
          size: 10,
          mime: "application/pdf",
          name: "report.exe",
        },
      },
      env,
    );
    expect(refused(exe).problem.key).toBe("monthly-report:problems.unsupportedFile");
    const pdf = applyMonthlyAnswer(
      picked,
      {
        kind: "file",
        file: {
          type: "document",
          telegramFileId: "f2",
          size: 10,
          mime: "application/octet-stream",
          name: "акт.pdf",
        },
      },
      env,
    );
    expect(pdf.kind === "saved" && pdf.draft.evidence).toEqual([
      {
        item: "event:propaganda:1",
        type: "document",
        telegramFileId: "f2",
        mime: "application/pdf",
        size: 10,
        name: "акт.pdf",
      },
    ]);
  });

  it("goes back one question at a time and to the month choice from the first", () => {
    const d = answerAll(fresh(), [button("add"), text("12")]);
    expect(monthlyStepOf(d)).toEqual({ at: "explanatoryTopic" });
    const back = answerAll(d, [button("back"), button("back")]);
    expect(monthlyStepOf(back)).toEqual({ at: "explanatory" });
    expect(applyMonthlyAnswer(back, button("back"), env)).toEqual({ kind: "leave" });
  });

  it("submits only from the summary, pauses on cancel, pages long summaries", () => {
    const d = answerAll(fullDraft(), [button("next")]);
    expect(monthlyStepOf(d)).toEqual({ at: "summary", page: 0 });
    expect(applyMonthlyAnswer(d, button("submit"), env)).toEqual({ kind: "submit", draft: d });
    expect(applyMonthlyAnswer(d, button("cancel"), env)).toEqual({ kind: "pause" });
    expect(applyMonthlyAnswer(d, button("page:1"), env)).toMatchObject({
      kind: "saved",
      draft: { step: { at: "summary", page: 1 } },
    });
  });

  it("edits one part from the summary and returns straight to it", () => {
    const d = answerAll(fullDraft(), [
      button("next"),
      button("edit"),
      button("sec:preventive"),
      button("undo"),
      button("done"),
    ]);
    expect(d.preventiveTalks).toEqual([]);
    expect(monthlyStepOf(d)).toEqual({ at: "summary", page: 0 });
  });

  it("grows the revision with every saved answer", () => {
    const d = answerAll(fresh(), [button("add"), text("12")]);
    expect(d.revision).toBe(2);
  });
});

describe("lines and history", () => {
  it("shows how a line is written with a date inside the report's month", () => {
    expect(parseExplanatoryLines("2026-09", "Тема; 25").bad[0]?.problem).toEqual({
      key: "monthly-report:problems.explanatoryLineFormat",
      params: { date: "15.09" },
    });
    expect(parsePreventiveLines("2026-02", "Главный специалист").bad[0]?.problem.params).toEqual({
      date: "15.02",
    });
  });

  it("reads explanatory lines with dates, topics and participants", () => {
    expect(parseExplanatoryLines("2026-10", "15.10; Тема; 25\n\n16; Другая тема; 1 200")).toEqual({
      items: [
        { date: "2026-10-15", topic: "Тема", participants: 25 },
        { date: "2026-10-16", topic: "Другая тема", participants: 1200 },
      ],
      bad: [],
    });
    expect(parsePreventiveLines("2026-10", "Иванов Иван Иванович; 12").bad[0]?.problem.key).toBe(
      "monthly-report:problems.personalName",
    );
  });

  it("takes the median and the unusual ratio", () => {
    expect(medianOf([])).toBe(0);
    expect(medianOf([5, 1, 3])).toBe(3);
    expect(medianOf([4, 1, 3, 2])).toBe(2);
    const history = { previous: null, median: { explanatory: 3, preventive: 0, propaganda: 1 } };
    expect(unusualValue("explanatoryCount", 29, history)).toBeUndefined();
    expect(unusualValue("explanatoryCount", 30, history)).toBe(3);
    expect(unusualValue("preventiveCount", 100, history)).toBeUndefined();
  });
});
