import { describe, expect, it } from "vitest";
import {
  endedSpanOf,
  isViewablePeriod,
  latestPeriod,
  reportPeriodsOf,
  shiftYears,
  switchUnit,
  viewableNext,
} from "../../../src/domain/period-spans.ts";

const zone = "Asia/Almaty";
// 20 November 2026: October is the latest month to look at, the fourth quarter is running.
const now = new Date("2026-11-20T09:00:00Z");

describe("the periods the dashboard shows", () => {
  it("makes a quarter of its months and itself, a year of months, quarters and itself", () => {
    expect(reportPeriodsOf("2026-10")).toEqual(["2026-10"]);
    expect(reportPeriodsOf("2026-Q1")).toEqual(["2026-01", "2026-02", "2026-03", "2026-Q1"]);
    const year = reportPeriodsOf("2026");
    expect(year).toHaveLength(17);
    expect(year.slice(0, 5)).toEqual(["2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04"]);
    expect(year.at(-1)).toBe("2026");
  });

  it("adds up only the report periods that have ended", () => {
    expect(endedSpanOf("2026-Q4", now, zone)).toEqual(["2026-10"]);
    expect(endedSpanOf("2026", now, zone).at(-1)).toBe("2026-10");
    expect(endedSpanOf("2026-11", now, zone)).toEqual([]);
    expect(endedSpanOf("2025", now, zone)).toHaveLength(17);
  });

  it("offers periods up to the latest of each unit, and steps through them", () => {
    expect(latestPeriod("month", now, zone)).toBe("2026-10");
    expect(latestPeriod("quarter", now, zone)).toBe("2026-Q4");
    expect(latestPeriod("year", now, zone)).toBe("2026");
    expect(isViewablePeriod("2026-10", now, zone)).toBe(true);
    expect(isViewablePeriod("2026-11", now, zone)).toBe(false);
    expect(isViewablePeriod("2027", now, zone)).toBe(false);
    expect(isViewablePeriod("1999", now, zone)).toBe(false);
    expect(isViewablePeriod("2026-13", now, zone)).toBe(false);
    expect(viewableNext("2026-09", now, zone)).toBe("2026-10");
    expect(viewableNext("2026-10", now, zone)).toBeUndefined();
    expect(viewableNext("2026-Q3", now, zone)).toBe("2026-Q4");
  });

  it("compares with the same period a year earlier, and switches units around a month", () => {
    expect(shiftYears("2026-Q3", -1)).toBe("2025-Q3");
    expect(shiftYears("2026-02", -1)).toBe("2025-02");
    expect(switchUnit("2026-08", "quarter", "2026-10")).toBe("2026-Q3");
    expect(switchUnit("2026-Q4", "month", "2026-10")).toBe("2026-10");
    expect(switchUnit("2026", "month", "2026-10")).toBe("2026-10");
    expect(switchUnit("2025", "quarter", "2026-10")).toBe("2025-Q4");
    expect(switchUnit("2026-Q2", "year", "2026-10")).toBe("2026");
  });
});
