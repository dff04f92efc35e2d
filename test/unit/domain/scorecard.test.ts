import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScorecard } from "../../../src/domain/scoring/parse-scorecard.ts";
import { type Scorecard, scoreScorecard } from "../../../src/domain/scoring/scorecard.ts";
import { INDICATOR_IDS, V2026 } from "../../support/methodology.ts";

const EXAMPLE: unknown = JSON.parse(
  readFileSync(new URL("./fixtures/example-scorecard.json", import.meta.url), "utf8"),
);

function example(): Scorecard {
  const r = parseScorecard(V2026, EXAMPLE);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe("scoreScorecard", () => {
  it("scores SCORING.md's example scorecard at 84,5", () => {
    const b = scoreScorecard(V2026, example());
    expect(b.total).toBe(8450);
    expect(b.indicators["p1.t1.s2"]).toEqual({ points: -1000, applicable: true, max: 0 });
    expect(b.indicators["p1.t4.s1"]?.points).toBe(-500);
    expect(b.indicators["p1.t5.s1"]).toEqual({ points: 1200, applicable: true });
    expect(b.methodologyVersion).toBe("2026.1");
  });

  it("scores the example under the cumulative reading of the risks: 4 + 3 × 2 + 5 = 15", () => {
    const b = scoreScorecard(V2026, example(), { variants: { "p1.t3.risks": "cumulative" } });
    expect(b.indicators["p1.t3.risks"]?.points).toBe(1500);
    expect(b.total).toBe(8650);
    expect(b.variants).toEqual({
      "p1.t3.risks": "cumulative",
      "p2.t5.s4": "ru",
      "p4.t3.s1": "default",
    });
  });

  it("lists contradicting values as warnings, scored by the deciding field", () => {
    const b = scoreScorecard(V2026, {
      bodyKind: "central",
      p1Exempt: false,
      values: {
        "p2.t5.s4": { provided: false, facts: 2 },
        "p4.t3.s1": [{ events: 0, published: false, views: 40 }],
      },
    });
    expect(b.indicators["p2.t5.s4"]?.points).toBe(-500);
    expect(b.indicators["p4.t3.s1"]?.points).toBe(0);
    expect(b.warnings).toEqual([
      { indicatorId: "p2.t5.s4", code: "factsWithoutInformation", params: { facts: 2 } },
      { indicatorId: "p4.t3.s1", code: "publicityWithoutEvents", entry: 1 },
    ]);
  });

  it("scores the example under each variant", () => {
    expect(scoreScorecard(V2026, example(), { variants: { "p2.t5.s4": "kk" } }).total).toBe(8150);
    expect(scoreScorecard(V2026, example(), { variants: { "p4.t3.s1": "additive" } }).total).toBe(
      8950,
    );
  });

  it("lists every indicator id, applicable or not, and groups them by task and project", () => {
    const b = scoreScorecard(V2026, example());
    expect(Object.keys(b.indicators)).toEqual(INDICATOR_IDS);
    expect(b.projects.map((p) => p.id)).toEqual(["p1", "p2", "p3", "p4"]);
    const p3 = b.projects[2];
    expect(p3?.tasks.map((t) => t.indicators.length)).toEqual([1, 9, 1]);
    expect(b.projects.reduce((sum, p) => sum + p.points, 0)).toBe(b.total);
  });

  it("gives bounded projects a maximum and leaves it out where counts are unbounded", () => {
    const b = scoreScorecard(V2026, example());
    expect(b.projects[0]?.max).toBeUndefined();
    expect(b.projects[2]?.max).toBeUndefined(); // ISO certification counts are unbounded
    expect(b.projects[2]?.tasks[1]?.max).toBe(1800);
    expect(b.projects[0]?.tasks[0]).toMatchObject({ points: -790, max: 300 });
  });

  it("excludes what does not apply to a central body from its maxima", () => {
    const b = scoreScorecard(V2026, { bodyKind: "central", p1Exempt: false, values: {} });
    expect(b.indicators["p4.t1.s1"]).toEqual({ points: 0, applicable: false });
    expect(b.projects[3]?.tasks[0]).toMatchObject({ points: 0, max: 0 });
  });

  it("does not score project 1 when the body is exempt, and shows the external plan's share", () => {
    const card = { ...example(), p1Exempt: true, p1ExternalPlan: { done: 3, total: 4 } };
    const b = scoreScorecard(V2026, card);
    expect(b.projects[0]).toMatchObject({ points: 0 });
    for (const id of INDICATOR_IDS.filter((i) => i.startsWith("p1."))) {
      expect(b.indicators[id]).toEqual({ points: 0, applicable: false });
    }
    expect(b.p1ExternalPlan).toEqual({ done: 3, total: 4 });
    expect(b.total).toBe(8450 - (-1000 + 210 - 500 - 500 + 1300 - 500 + 1200));
  });

  it("counts unreported flags as not done and an unreported offence count as 0", () => {
    const b = scoreScorecard(V2026, { bodyKind: "central", p1Exempt: false, values: {} });
    expect(b.total).toBe(-1000 - 1000 - 500 - 500 - 500 - 500);
    expect(b.indicators["p2.t2.s1"]?.points).toBe(0);
  });
});
