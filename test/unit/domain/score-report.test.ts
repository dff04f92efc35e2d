import { expect, test } from "vitest";
import { indicatorsOfReport, scoreReport } from "../../../src/domain/scoring/score-report.ts";
import { scoreScorecard } from "../../../src/domain/scoring/scorecard.ts";
import { V2026 } from "../../support/methodology.ts";

test("a monthly report carries exactly the three monthly indicators", () => {
  expect(indicatorsOfReport(V2026, "monthly").map((d) => d.id)).toEqual([
    "p4.t2.s3",
    "p4.t2.s4",
    "p4.t3.s1",
  ]);
});

test("a quarterly report carries only the commission meetings", () => {
  expect(indicatorsOfReport(V2026, "quarterly").map((d) => d.id)).toEqual(["p4.t1.s1"]);
});

test("one month is capped on its own: 7 events earn 10, not 14", () => {
  const score = scoreReport(V2026, {
    bodyKind: "central",
    p1Exempt: false,
    kind: "monthly",
    values: {
      "p4.t2.s3": 7,
      "p4.t2.s4": 3,
      "p4.t3.s1": { events: 1, published: true, views: 999 },
    },
  });
  expect(score.total).toBe(1000 + 300 + 1500);
});

test("a report's points equal the scorecard's for the same values", () => {
  const values = {
    "p4.t2.s3": 3,
    "p4.t2.s4": 12,
    "p4.t3.s1": { events: 2, published: true, views: 1500 },
  };
  const report = scoreReport(V2026, {
    bodyKind: "regional",
    p1Exempt: false,
    kind: "monthly",
    values,
  });
  const card = scoreScorecard(V2026, {
    bodyKind: "regional",
    p1Exempt: false,
    values: { "p4.t2.s3": [3], "p4.t2.s4": [12], "p4.t3.s1": [values["p4.t3.s1"]] },
  });
  for (const line of report.indicators) expect(line.points).toBe(card.indicators[line.id]?.points);
});

test("the annual report leaves monthly and quarterly indicators out, penalties in", () => {
  const score = scoreReport(V2026, {
    bodyKind: "central",
    p1Exempt: false,
    kind: "annual",
    values: {},
  });
  const ids = score.indicators.map((s) => s.id);
  expect(ids).not.toContain("p4.t2.s3");
  expect(ids).not.toContain("p4.t1.s1");
  // Flags not reported count as not done (−10 −10 −5 −5), p1.t4.s1 with nothing done −5,
  // and p2.t5.s4 with no information given −5.
  expect(score.total).toBe(-4000);
});

test("a central body's annual report marks the regional-only indicators not applicable", () => {
  const score = scoreReport(V2026, {
    bodyKind: "central",
    p1Exempt: false,
    kind: "annual",
    values: { "p1.t5.s1": 4 },
  });
  const cartogram = score.indicators.find((s) => s.id === "p1.t5.s1");
  expect(cartogram).toMatchObject({ applicable: false, points: 0 });
});
