import { describe, expect, it } from "vitest";
import { METHODOLOGY } from "../../../src/domain/methodology/data.ts";
import {
  findIndicator,
  INDICATOR_IDS,
  INDICATORS,
} from "../../../src/domain/methodology/lookup.ts";
import { checkMethodology, SCORING_MD_IDS } from "../../../src/domain/methodology/validate.ts";

describe("the methodology data", () => {
  it("is consistent: unique ids, titles in both languages, inputs fit rules", () => {
    expect(checkMethodology(METHODOLOGY)).toEqual([]);
  });

  it("holds exactly the indicators of SCORING.md, in its order", () => {
    expect(INDICATOR_IDS).toEqual(SCORING_MD_IDS);
    expect(INDICATOR_IDS).toHaveLength(40);
  });

  it("has non-empty kk and ru titles for every project, task and indicator", () => {
    for (const project of METHODOLOGY.projects) {
      for (const item of [
        project,
        ...project.tasks,
        ...project.tasks.flatMap((t) => t.indicators),
      ]) {
        expect(item.title.kk.trim(), item.id).not.toBe("");
        expect(item.title.ru.trim(), item.id).not.toBe("");
      }
    }
  });

  it("applies the corrected titles of the discrepancies", () => {
    const p1 = METHODOLOGY.projects[0];
    expect(p1?.tasks[0]?.title.ru).toBe(
      "Подготовка к проведению внутреннего анализа коррупционных рисков",
    );
    expect(p1?.tasks[2]?.title.ru).toBe("Выявление и устранение коррупционных рисков");
    expect(p1?.tasks[2]?.title.kk).toBe("Сыбайлас жемқорлық тәуекелдерін анықтау және жою");
    expect(findIndicator("p2.t3.s2")?.title.ru).toMatch(/увольнением/);
  });

  it("reports a broken copy of the data", () => {
    const [p1, ...rest] = METHODOLOGY.projects;
    const [t1, ...tasks] = p1?.tasks ?? [];
    const s1 = t1?.indicators[0];
    if (!p1 || !t1 || !s1) throw new Error("no p1.t1.s1");
    const doubled = { ...t1, indicators: [...t1.indicators, s1] };
    const untitled = { ...s1, id: "p1.t1.s9", title: { kk: "", ru: "x" } };
    const broken = {
      version: "2026",
      projects: [
        { ...p1, tasks: [{ ...doubled, indicators: [...doubled.indicators, untitled] }, ...tasks] },
        ...rest,
      ],
    };
    expect(checkMethodology(broken)).toEqual([
      "version: bad version 2026",
      "p1.t1.s1: duplicate id",
      "p1.t1.s9: empty title",
    ]);
  });

  it("names what each share counts over", () => {
    const over = Object.fromEntries(
      INDICATORS.filter((d) => d.countsOver).map((d) => [d.id, d.countsOver]),
    );
    expect(over["p1.t1.s3"]).toBe("subdivisions");
    expect(over["p1.t4.s1"]).toBe("organisations");
    expect(over["p3.t2.s9"]).toBe("supervisedOrganisations");
    expect(over["p4.t1.s2"]).toBe("districts");
    expect(over["p4.t2.s2"]).toBe("employees");
  });

  it("marks regional-only indicators and periods", () => {
    const regional = INDICATORS.filter((d) => !d.appliesTo.includes("central")).map((d) => d.id);
    expect(regional).toEqual(["p1.t5.s1", "p4.t1.s1", "p4.t1.s2"]);
    const periodic = INDICATORS.filter((d) => d.period !== "annual").map(
      (d) => `${d.id}:${d.period}`,
    );
    expect(periodic).toEqual([
      "p4.t1.s1:quarterly",
      "p4.t2.s3:monthly",
      "p4.t2.s4:monthly",
      "p4.t3.s1:monthly",
    ]);
  });
});
