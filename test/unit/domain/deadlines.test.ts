import { describe, expect, it } from "vitest";
import {
  ALMATY_UTC_OFFSET_MINUTES as ALMATY,
  type DeadlineRule,
  deadlineRuleSchema,
  dueAt,
  isLate,
  DEFAULT_DEADLINE_RULES as RULES,
  reportableMonths,
  reportableQuarters,
  reportableYears,
} from "../../../src/domain/deadlines.ts";

/** An Almaty wall-clock time as an instant. */
const almaty = (local: string) => new Date(`${local}+05:00`);

describe("dueAt", () => {
  it("puts the defaults at 18:00 Almaty: 5th, 10th after the quarter, 15 January", () => {
    expect(dueAt("monthly", "2026-10", RULES, ALMATY)).toEqual(almaty("2026-11-05T18:00:00"));
    expect(dueAt("monthly", "2026-12", RULES, ALMATY)).toEqual(almaty("2027-01-05T18:00:00"));
    expect(dueAt("quarterly", "2026-Q3", RULES, ALMATY)).toEqual(almaty("2026-10-10T18:00:00"));
    expect(dueAt("annual", "2026", RULES, ALMATY)).toEqual(almaty("2027-01-15T18:00:00"));
  });

  it("follows changed rules", () => {
    const rules: DeadlineRule[] = [
      { reportKind: "monthly", dayOfNextPeriodMonth: 3, time: "09:30" },
    ];
    expect(dueAt("monthly", "2026-10", rules, ALMATY)).toEqual(almaty("2026-11-03T09:30:00"));
    expect(
      deadlineRuleSchema.safeParse({
        reportKind: "monthly",
        dayOfNextPeriodMonth: 31,
        time: "18:00",
      }).success,
    ).toBe(false);
    expect(
      deadlineRuleSchema.safeParse({
        reportKind: "monthly",
        dayOfNextPeriodMonth: 5,
        time: "24:00",
      }).success,
    ).toBe(false);
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
  it("offers the month just ended, not the one before once its deadline passed", () => {
    expect(reportableMonths(almaty("2026-11-03T12:00:00"), RULES, ALMATY)).toEqual(["2026-10"]);
    expect(reportableMonths(almaty("2026-11-05T17:00:00"), RULES, ALMATY)).toEqual(["2026-10"]);
  });

  it("never offers the current month before it ends", () => {
    expect(reportableMonths(almaty("2026-10-31T23:59:00"), RULES, ALMATY)).toEqual(["2026-09"]);
    expect(reportableMonths(almaty("2026-11-01T00:00:00"), RULES, ALMATY)).toEqual(["2026-10"]);
  });

  it("keeps the month just ended even after its deadline (late)", () => {
    expect(reportableMonths(almaty("2026-11-20T12:00:00"), RULES, ALMATY)).toEqual(["2026-10"]);
  });

  it("works for quarters and years", () => {
    expect(reportableQuarters(almaty("2026-10-09T12:00:00"), RULES, ALMATY)).toEqual(["2026-Q3"]);
    expect(reportableQuarters(almaty("2026-09-30T12:00:00"), RULES, ALMATY)).toEqual(["2026-Q2"]);
    expect(reportableYears(almaty("2027-01-10T12:00:00"), RULES, ALMATY)).toEqual(["2026"]);
    expect(reportableYears(almaty("2026-12-31T23:00:00"), RULES, ALMATY)).toEqual(["2025"]);
  });
});
