import { expect, test } from "vitest";
import { createMethodologyBook } from "../../src/domain/methodology/book.ts";
import { recomputeReportScores, yearScores } from "../../src/services/report-scores.ts";
import { describeDatabases } from "../db/database.ts";
import { BOOK, changedCopy, fileIndicator, V2026 } from "../support/methodology.ts";

const at = new Date("2026-11-03T09:00:00Z");

describeDatabases("stored scores follow the submitted values", (ctx) => {
  async function seed() {
    const body = await ctx.repos.directory.createBody({
      code: "KZ-ABY",
      kind: "regional",
      nameKk: "Абай облысының әкімдігі",
      nameRu: "Акимат области Абай",
    });
    if (!body.ok) throw new Error(body.reason);
    const user = await ctx.repos.users.createUser({
      telegramId: 77,
      name: "Әсел",
      language: "kk",
      role: "commissioner",
      bodyId: body.body.id,
    });
    if (!user.ok) throw new Error(user.reason);
    return { bodyId: body.body.id, userId: user.user.id };
  }

  async function submitMonth(bodyId: number, userId: number, periodKey: string, events: number) {
    const result = await ctx.repos.submissions.submit({
      bodyId,
      kind: "monthly",
      periodKey,
      authorUserId: userId,
      late: false,
      at,
      values: {
        "p4.t2.s3": events,
        "p4.t2.s4": 2,
        "p4.t3.s1": { events: 0, published: false, views: 0 },
      },
    });
    if (!result.ok) throw new Error(result.reason);
  }

  test("scores nothing for a body that has not submitted", async () => {
    const { bodyId } = await seed();
    const score = await recomputeReportScores(ctx.repos, BOOK, {
      bodyId,
      kind: "monthly",
      periodKey: "2026-10",
    });
    expect(score).toBeUndefined();
    expect((await yearScores(ctx.repos, 2026, bodyId)).get(bodyId)).toBeUndefined();
  });

  test("stores a month's points and replaces them when the report is corrected", async () => {
    const { bodyId, userId } = await seed();
    await submitMonth(bodyId, userId, "2026-10", 2);
    const first = await recomputeReportScores(ctx.repos, BOOK, {
      bodyId,
      kind: "monthly",
      periodKey: "2026-10",
    });
    expect(first?.total).toBe(400 + 200);
    await submitMonth(bodyId, userId, "2026-10", 9);
    await recomputeReportScores(ctx.repos, BOOK, { bodyId, kind: "monthly", periodKey: "2026-10" });
    const year = (await yearScores(ctx.repos, 2026, bodyId)).get(bodyId);
    expect(year?.total).toBe(1000 + 200);
    expect(year?.indicators["p4.t2.s3"]).toBe(1000);
  });

  test("sums the months of a year with each month capped on its own", async () => {
    const { bodyId, userId } = await seed();
    await submitMonth(bodyId, userId, "2026-09", 7);
    await submitMonth(bodyId, userId, "2026-10", 1);
    for (const periodKey of ["2026-09", "2026-10"]) {
      await recomputeReportScores(ctx.repos, BOOK, { bodyId, kind: "monthly", periodKey });
    }
    const year = (await yearScores(ctx.repos, 2026, bodyId)).get(bodyId);
    expect(year?.periods).toEqual({ "2026-09": 1200, "2026-10": 400 });
    expect(year?.total).toBe(1600);
  });

  test("scores each period by its own version: a 2027 version leaves 2026 as it was", async () => {
    const { bodyId, userId } = await seed();
    const months = ["2026-11", "2026-12", "2027-01"];
    for (const periodKey of months) await submitMonth(bodyId, userId, periodKey, 4);
    const recomputeAll = async (book: typeof BOOK) => {
      for (const periodKey of months)
        await recomputeReportScores(ctx.repos, book, { bodyId, kind: "monthly", periodKey });
      return ctx.repos.scores.listScores({ periodKeys: months, bodyId });
    };
    const before = await recomputeAll(createMethodologyBook([V2026]));
    // Next year's version: 3 points an explanatory event instead of 2.
    const v2027 = changedCopy("2027.1", "2027", (file) => {
      fileIndicator(file, "p4.t2.s3").rule.perItem = 3;
    });
    const after = await recomputeAll(createMethodologyBook([V2026, v2027]));
    const of = (rows: typeof before, periodKey: string) =>
      rows
        .filter((r) => r.periodKey === periodKey)
        .map(({ indicatorId, points, methodologyVersion }) => ({
          indicatorId,
          points,
          methodologyVersion,
        }));
    for (const periodKey of ["2026-11", "2026-12"]) {
      expect(of(after, periodKey)).toEqual(of(before, periodKey));
      expect(of(after, periodKey).every((r) => r.methodologyVersion === "2026.1")).toBe(true);
    }
    const january = of(after, "2027-01");
    expect(january.find((r) => r.indicatorId === "p4.t2.s3")).toEqual({
      indicatorId: "p4.t2.s3",
      points: 1000,
      methodologyVersion: "2027.1",
    });
    expect(of(before, "2027-01").find((r) => r.indicatorId === "p4.t2.s3")?.points).toBe(800);
  });
});
