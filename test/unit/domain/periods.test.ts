import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  isPeriodKey,
  monthsOf,
  nextPeriod,
  PeriodKeyError,
  parsePeriod,
  periodContaining,
  periodEnd,
  periodKeyOf,
  periodStart,
  previousPeriod,
  quarterOf,
  yearOf,
} from "../../../src/domain/periods.ts";

const ALMATY = "Asia/Almaty";

describe("period keys", () => {
  it("parse and format months, quarters and years", () => {
    expect(parsePeriod("2026-10")).toEqual({ kind: "month", year: 2026, month: 10 });
    expect(parsePeriod("2026-Q3")).toEqual({ kind: "quarter", year: 2026, quarter: 3 });
    expect(parsePeriod("2026")).toEqual({ kind: "year", year: 2026 });
    for (const key of ["2026-10", "2026-Q3", "2026"])
      expect(periodKeyOf(parsePeriod(key)!)).toBe(key);
  });

  it("refuse what is not a key", () => {
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "26-10", "2026-1", "2026-10-01", ""]) {
      expect(parsePeriod(bad)).toBeUndefined();
    }
    expect(isPeriodKey("2026-Q1", "month")).toBe(false);
    expect(() => previousPeriod("soon")).toThrow(PeriodKeyError);
  });

  it("step back and forth across year ends", () => {
    expect(previousPeriod("2026-01")).toBe("2025-12");
    expect(nextPeriod("2025-12")).toBe("2026-01");
    expect(previousPeriod("2026-Q1")).toBe("2025-Q4");
    expect(nextPeriod("2026-Q4")).toBe("2027-Q1");
    expect(previousPeriod("2026")).toBe("2025");
  });

  it("list the months of a quarter and a year", () => {
    expect(monthsOf("2026-Q3")).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(monthsOf("2026")).toHaveLength(12);
    expect(monthsOf("2026")[11]).toBe("2026-12");
    expect(quarterOf("2026-08")).toBe("2026-Q3");
    expect(yearOf("2026-Q2")).toBe(2026);
  });

  it("order by start, then shorter first", () => {
    const keys = ["2026", "2026-Q1", "2025-12", "2026-01", "2026-02"];
    expect([...keys].sort(comparePeriods)).toEqual([
      "2025-12",
      "2026-01",
      "2026-Q1",
      "2026",
      "2026-02",
    ]);
  });
});

describe("periods in Almaty time (UTC+5) and in a zone with daylight saving", () => {
  it("start at local midnight", () => {
    expect(periodStart("2026-10", ALMATY).toISOString()).toBe("2026-09-30T19:00:00.000Z");
    expect(periodEnd("2026-Q4", ALMATY).toISOString()).toBe("2026-12-31T19:00:00.000Z");
  });

  it("place an instant in the local month", () => {
    // 20:00 UTC on 31 October is 01:00 on 1 November in Almaty.
    expect(periodContaining("month", new Date("2026-10-31T20:00:00Z"), ALMATY)).toBe("2026-11");
    expect(periodContaining("month", new Date("2026-10-31T18:59:59Z"), ALMATY)).toBe("2026-10");
    expect(periodContaining("quarter", new Date("2026-12-31T19:00:00Z"), ALMATY)).toBe("2027-Q1");
  });

  it("start at local midnight across a daylight saving change", () => {
    // Berlin: winter UTC+1 until 28 March 2027, then summer UTC+2.
    expect(periodStart("2027-03", "Europe/Berlin").toISOString()).toBe("2027-02-28T23:00:00.000Z");
    expect(periodStart("2027-04", "Europe/Berlin").toISOString()).toBe("2027-03-31T22:00:00.000Z");
    expect(periodContaining("month", new Date("2027-03-31T22:30:00Z"), "Europe/Berlin")).toBe(
      "2027-04",
    );
  });
});
