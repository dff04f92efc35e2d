import { describe, expect, it } from "vitest";
import type { MethodologyVersion } from "../../../src/domain/methodology/types.ts";
import {
  indicatorsOwed,
  owesReport,
  reportKindOfPeriod,
  reportObligation,
} from "../../../src/domain/reports/obligations.ts";
import { ratePercent, reportState, tallyStates } from "../../../src/domain/reports/reporting.ts";
import { V2026 } from "../../support/methodology.ts";

const rules = { methodology: V2026, zone: "Asia/Almaty" };
const longAgo = new Date("2020-01-01T00:00:00Z");
const central = { kind: "central" as const, joinedAt: longAgo };
const regional = { kind: "regional" as const, joinedAt: longAgo };

describe("owesReport", () => {
  it("a central body never owes a quarterly report; a regional one does", () => {
    expect(indicatorsOwed(V2026, "quarterly", "central")).toEqual([]);
    expect(indicatorsOwed(V2026, "quarterly", "regional").map((d) => d.id)).toEqual(["p4.t1.s1"]);
    for (const q of [1, 2, 3, 4]) {
      const report = { kind: "quarterly" as const, periodKey: `2026-Q${q}` };
      expect(owesReport(central, report, rules)).toBe(false);
      expect(owesReport(regional, report, rules)).toBe(true);
    }
  });

  it("both kinds owe the monthly and the annual report", () => {
    for (const body of [central, regional]) {
      expect(owesReport(body, { kind: "monthly", periodKey: "2026-10" }, rules)).toBe(true);
      expect(owesReport(body, { kind: "annual", periodKey: "2026" }, rules)).toBe(true);
    }
  });

  it("owes only periods that ended after the body joined (Almaty time)", () => {
    // October ends at 2026-11-01T00:00 in Almaty, which is 2026-10-31T19:00Z.
    const joined = (iso: string) => ({ kind: "regional" as const, joinedAt: new Date(iso) });
    const october = { kind: "monthly" as const, periodKey: "2026-10" };
    expect(owesReport(joined("2026-10-31T18:59:59Z"), october, rules)).toBe(true);
    expect(owesReport(joined("2026-10-31T19:00:00Z"), october, rules)).toBe(false);
    expect(owesReport(joined("2026-11-15T00:00:00Z"), october, rules)).toBe(false);
    // A body that joined in the middle of a quarter owes the quarter and the year.
    const mid = joined("2026-08-15T00:00:00Z");
    expect(owesReport(mid, { kind: "quarterly", periodKey: "2026-Q3" }, rules)).toBe(true);
    expect(owesReport(mid, { kind: "quarterly", periodKey: "2026-Q2" }, rules)).toBe(false);
    expect(owesReport(mid, { kind: "annual", periodKey: "2026" }, rules)).toBe(true);
    expect(owesReport(mid, { kind: "annual", periodKey: "2025" }, rules)).toBe(false);
  });

  it("reads the methodology it is given: a version with a central quarterly indicator makes it owed", () => {
    const withCentralQuarterly: MethodologyVersion = {
      ...V2026,
      projects: V2026.projects.map((project) => ({
        ...project,
        tasks: project.tasks.map((task) => ({
          ...task,
          indicators: task.indicators.map((def) =>
            def.id === "p4.t1.s1" ? { ...def, appliesTo: ["central", "regional"] as const } : def,
          ),
        })),
      })),
    };
    const report = { kind: "quarterly" as const, periodKey: "2026-Q1" };
    expect(owesReport(central, report, { ...rules, methodology: withCentralQuarterly })).toBe(true);
    const noMonthly: MethodologyVersion = { ...V2026, projects: [], indicators: [] };
    expect(
      owesReport(
        regional,
        { kind: "monthly", periodKey: "2026-01" },
        { ...rules, methodology: noMonthly },
      ),
    ).toBe(false);
  });

  it("a period key of another unit owes nothing", () => {
    expect(owesReport(regional, { kind: "monthly", periodKey: "2026-Q1" }, rules)).toBe(false);
    expect(owesReport(regional, { kind: "annual", periodKey: "2026-01" }, rules)).toBe(false);
    expect(owesReport(regional, { kind: "annual", periodKey: "twenty" }, rules)).toBe(false);
  });

  it("reportObligation answers as owesReport, for every body of one report", () => {
    const bodies = [
      central,
      regional,
      { kind: "regional" as const, joinedAt: new Date("2026-08-15T00:00:00Z") },
      { kind: "central" as const, joinedAt: new Date("2026-10-31T19:00:00Z") },
    ];
    const reports = [
      { kind: "monthly" as const, periodKey: "2026-10" },
      { kind: "quarterly" as const, periodKey: "2026-Q3" },
      { kind: "quarterly" as const, periodKey: "2026-Q2" },
      { kind: "annual" as const, periodKey: "2026" },
      { kind: "monthly" as const, periodKey: "2026-Q1" },
    ];
    for (const report of reports) {
      const owes = reportObligation(report, rules);
      for (const body of bodies) expect(owes(body)).toBe(owesReport(body, report, rules));
    }
    const owesOctober = reportObligation({ kind: "monthly", periodKey: "2026-10" }, rules);
    expect(bodies.map(owesOctober)).toEqual([true, true, true, false]);
  });

  it("names the report kind of a period key", () => {
    expect(reportKindOfPeriod("2026-10")).toBe("monthly");
    expect(reportKindOfPeriod("2026-Q4")).toBe("quarterly");
    expect(reportKindOfPeriod("2026")).toBe("annual");
    expect(reportKindOfPeriod("2026-13")).toBeUndefined();
  });
});

describe("report states and tallies", () => {
  const due = new Date("2026-11-05T13:00:00Z");
  const before = new Date("2026-11-04T00:00:00Z");
  const after = new Date("2026-11-06T00:00:00Z");

  it("classifies a report by its submission and the deadline", () => {
    expect(reportState({ status: "submitted", late: false }, due, after)).toBe("onTime");
    expect(reportState({ status: "accepted", late: true }, due, after)).toBe("late");
    expect(reportState({ status: "returned", late: false }, due, after)).toBe("returned");
    expect(reportState({ status: "draft", late: false }, due, after)).toBe("missing");
    expect(reportState(undefined, due, after)).toBe("missing");
    expect(reportState(undefined, due, due)).toBe("pending");
    expect(reportState(undefined, due, before)).toBe("pending");
  });

  it("counts received as on time plus late, each state once, and rates in whole percent", () => {
    const tally = tallyStates(["onTime", "onTime", "late", "missing", "returned", "pending"]);
    expect(tally).toEqual({
      expected: 6,
      received: 3,
      onTime: 2,
      late: 1,
      returned: 1,
      missing: 1,
      pending: 1,
    });
    expect(ratePercent(tally.received, tally)).toBe(50);
    expect(ratePercent(tally.onTime, tally)).toBe(33);
    expect(ratePercent(0, tallyStates([]))).toBeUndefined();
  });
});
