import { expect, it } from "vitest";
import { compareWithPrevious, pageReviewQueue } from "../../src/services/review.ts";
import { describeDatabases } from "../db/database.ts";
import { BOOK } from "../support/methodology.ts";
import { monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));

describeDatabases("the review queue", (ctx) => {
  async function seedQueue() {
    const { child, sibling, ministry } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 1, "commissioner", child.id);
    const admin = await seedPerson(ctx.repos, 2, "admin", null);
    let minute = 0;
    const submit = async (bodyId: number, month: string) => {
      const result = await ctx.repos.submissions.submit(
        monthlyReport(bodyId, author.id, month, { at: at(minute++) }),
      );
      if (!result.ok) throw new Error(result.reason);
      return result.submission.id;
    };
    // Eleven waiting reports of three bodies: more than one page.
    for (const month of ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]) {
      await submit(child.id, month);
    }
    for (const month of ["2026-01", "2026-02", "2026-03"]) await submit(sibling.id, month);
    for (const month of ["2026-04", "2026-05", "2026-06"]) await submit(ministry.id, month);
    const decided = await submit(ministry.id, "2026-07");
    await ctx.repos.submissions.setStatus(decided, {
      status: "accepted",
      reviewerUserId: admin.id,
      at: at(59),
    });
    return { child, sibling, ministry };
  }

  it("counts every waiting report, not only one page, and pages oldest first", async () => {
    await seedQueue();
    const first = await pageReviewQueue(ctx.repos, { status: "submitted", page: 0 }, 8);
    expect({ total: first.total, page: first.page, pages: first.pages }).toEqual({
      total: 11,
      page: 0,
      pages: 2,
    });
    expect(first.items.map((i) => `${i.bodyCode} ${i.periodKey}`)).toEqual([
      "CITY 2026-01",
      "CITY 2026-02",
      "CITY 2026-03",
      "CITY 2026-04",
      "CITY 2026-05",
      "OTHER 2026-01",
      "OTHER 2026-02",
      "OTHER 2026-03",
    ]);
    const second = await pageReviewQueue(ctx.repos, { status: "submitted", page: 1 }, 8);
    expect(second.items.map((i) => `${i.bodyCode} ${i.periodKey}`)).toEqual([
      "MIN 2026-04",
      "MIN 2026-05",
      "MIN 2026-06",
    ]);
    // A page past the end (reports decided meanwhile) shows the last page.
    const past = await pageReviewQueue(ctx.repos, { status: "submitted", page: 7 }, 8);
    expect({ page: past.page, items: past.items.length }).toEqual({ page: 1, items: 3 });
  });

  it("narrows by body, period and kind, and offers the periods and bodies there are", async () => {
    const { child, ministry } = await seedQueue();
    const city = await pageReviewQueue(
      ctx.repos,
      { status: "submitted", bodyId: child.id, page: 0 },
      8,
    );
    expect(city.total).toBe(5);
    const april = await pageReviewQueue(
      ctx.repos,
      { status: "submitted", periodKey: "2026-04", kind: "monthly", page: 0 },
      8,
    );
    expect(april.items.map((i) => i.bodyCode)).toEqual(["CITY", "MIN"]);
    expect(
      (await pageReviewQueue(ctx.repos, { status: "submitted", kind: "annual", page: 0 }, 8)).total,
    ).toBe(0);
    const periods = await ctx.repos.reviewQueue.periods({ status: "submitted", bodyId: child.id });
    expect(periods.map((p) => `${p.periodKey}×${p.count}`).sort()).toEqual([
      "2026-01×1",
      "2026-02×1",
      "2026-03×1",
      "2026-04×1",
      "2026-05×1",
    ]);
    const bodies = await ctx.repos.reviewQueue.bodies({
      status: "submitted",
      periodKey: "2026-01",
    });
    expect(bodies.map((b) => `${b.code}×${b.count}`)).toEqual(["CITY×1", "OTHER×1"]);
    expect(await ctx.repos.reviewQueue.countByStatus()).toEqual({
      draft: 0,
      submitted: 11,
      returned: 0,
      accepted: 1,
    });
    expect(await ctx.repos.reviewQueue.countByStatus({ bodyId: ministry.id })).toMatchObject({
      submitted: 3,
      accepted: 1,
    });
  });

  it("lists decided reports newest first", async () => {
    const { ministry } = await seedQueue();
    const admin = await seedPerson(ctx.repos, 3, "admin", null);
    const current = await ctx.repos.submissions.getCurrent(ministry.id, "monthly", "2026-04");
    await ctx.repos.submissions.setStatus(current?.submission.id ?? 0, {
      status: "accepted",
      reviewerUserId: admin.id,
      at: new Date(Date.UTC(2026, 10, 21)),
    });
    const accepted = await pageReviewQueue(ctx.repos, { status: "accepted", page: 0 }, 8);
    expect(accepted.items.map((i) => i.periodKey)).toEqual(["2026-04", "2026-07"]);
  });

  it("compares a version with the one before it, and has nothing to compare for a first", async () => {
    const { child } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 1, "commissioner", child.id);
    const first = await ctx.repos.submissions.submit(
      monthlyReport(child.id, author.id, "2026-10", { at: at(0), explanatory: 3 }),
    );
    if (!first.ok) throw new Error(first.reason);
    expect(await compareWithPrevious(ctx.repos, BOOK, first.submission.id)).toBeUndefined();
    await ctx.repos.submissions.submit(
      monthlyReport(child.id, author.id, "2026-10", { at: at(5), explanatory: 4, views: 2000 }),
    );
    const comparison = await compareWithPrevious(ctx.repos, BOOK, first.submission.id);
    expect(comparison?.before.number).toBe(1);
    expect(comparison?.after.number).toBe(2);
    expect(comparison?.changes.map((c) => c.type)).toEqual([
      "value",
      "value",
      "eventChanged",
      "eventAdded",
    ]);
  });
});
