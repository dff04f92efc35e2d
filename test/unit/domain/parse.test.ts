import { describe, expect, it } from "vitest";
import { describeProblem, problemMessageKey } from "../../../src/domain/problems.ts";
import { parseScorecard } from "../../../src/domain/scoring/parse-scorecard.ts";
import {
  parseIndicatorInput,
  parseIndicatorValue,
} from "../../../src/domain/scoring/parse-value.ts";
import { translator } from "../../../src/i18n.ts";
import { byDataKeys } from "../../../src/i18n-keys.ts";
import { V2026 } from "../../support/methodology.ts";

const codes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : r.problems?.map((p) => p.code);

describe("parseIndicatorValue", () => {
  it("accepts one valid entry of each kind", () => {
    expect(parseIndicatorValue(V2026, "p1.t1.s1", true)).toEqual({ ok: true, value: true });
    expect(parseIndicatorValue(V2026, "p1.t1.s3", { done: 7, total: 10 }).ok).toBe(true);
    expect(parseIndicatorValue(V2026, "p4.t2.s3", 3)).toEqual({ ok: true, value: 3 });
    expect(parseIndicatorValue(V2026, "p4.t1.s1", { held: false }).ok).toBe(true);
    expect(
      parseIndicatorValue(V2026, "p4.t3.s1", { events: 1, published: true, views: 0 }).ok,
    ).toBe(true);
    // Contradicting but valid: scored by the deciding field, with a warning (warnings.ts).
    expect(parseIndicatorValue(V2026, "p2.t5.s4", { provided: false, facts: 2 }).ok).toBe(true);
  });

  it.each([
    ["p9.t1.s1", 1, "unknownIndicator"],
    ["p1.t1.s1", "yes", "notABoolean"],
    ["p1.t1.s3", 5, "notAnObject"],
    ["p1.t1.s3", { done: 1.5, total: 2 }, "notAnInteger"],
    ["p1.t1.s3", { done: -1, total: 2 }, "negative"],
    ["p1.t1.s3", { done: 3, total: 2 }, "doneExceedsTotal"],
    ["p1.t1.s3", { done: 1 }, "missingField"],
    ["p1.t1.s3", { done: 1, total: 2, extra: 0 }, "unknownField"],
    ["p1.t3.risks", { identified: 1, eliminated: 2, completed: 0 }, "risksOutOfOrder"],
    ["p1.t3.risks", { identified: 5, eliminated: 2, completed: 3 }, "risksOutOfOrder"],
    [
      "p4.t1.s1",
      { held: true, districts: 3, districtsNotHeld: 4 },
      "districtsNotHeldExceedsDistricts",
    ],
    ["p4.t1.s1", { held: true }, "missingField"],
    ["p4.t2.s1", { headcount: 10, trained: 11 }, "trainedExceedsHeadcount"],
    ["p4.t3.s1", { events: 1, published: true, views: -1 }, "negative"],
    ["p2.t2.s1", 2e15, "tooLarge"],
    ["p2.t2.s1", "3", "notAnInteger"],
  ])("refuses %s = %j with %s", (id, raw, code) => {
    expect(codes(parseIndicatorValue(V2026, id, raw))).toContain(code);
  });

  it("names the indicator and the field in each problem", () => {
    const r = parseIndicatorValue(V2026, "p1.t1.s3", { done: 3, total: 2 });
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          indicatorId: "p1.t1.s3",
          code: "doneExceedsTotal",
          params: { field: "done", done: 3, total: 2 },
        },
      ],
    });
  });
});

describe("parseIndicatorInput", () => {
  it("wants a list for monthly and quarterly indicators", () => {
    expect(codes(parseIndicatorInput(V2026, "p4.t2.s3", 3))).toEqual(["notAList"]);
    expect(parseIndicatorInput(V2026, "p4.t2.s3", [3, 4])).toEqual({ ok: true, value: [3, 4] });
  });

  it("refuses more than 12 months or 4 quarters", () => {
    expect(parseIndicatorInput(V2026, "p4.t2.s4", Array(13).fill(1))).toMatchObject({
      ok: false,
      problems: [{ code: "tooManyEntries", params: { max: 12 } }],
    });
    expect(codes(parseIndicatorInput(V2026, "p4.t1.s1", Array(5).fill({ held: false })))).toEqual([
      "tooManyEntries",
    ]);
  });

  it("numbers the bad entries from 1", () => {
    const r = parseIndicatorInput(V2026, "p4.t2.s3", [1, -2, 1.5]);
    expect(r.ok ? [] : r.problems.map((p) => p.params?.entry)).toEqual([2, 3]);
  });
});

describe("parseScorecard", () => {
  it("reports every problem at once", () => {
    const r = parseScorecard(V2026, {
      bodyKind: "ministry",
      values: { "p1.t1.s3": { done: 11, total: 10 }, "p4.t2.s3": [-1], nope: 1 },
    });
    expect(codes(r)).toEqual(["wrongShape", "doneExceedsTotal", "negative", "unknownIndicator"]);
  });

  it("refuses a scorecard without values or of the wrong type", () => {
    expect(codes(parseScorecard(V2026, []))).toEqual(["notAnObject"]);
    expect(codes(parseScorecard(V2026, { bodyKind: "central" }))).toEqual(["missingField"]);
    expect(
      codes(parseScorecard(V2026, { bodyKind: "central", values: {}, p1Exempt: "no" })),
    ).toEqual(["notABoolean"]);
    expect(codes(parseScorecard(V2026, { bodyKind: "central", values: {}, extra: 1 }))).toEqual([
      "unknownField",
    ]);
  });

  it("reads p1Exempt as false when left out, and the external plan's share", () => {
    expect(parseScorecard(V2026, { bodyKind: "central", values: {} })).toEqual({
      ok: true,
      value: { bodyKind: "central", p1Exempt: false, values: {} },
    });
    const r = parseScorecard(V2026, {
      bodyKind: "central",
      p1Exempt: true,
      p1ExternalPlan: { done: 3, total: 2 },
      values: {},
    });
    expect(r).toMatchObject({
      ok: false,
      problems: [{ indicatorId: "p1ExternalPlan", code: "doneExceedsTotal" }],
    });
  });
});

describe("problem messages", () => {
  it("have a message key per code and read naturally in every language", () => {
    const problem = {
      indicatorId: "p1.t1.s3",
      code: "doneExceedsTotal" as const,
      params: { field: "done", done: 3, total: 2 },
    };
    expect(problemMessageKey(problem)).toBe("scoring:problems.doneExceedsTotal");
    expect(describeProblem(problem, byDataKeys(translator("en")))).toBe(
      "p1.t1.s3, field “done”: done (3) is greater than total (2)",
    );
    expect(describeProblem(problem, byDataKeys(translator("ru")))).toBe(
      "Индикатор оценки p1.t1.s3, поле «выполнено»: выполнено (3) больше, чем всего (2)",
    );
    expect(describeProblem(problem, byDataKeys(translator("kk")))).toContain("p1.t1.s3");
  });
});
