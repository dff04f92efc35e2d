import { describe, expect, it } from "vitest";
import {
  type DeadlineRule,
  deadlineRuleSchema,
  dueAt,
  isLate,
  DEFAULT_DEADLINE_RULES as RULES,
  reportablePeriods,
} from "../../../src/domain/deadlines.ts";

const ALMATY = "Asia/Almaty";
/** An Almaty wall-clock time as an instant. */
const almaty = (local: string) => new Date(`${local}+05:00`);

describe("dueAt", () => {
  it("puts the defaults at 18:00 Almaty: 5th, 10th after the quarter, 15 January", () => {
    expect(dueAt("monthly", "2026-10", RULES, ALMATY)).toEqual(almaty("2026-11-05T18:00:00"));
    expect(dueAt("monthly", "2026-12", RULES, ALMATY)).toEqual(almaty("2027-01-05T18:00:00"));
    expect(dueAt("quarterly", "2026-Q3", RULES, ALMATY)).toEqual(almaty("2026-10-10T18:00:00"));
    expect(dueAt("annual", "2026", RULES, ALMATY)).toEqual(almaty("2027-01-15T18:00:00"));
  });

  it("follows changed rules, and refuses impossible ones", () => {
    const rules: DeadlineRule[] = [
      { reportKind: "monthly", day: 3, monthOffset: 1, time: "09:30" },
    ];
    expect(dueAt("monthly", "2026-10", rules, ALMATY)).toEqual(almaty("2026-11-03T09:30:00"));
    const bad = (rule: Record<string, unknown>) =>
      deadlineRuleSchema.safeParse({
        reportKind: "monthly",
        day: 5,
        monthOffset: 1,
        time: "18:00",
        ...rule,
      }).success;
    expect(bad({})).toBe(true);
    expect(bad({ day: 32 })).toBe(false);
    expect(bad({ time: "24:00" })).toBe(false);
    expect(bad({ monthOffset: 13 })).toBe(false);
  });

  it("honours the month offset: two months after the quarter", () => {
    const rules: DeadlineRule[] = [
      { reportKind: "quarterly", day: 20, monthOffset: 2, time: "18:00" },
    ];
    expect(dueAt("quarterly", "2026-Q4", rules, ALMATY)).toEqual(almaty("2027-02-20T18:00:00"));
  });

  it("takes the last day of a shorter month for day 31", () => {
    const rules: DeadlineRule[] = [
      { reportKind: "monthly", day: 31, monthOffset: 1, time: "18:00" },
    ];
    expect(dueAt("monthly", "2027-01", rules, ALMATY)).toEqual(almaty("2027-02-28T18:00:00"));
    expect(dueAt("monthly", "2028-01", rules, ALMATY)).toEqual(almaty("2028-02-29T18:00:00"));
  });

  it("keeps 18:00 local in a zone with daylight saving, on both sides of the change", () => {
    const berlin = "Europe/Berlin";
    // 5 March is winter time (UTC+1), 5 April summer time (UTC+2).
    expect(dueAt("monthly", "2027-02", RULES, berlin).toISOString()).toBe(
      "2027-03-05T17:00:00.000Z",
    );
    expect(dueAt("monthly", "2027-03", RULES, berlin).toISOString()).toBe(
      "2027-04-05T16:00:00.000Z",
    );
  });

  it("refuses a key of the wrong kind", () => {
    expect(() => dueAt("monthly", "2026-Q3", RULES, ALMATY)).toThrow();
  });
});

describe("isLate", () => {
  it("is on time up to the deadline itself", () => {
    expect(isLate("monthly", "2026-10", almaty("2026-11-05T17:00:00"), RULES, ALMATY)).toBe(false);
    expect(isLate("monthly", "2026-10", almaty("2026-11-05T18:00:00"), RULES, ALMATY)).toBe(false);
    expect(isLate("monthly", "2026-10", almaty("2026-11-05T18:00:01"), RULES, ALMATY)).toBe(true);
  });
});

describe("reportable periods", () => {
  const months = (now: string) => reportablePeriods("monthly", almaty(now), RULES, ALMATY);

  it("offers the month just ended and, late, the one before it", () => {
    expect(months("2026-11-03T12:00:00")).toEqual(["2026-10", "2026-09"]);
    expect(months("2026-11-20T12:00:00")).toEqual(["2026-10", "2026-09"]);
  });

  it("never offers the current month before it ends", () => {
    expect(months("2026-10-31T23:59:00")).toEqual(["2026-09", "2026-08"]);
    expect(months("2026-11-01T00:00:00")).toEqual(["2026-10", "2026-09"]);
  });

  it("offers an earlier month on time while its deadline has not passed", () => {
    const rules: DeadlineRule[] = [
      { reportKind: "monthly", day: 10, monthOffset: 2, time: "18:00" },
    ];
    // October is due 10 December: on 1 December both October and November are on time.
    expect(reportablePeriods("monthly", almaty("2026-12-01T12:00:00"), rules, ALMATY)).toEqual([
      "2026-11",
      "2026-10",
      "2026-09",
    ]);
  });

  it("works for quarters and years; a year is not taken late after its successor ended", () => {
    const at = (now: string, kind: "quarterly" | "annual") =>
      reportablePeriods(kind, almaty(now), RULES, ALMATY);
    expect(at("2026-10-09T12:00:00", "quarterly")).toEqual(["2026-Q3", "2026-Q2"]);
    expect(at("2027-01-10T12:00:00", "annual")).toEqual(["2026"]);
    expect(at("2026-12-31T23:00:00", "annual")).toEqual(["2025"]);
  });
});
