import { describe, expect, it } from "vitest";
import { findIndicator } from "../../../src/domain/methodology/lookup.ts";
import { MAX_SHORT_TITLE } from "../../../src/domain/methodology/schema.ts";
import { INDICATOR_IDS, V2026 } from "../../support/methodology.ts";

/** Every indicator id the scoring rulebook (SCORING.md) defines, in its order. */
const SCORING_MD_IDS: readonly string[] = [
  ...["p1.t1.s1", "p1.t1.s2", "p1.t1.s3", "p1.t2.s1", "p1.t2.s2", "p1.t2.s3"],
  ...["p1.t3.s1", "p1.t3.s2", "p1.t3.s3", "p1.t3.risks", "p1.t4.s1", "p1.t5.s1"],
  ...["p2.t1.s1", "p2.t2.s1", "p2.t3.s1", "p2.t3.s2", "p2.t4.s1"],
  ...["p2.t5.s1", "p2.t5.s2", "p2.t5.s3", "p2.t5.s4", "p2.t5.s5"],
  "p3.t1.s1",
  ...Array.from({ length: 9 }, (_, i) => `p3.t2.s${i + 1}`),
  "p3.t3.s1",
  ...["p4.t1.s1", "p4.t1.s2", "p4.t2.s1", "p4.t2.s2", "p4.t2.s3", "p4.t2.s4", "p4.t3.s1"],
];

const everything = () =>
  V2026.projects.flatMap((p) => [p, ...p.tasks, ...p.tasks.flatMap((t) => t.indicators)]);

describe("the methodology file 2026.1", () => {
  it("holds exactly the indicators of SCORING.md, in its order", () => {
    expect(INDICATOR_IDS).toEqual(SCORING_MD_IDS);
    expect(INDICATOR_IDS).toHaveLength(40);
  });

  it("applies from 2025, the year whose reports were the first filed", () => {
    expect(V2026.id).toBe("2026.1");
    expect(V2026.appliesFrom).toBe("2025");
  });

  it("numbers projects, tasks and indicators as the methodology prints them", () => {
    expect(V2026.projects.map((p) => p.number)).toEqual(["1", "2", "3", "4"]);
    expect(findIndicator(V2026, "p1.t3.s2")?.number).toBe("1.3.2");
    // The risks are the second indicator of sub-task 1.3.3 in both texts.
    expect(findIndicator(V2026, "p1.t3.risks")?.number).toBe("1.3.3");
    expect(findIndicator(V2026, "p3.t2.s9")?.number).toBe("3.2.9");
    expect(V2026.projects[3]?.tasks.map((t) => t.number)).toEqual(["4.1", "4.2", "4.3"]);
  });

  it("gives every item kk and ru titles and short titles that fit a button", () => {
    for (const item of everything()) {
      for (const lang of ["kk", "ru"] as const) {
        expect(item.title[lang].trim(), item.id).not.toBe("");
        expect(item.shortTitle[lang].length, `${item.id} ${lang}`).toBeLessThanOrEqual(
          MAX_SHORT_TITLE,
        );
        expect(item.shortTitle[lang].trim(), item.id).not.toBe("");
      }
    }
  });

  it("applies the corrected titles of the discrepancies", () => {
    const p1 = V2026.projects[0];
    expect(p1?.tasks[0]?.title.ru).toBe(
      "Подготовка к проведению внутреннего анализа коррупционных рисков",
    );
    expect(p1?.tasks[2]?.title.ru).toBe("Выявление и устранение коррупционных рисков");
    expect(p1?.tasks[2]?.title.kk).toBe("Сыбайлас жемқорлық тәуекелдерін анықтау және жою");
    expect(findIndicator(V2026, "p2.t3.s2")?.title.ru).toMatch(/увольнением/);
  });

  it("names what each share counts over: p1.t4.s1 both lists, project 3 quasi-public only", () => {
    const over = Object.fromEntries(
      V2026.indicators.filter((d) => d.countsOver).map((d) => [d.id, d.countsOver]),
    );
    expect(over["p1.t1.s3"]).toBe("subdivisions");
    expect(over["p1.t4.s1"]).toBe("subordinatesAndQuasiPublic");
    expect(over["p3.t1.s1"]).toBe("quasiPublic");
    expect(over["p3.t2.s9"]).toBe("quasiPublic");
    expect(over["p4.t1.s2"]).toBe("districts");
    expect(over["p4.t2.s2"]).toBe("employees");
  });

  it("marks regional-only indicators and periods", () => {
    const regional = V2026.indicators.filter((d) => !d.appliesTo.includes("central"));
    expect(regional.map((d) => d.id)).toEqual(["p1.t5.s1", "p4.t1.s1", "p4.t1.s2"]);
    const periodic = V2026.indicators
      .filter((d) => d.period !== "annual")
      .map((d) => `${d.id}:${d.period}`);
    expect(periodic).toEqual([
      "p4.t1.s1:quarterly",
      "p4.t2.s3:monthly",
      "p4.t2.s4:monthly",
      "p4.t3.s1:monthly",
    ]);
  });

  it("keeps the readings of the discrepancies as named variants", () => {
    const variants = V2026.indicators
      .filter((d) => Object.keys(d.variants).length > 0)
      .map((d) => `${d.id}:${d.reading}→${Object.keys(d.variants).join(",")}`);
    expect(variants).toEqual([
      "p1.t3.risks:default→cumulative",
      "p2.t5.s4:ru→kk",
      "p4.t3.s1:default→additive",
    ]);
  });

  it("writes points exactly as integer hundredths, caps included", () => {
    expect(findIndicator(V2026, "p1.t1.s3")?.rule).toEqual({
      kind: "shareSteps",
      perStep: 30,
      minSteps: 0,
    });
    expect(findIndicator(V2026, "p1.t1.s1")?.rule).toEqual({ kind: "flagPenalty", notDone: -1000 });
    expect(findIndicator(V2026, "p4.t2.s3")).toMatchObject({
      rule: { kind: "perCount", perItem: 200 },
      cap: 1000,
    });
  });
});
