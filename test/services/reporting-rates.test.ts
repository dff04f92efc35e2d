import { expect, test } from "vitest";
import { listReportProblems } from "../../src/services/report-status.ts";
import {
  bodiesWithoutReports,
  listReportStatuses,
  tallyAll,
  tallyByBody,
  tallyByPeriod,
  tallyByRegionAndPeriod,
} from "../../src/services/reporting-rates.ts";
import { describeDatabases } from "../db/database.ts";
import { BOOK } from "../support/methodology.ts";
import { JOINED_LONG_AGO, seedBody, seedUser } from "../support/seed.ts";

// 10 December 2026, 10:00 in Almaty: November's monthly deadline (5 December 18:00) has passed,
// the fourth quarter and the year have not ended.
const now = new Date("2026-12-10T05:00:00Z");
const options = { now, zone: "Asia/Almaty", methodology: BOOK };
const onTime = new Date("2026-10-03T09:00:00Z");
const late = new Date("2026-10-20T09:00:00Z");

describeDatabases("reporting rates", (ctx) => {
  async function seed() {
    const region = await seedBody(ctx.repos, { code: "ABY", kind: "regional", region: "Абай" });
    const district = await seedBody(ctx.repos, {
      code: "ABY-1",
      kind: "regional",
      region: "Абай",
      parentId: region.id,
    });
    const ministry = await seedBody(ctx.repos, { code: "MIN", kind: "central" });
    // Joined on 20 November: it owes November (ended after) but not October.
    const newcomer = await seedBody(ctx.repos, {
      code: "NEW",
      kind: "central",
      createdAt: new Date("2026-11-20T00:00:00Z"),
    });
    const author = await seedUser(ctx.repos, { telegramId: 1, role: "officer", bodyId: region.id });
    const submit = async (
      bodyId: number,
      kind: "monthly" | "quarterly",
      periodKey: string,
      at: Date,
      values: Record<string, unknown>,
      isLate = false,
    ) => {
      const result = await ctx.repos.submissions.submit({
        bodyId,
        kind,
        periodKey,
        authorUserId: author.id,
        values,
        late: isLate,
        at,
      });
      if (!result.ok) throw new Error(result.reason);
      return result.submission.id;
    };
    const month = { "p4.t2.s3": 1 };
    const quarter = { "p4.t1.s1": { held: true, districts: 10, districtsNotHeld: 0 } };
    await submit(region.id, "monthly", "2026-09", onTime, month);
    await submit(region.id, "monthly", "2026-10", late, month, true);
    await submit(region.id, "quarterly", "2026-Q3", onTime, quarter);
    const returned = await submit(district.id, "monthly", "2026-09", onTime, month);
    await ctx.repos.submissions.setStatus(returned, {
      status: "returned",
      reviewerUserId: author.id,
      comment: "исправьте",
      at: onTime,
    });
    await submit(ministry.id, "monthly", "2026-11", onTime, month);
    return { region, district, ministry, newcomer };
  }

  test("lists only owed reports of ended periods, each with its state", async () => {
    const { region, district, ministry, newcomer } = await seed();
    const bodies = [region, district, ministry, newcomer];
    const periods = ["2026-09", "2026-10", "2026-11", "2026-12", "2026-Q3", "2026-Q4", "2026"];
    const statuses = await listReportStatuses(ctx.repos, bodies, periods, options);
    const seen = statuses.map((s) => `${s.body.code} ${s.periodKey} ${s.state}`);
    expect(seen.sort()).toEqual(
      [
        "ABY 2026-09 onTime",
        "ABY 2026-10 late",
        "ABY 2026-11 missing",
        "ABY 2026-Q3 onTime",
        "ABY-1 2026-09 returned",
        "ABY-1 2026-10 missing",
        "ABY-1 2026-11 missing",
        "ABY-1 2026-Q3 missing",
        // A central body owes no quarterly report.
        "MIN 2026-09 missing",
        "MIN 2026-10 missing",
        "MIN 2026-11 onTime",
        // Joined in November: nothing for September or October.
        "NEW 2026-11 missing",
      ].sort(),
    );

    expect(tallyAll(statuses)).toEqual({
      expected: 12,
      received: 4,
      onTime: 3,
      late: 1,
      returned: 1,
      missing: 7,
      pending: 0,
    });
    expect(tallyByBody(statuses).get(region.id)).toMatchObject({ expected: 4, received: 3 });
    expect(tallyByPeriod(statuses).get("2026-Q3")).toMatchObject({ expected: 2, onTime: 1 });
    const abai = tallyByRegionAndPeriod(statuses).get("Абай");
    expect(abai?.get("2026-09")).toMatchObject({ expected: 2, onTime: 1, returned: 1 });
    expect(tallyByRegionAndPeriod(statuses).get("")?.get("2026-11")).toMatchObject({
      expected: 2,
      received: 1,
    });
    // The district received nothing it owed: it is shown as not reported.
    expect([...bodiesWithoutReports(statuses)].sort()).toEqual([district.id, newcomer.id].sort());
  });

  test("a report not in before its deadline is pending, not missing", async () => {
    const { ministry } = await seed();
    const beforeDeadline = { ...options, now: new Date("2026-12-04T05:00:00Z") };
    const statuses = await listReportStatuses(ctx.repos, [ministry], ["2026-11"], {
      ...beforeDeadline,
    });
    expect(statuses.map((s) => s.state)).toEqual(["onTime"]);
    const other = await seedBody(ctx.repos, { code: "MIN2", kind: "central" });
    const pending = await listReportStatuses(ctx.repos, [other], ["2026-11"], beforeDeadline);
    expect(pending.map((s) => s.state)).toEqual(["pending"]);
    expect(tallyAll(pending)).toMatchObject({ expected: 1, received: 0, pending: 1, missing: 0 });
  });

  test("the report problems of /score leave out what a body does not owe", async () => {
    const { ministry, region } = await seed();
    const problems = await listReportProblems(ctx.repos, ministry.id, { ...options, year: 2026 });
    expect(problems.some((p) => p.kind === "quarterly")).toBe(false);
    expect(problems.filter((p) => p.kind === "monthly").map((p) => p.periodKey)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    const regional = await listReportProblems(ctx.repos, region.id, { ...options, year: 2026 });
    expect(
      regional.filter((p) => p.kind === "quarterly").map((p) => [p.periodKey, p.state]),
    ).toEqual([
      ["2026-Q1", "missing"],
      ["2026-Q2", "missing"],
    ]);
    expect(regional.find((p) => p.periodKey === "2026-10")?.state).toBe("late");
    expect(JOINED_LONG_AGO.getTime()).toBeLessThan(Date.parse("2026-01-01T00:00:00Z"));
  });
});
