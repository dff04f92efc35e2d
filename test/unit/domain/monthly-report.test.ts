import { describe, expect, it } from "vitest";
import { monthlyValuesOfDraft } from "../../../src/domain/forms/monthly/report.ts";
import { FIRST_MONTHLY_STEP } from "../../../src/domain/forms/monthly/steps.ts";
import { emptyReportDraft, type ReportDraft } from "../../../src/domain/reports/draft.ts";
import { scoreMonthlyValues } from "../../../src/domain/reports/monthly-report.ts";
import {
  checkCount,
  checkEventDate,
  checkTopic,
  checkUrl,
  REPORT_PROBLEM_CODES,
  reportProblemKey,
} from "../../../src/domain/reports/report-fields.ts";
import { scoreScorecard } from "../../../src/domain/scoring/scorecard.ts";
import { translator } from "../../../src/i18n.ts";
import { dataKey } from "../../../src/i18n-keys.ts";
import { V2026 } from "../../support/methodology.ts";

const event = (day: number) => ({
  date: `2026-10-${String(day).padStart(2, "0")}`,
  topic: "Этика",
  participants: 12,
});

/** October 2026: 7 explanatory events, 1 official, 1 propaganda event published with `views`. */
function report(views = 999): ReportDraft {
  return {
    ...emptyReportDraft("monthly", "2026-10", FIRST_MONTHLY_STEP),
    explanatoryEvents: [1, 2, 3, 4, 5, 6, 7].map(event),
    preventiveTalks: [{ position: "главный специалист", date: "2026-10-03" }],
    propagandaEvents: [
      {
        date: "2026-10-10",
        topic: "Права граждан",
        audience: "предприниматели",
        participants: 30,
        links: ["https://instagram.com/p/abc"],
        views,
      },
    ],
  };
}

const scoreOf = (d: ReportDraft, variants = {}) =>
  scoreMonthlyValues(V2026, monthlyValuesOfDraft(d), variants);

describe("checkEventDate", () => {
  it.each(["15", "15.10", "15.10.2026", "2026-10-15", " 15. "])(
    "reads %j as 15 October 2026",
    (input) => {
      expect(checkEventDate("2026-10", input)).toEqual({ ok: true, value: "2026-10-15" });
    },
  );

  it("refuses dates outside the month and non-dates", () => {
    expect(checkEventDate("2026-10", "15.11.2026")).toEqual({
      ok: false,
      code: "dateOutsideMonth",
      params: { month: "2026-10" },
    });
    expect(checkEventDate("2026-10", "2025-10-15")).toMatchObject({
      ok: false,
      code: "dateOutsideMonth",
    });
    expect(checkEventDate("2026-02", "30")).toMatchObject({ ok: false, code: "notADate" });
    expect(checkEventDate("2026-10", "yesterday")).toMatchObject({ ok: false, code: "notADate" });
  });
});

describe("checkCount, checkUrl, checkTopic", () => {
  it("accept whole numbers and refuse text, negatives and fractions", () => {
    expect(checkCount(" 12 ")).toEqual({ ok: true, value: 12 });
    expect(checkCount("twelve")).toMatchObject({ ok: false, code: "notANumber" });
    expect(checkCount("-3")).toMatchObject({ ok: false, code: "negative" });
    expect(checkCount("2,5")).toMatchObject({ ok: false, code: "notAnInteger" });
    expect(checkCount("1 000")).toEqual({ ok: true, value: 1000 });
    expect(checkCount("1\u00a0500")).toEqual({ ok: true, value: 1500 });
    expect(checkCount("1.000")).toEqual({ ok: true, value: 1000 });
    expect(checkCount("12 500 000")).toEqual({ ok: true, value: 12500000 });
    expect(checkCount("12,5 %")).toMatchObject({ ok: false, code: "percentNotCount" });
    expect(checkCount("45%")).toMatchObject({ ok: false, code: "percentNotCount" });
    expect(checkCount("1 0")).toMatchObject({ ok: false, code: "notANumber" });
    expect(checkCount("0", { min: 1 })).toEqual({
      ok: false,
      code: "tooSmall",
      params: { min: 1 },
    });
  });

  it("accept http(s) links, and a bare address as https", () => {
    expect(checkUrl("https://gov.kz/x")).toEqual({ ok: true, value: "https://gov.kz/x" });
    expect(checkUrl("gov.kz")).toEqual({ ok: true, value: "https://gov.kz" });
    expect(checkUrl("www.akimat.kz/news/1?a=b")).toEqual({
      ok: true,
      value: "https://www.akimat.kz/news/1?a=b",
    });
    expect(checkUrl("http://акимат.қаз/x")).toMatchObject({ ok: true });
    for (const bad of [
      "gov",
      "ftp://gov.kz",
      "javascript:alert(1)",
      "http://localhost",
      "два слова.kz",
      "10.0.0.1",
    ]) {
      expect(checkUrl(bad)).toMatchObject({ ok: false, code: "notAUrl" });
    }
  });

  it("trims topics and refuses empty ones", () => {
    expect(checkTopic("  Закон   о  коррупции ")).toEqual({ ok: true, value: "Закон о коррупции" });
    expect(checkTopic("   ")).toMatchObject({ ok: false, code: "emptyText" });
    expect(checkTopic("x".repeat(501))).toMatchObject({ ok: false, code: "textTooLong" });
  });

  it("have messages for every report problem in kk and ru", () => {
    for (const lang of ["kk", "ru"] as const) {
      const t = translator(lang);
      for (const code of REPORT_PROBLEM_CODES) {
        expect(
          t(dataKey(reportProblemKey(code)), { min: 1, max: 2, month: "2026-10" }),
        ).not.toMatch(/^scoring:|report\./);
      }
    }
  });
});

describe("the monthly report", () => {
  it("becomes the three monthly indicators' entries", () => {
    expect(monthlyValuesOfDraft(report())).toEqual({
      "p4.t2.s3": 7,
      "p4.t2.s4": 1,
      "p4.t3.s1": { events: 1, published: true, views: 999 },
    });
  });

  it("scores item by item up to the caps", () => {
    const s = scoreOf(report());
    expect(s.explanatoryEvents).toEqual({
      points: 1000,
      max: 1000,
      perItem: [200, 200, 200, 200, 200, 0, 0],
    });
    expect(s.preventiveTalks).toEqual({ points: 100, max: 1000, perItem: [100] });
    expect(s.propaganda).toEqual({
      points: 1500,
      max: 2000,
      report: 1000,
      publicity: 500,
      reach: 0,
    });
    expect(s.total).toBe(2600);
    expect(scoreOf(report(1000)).propaganda).toMatchObject({
      points: 2000,
      publicity: 0,
      reach: 1000,
    });
    expect(scoreOf(report(1000), { "p4.t3.s1": "additive" }).propaganda.points).toBe(2500);
  });

  it("agrees with scoreScorecard", () => {
    const r = report(1500);
    const v = monthlyValuesOfDraft(r);
    const b = scoreScorecard(V2026, {
      bodyKind: "central",
      p1Exempt: true,
      values: {
        "p4.t2.s3": [v["p4.t2.s3"]],
        "p4.t2.s4": [v["p4.t2.s4"]],
        "p4.t3.s1": [v["p4.t3.s1"]],
      },
    });
    const monthly = ["p4.t2.s3", "p4.t2.s4", "p4.t3.s1"].reduce(
      (sum, id) => sum + (b.indicators[id]?.points ?? 0),
      0,
    );
    expect(scoreOf(r).total).toBe(monthly);
  });
});
