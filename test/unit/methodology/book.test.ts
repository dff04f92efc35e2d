import { describe, expect, it } from "vitest";
import {
  createMethodologyBook,
  MethodologyBookError,
  periodsTakenOver,
} from "../../../src/domain/methodology/book.ts";
import { scoreReport } from "../../../src/domain/scoring/score-report.ts";
import { variantsNoVersionKnows } from "../../../src/methodology/load.ts";
import { changedCopy, fileIndicator, V2026 } from "../../support/methodology.ts";

// Next year's version: an explanatory event is worth 3 points instead of 2, up to 12 a month.
const V2027 = changedCopy("2027.1", "2027", (file) => {
  const events = fileIndicator(file, "p4.t2.s3");
  events.rule.perItem = 3;
  events.cap = 12;
});

const month = (version: typeof V2026, events: number) =>
  scoreReport(version, {
    bodyKind: "central",
    p1Exempt: false,
    kind: "monthly",
    values: {
      "p4.t2.s3": events,
      "p4.t2.s4": 0,
      "p4.t3.s1": { events: 0, published: false, views: 0 },
    },
  });

describe("the methodology book", () => {
  const book = createMethodologyBook([V2026, V2027]);

  it("gives each period the newest version that applies from its start or earlier", () => {
    expect(book.forPeriod("2026-12").id).toBe("2026.1");
    expect(book.forPeriod("2026").id).toBe("2026.1");
    expect(book.forPeriod("2026-Q4").id).toBe("2026.1");
    expect(book.forPeriod("2027-01").id).toBe("2027.1");
    expect(book.forPeriod("2027").id).toBe("2027.1");
    expect(book.forPeriod("2031-Q2").id).toBe("2027.1");
    expect(book.newest.id).toBe("2027.1");
    expect(book.byId("2026.1")).toBe(V2026);
    expect(book.byId("2025.9")).toBeUndefined();
  });

  it("reads periods before every version by the oldest", () => {
    expect(book.forPeriod("2024-06").id).toBe("2026.1");
  });

  it("answers a period asked again the same, and still refuses a key that is no period", () => {
    for (const key of ["2027-01", "2026-Q4", "2024-06"]) {
      expect(book.forPeriod(key)).toBe(book.forPeriod(key));
    }
    expect(book.forPeriod("2027-01").id).toBe("2027.1");
    expect(() => book.forPeriod("2027-13")).toThrow();
    expect(() => book.forPeriod("2027-13")).toThrow();
  });

  it("lets a later upload with the same start take over, and a mid-year start split the year", () => {
    const fix = changedCopy("2027.2", "2027");
    const july = changedCopy("2027.3", "2027-07");
    const later = createMethodologyBook([V2026, V2027, fix, july]);
    expect(later.forPeriod("2027-03").id).toBe("2027.2");
    expect(later.forPeriod("2027").id).toBe("2027.2");
    expect(later.forPeriod("2027-Q3").id).toBe("2027.3");
    expect(later.versions.map((v) => v.id)).toEqual(["2026.1", "2027.1", "2027.2", "2027.3"]);
  });

  it("refuses no versions, and two with one id", () => {
    expect(() => createMethodologyBook([])).toThrow(MethodologyBookError);
    expect(() => createMethodologyBook([V2026, V2026])).toThrow(/2026\.1/);
  });

  it("says which periods a new version would take over", () => {
    expect(periodsTakenOver(book, { appliesFrom: "2028" })).toEqual({
      fromMonth: "2028-01",
      untilMonth: undefined,
    });
    expect(periodsTakenOver(book, { appliesFrom: "2026-07" })).toEqual({
      fromMonth: "2026-07",
      untilMonth: "2027-01",
    });
    // A new oldest version also reads what came before it.
    expect(periodsTakenOver(book, { appliesFrom: "2024" })).toEqual({
      fromMonth: "0000-01",
      untilMonth: "2025-01",
    });
  });
});

describe("a changed copy of the file", () => {
  it("changes the points of the periods it applies to and no others", () => {
    const before = createMethodologyBook([V2026]);
    const after = createMethodologyBook([V2026, V2027]);
    for (const periodKey of ["2025-12", "2026-01", "2026-12"]) {
      expect(month(after.forPeriod(periodKey), 7)).toEqual(month(before.forPeriod(periodKey), 7));
    }
    expect(month(before.forPeriod("2027-01"), 7)).toMatchObject({
      methodologyVersion: "2026.1",
      total: 1000,
    });
    expect(month(after.forPeriod("2027-01"), 7)).toMatchObject({
      methodologyVersion: "2027.1",
      total: 1200,
    });
    expect(month(after.forPeriod("2027-01"), 3).total).toBe(900);
  });
});

describe("the readings METHODOLOGY_VARIANTS chooses", () => {
  it("must each exist in some version; a version without one reads its default", () => {
    const noRisksVariant = changedCopy("2027.9", "2027", (file) => {
      delete fileIndicator(file, "p1.t3.risks").variants;
    });
    const book = createMethodologyBook([V2026, noRisksVariant]);
    const choice = { "p1.t3.risks": "cumulative", "p9.t9.s9": "kk", "p2.t5.s4": "xx" };
    expect(variantsNoVersionKnows(book, choice)).toEqual(["p9.t9.s9=kk", "p2.t5.s4=xx"]);
    const risks = { identified: 4, eliminated: 3, completed: 1 };
    const annual = (version: typeof V2026) =>
      scoreReport(version, {
        bodyKind: "central",
        p1Exempt: false,
        kind: "annual",
        values: { "p1.t3.risks": risks },
        variants: { "p1.t3.risks": "cumulative" },
      }).indicators.find((s) => s.id === "p1.t3.risks")?.points;
    expect(annual(book.forPeriod("2026"))).toBe(1500);
    expect(annual(book.forPeriod("2027"))).toBe(1300);
  });
});
