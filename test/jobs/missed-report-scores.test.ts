import { describe, expect, it } from "vitest";
import { runMissedReportScores } from "../../src/jobs/missed-report-scores.ts";
import { recomputeReportScores } from "../../src/services/report-scores.ts";
import { BOOK } from "../support/methodology.ts";
import { seedBody, seedUser } from "../support/seed.ts";
import { almaty, jobConfig, useJobDatabase } from "./support.ts";

describe("scores of missed reports", () => {
  const ctx = useJobDatabase();
  const run = (local: string) =>
    runMissedReportScores({
      repos: ctx.repos,
      methodology: BOOK,
      now: almaty(local),
      config: jobConfig,
    });
  const stored = async (bodyId: number, periodKey: string) =>
    (await ctx.repos.scores.listScores({ periodKeys: [periodKey], bodyId }))
      .filter((s) => s.applicable)
      .reduce((sum, s) => sum + s.points, 0);

  async function seed() {
    const silent = await seedBody(ctx.repos, { code: "SILENT", kind: "central" });
    const diligent = await seedBody(ctx.repos, { code: "DILIGENT", kind: "central" });
    const officer = await seedUser(ctx.repos, {
      telegramId: 301,
      role: "officer",
      bodyId: diligent.id,
    });
    const flags = { "p1.t1.s1": true, "p1.t1.s2": true, "p1.t2.s3": true, "p1.t3.s1": true };
    const result = await ctx.repos.submissions.submit({
      bodyId: diligent.id,
      kind: "annual",
      periodKey: "2025",
      authorUserId: officer.id,
      late: false,
      at: almaty("2026-01-10T12:00"),
      values: { ...flags, "p2.t5.s4": { provided: true, facts: 0 } },
    });
    if (!result.ok) throw new Error(result.reason);
    await recomputeReportScores(ctx.repos, BOOK, {
      bodyId: diligent.id,
      kind: "annual",
      periodKey: "2025",
    });
    return { silent, diligent, officer };
  }

  it("stores nothing for a silent body before the annual deadline", async () => {
    const { silent } = await seed();
    await run("2026-01-15T17:59");
    expect(await ctx.repos.scores.listScores({ periodKeys: ["2025"], bodyId: silent.id })).toEqual(
      [],
    );
  });

  it("after the deadline scores a silent body's annual report as empty, penalties and all", async () => {
    const { silent, diligent } = await seed();
    await run("2026-01-16T00:30");
    // Four flags not done (−10 −10 −5 −5), no register of positions (−5), no gifts information (−5).
    expect(await stored(silent.id, "2025")).toBe(-4000);
    // The body that reported keeps its own score: the empty register −5, the gifts information +3.
    expect(await stored(diligent.id, "2025")).toBe(-200);
  });

  it("a late report replaces the missed-report score", async () => {
    const { silent } = await seed();
    await run("2026-01-16T00:30");
    const officer = await seedUser(ctx.repos, {
      telegramId: 302,
      role: "officer",
      bodyId: silent.id,
    });
    const late = await ctx.repos.submissions.submit({
      bodyId: silent.id,
      kind: "annual",
      periodKey: "2025",
      authorUserId: officer.id,
      late: true,
      at: almaty("2026-01-20T09:00"),
      values: { "p1.t1.s1": true, "p1.t1.s2": true },
    });
    if (!late.ok) throw new Error(late.reason);
    await recomputeReportScores(ctx.repos, BOOK, {
      bodyId: silent.id,
      kind: "annual",
      periodKey: "2025",
    });
    expect(await stored(silent.id, "2025")).toBe(-2000);
  });

  it("a missed month scores zero, not a penalty", async () => {
    const { silent } = await seed();
    await run("2026-01-06T00:30");
    expect(await stored(silent.id, "2025-12")).toBe(0);
    expect(
      (await ctx.repos.scores.listScores({ periodKeys: ["2025-12"], bodyId: silent.id })).length,
    ).toBeGreaterThan(0);
  });
});
