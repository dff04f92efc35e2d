// Issue 12 item 1: a body owes a report only when the report carries an indicator that applies to
// it. The methodology's only quarterly indicator is regional, so a central body never owes a
// quarterly report: nobody there is reminded of one, a broadcast to those who have not sent it
// leaves them out, and /score lists none. (The digest's trend: test/jobs/digest-leaderboard.test.ts,
// "a central body's trend has no quarters".)
import { describe, expect, it } from "vitest";
import { runReminders } from "../../src/jobs/reminders.ts";
import { resolveAudience } from "../../src/services/broadcasts.ts";
import { scoreReporting } from "../../src/services/score-reporting.ts";
import { almaty, jobConfig, outboxOf, useJobDatabase } from "../jobs/support.ts";
import { BOOK } from "../support/methodology.ts";
import { seedBody, seedUser } from "../support/seed.ts";

const owed = { methodology: BOOK, zone: "Asia/Almaty" };

describe("a central body owes no quarterly report", () => {
  const ctx = useJobDatabase();

  async function seed() {
    const central = await seedBody(ctx.repos, { code: "MIN", kind: "central" });
    const regional = await seedBody(ctx.repos, { code: "AKM", kind: "regional" });
    const centralOfficer = await seedUser(ctx.repos, {
      telegramId: 201,
      role: "officer",
      bodyId: central.id,
    });
    const regionalOfficer = await seedUser(ctx.repos, {
      telegramId: 202,
      role: "officer",
      bodyId: regional.id,
      language: "kk",
    });
    return { central, regional, centralOfficer, regionalOfficer };
  }

  it("reminds only the regional body's officer of the fourth quarter, on every reminder day", async () => {
    await seed();
    // 2026-Q4 is due on 10 January 2027 at 18:00: reminders 3 and 1 days before, on the day, after.
    for (const day of ["06", "07", "08", "09", "10", "11", "12"]) {
      await runReminders({
        repos: ctx.repos,
        methodology: BOOK,
        now: almaty(`2027-01-${day}T10:00`),
        config: jobConfig,
      });
    }
    const quarterly = (await outboxOf(ctx.db)).filter((m) => m.key.includes(":quarterly:"));
    expect(quarterly.map((m) => m.key.split(":").slice(0, 4).join(":"))).toEqual([
      "reminder:quarterly:2026-Q4:before3",
      "reminder:quarterly:2026-Q4:before1",
      "reminder:quarterly:2026-Q4:today",
      "reminder:quarterly:2026-Q4:overdue",
    ]);
    expect(new Set(quarterly.map((m) => m.chatId))).toEqual(new Set([202]));
    // Both owe the annual report, due on 15 January.
    await runReminders({
      repos: ctx.repos,
      methodology: BOOK,
      now: almaty("2027-01-12T10:00"),
      config: jobConfig,
    });
    const annual = (await outboxOf(ctx.db)).filter((m) => m.key.includes(":annual:2026:"));
    expect(new Set(annual.map((m) => m.chatId))).toEqual(new Set([201, 202]));
  });

  it("leaves the central body out of a broadcast to those who have not sent the quarter", async () => {
    const { centralOfficer, regionalOfficer } = await seed();
    const quarter = await resolveAudience(
      ctx.repos,
      { type: "notSubmitted", kind: "quarterly", periodKey: "2026-Q4" },
      owed,
    );
    expect(quarter.map((u) => u.id)).toEqual([regionalOfficer.id]);
    const year = await resolveAudience(
      ctx.repos,
      { type: "notSubmitted", kind: "annual", periodKey: "2026" },
      owed,
    );
    expect(year.map((u) => u.id).sort()).toEqual([centralOfficer.id, regionalOfficer.id].sort());
  });

  it("lists no quarterly report in the central body's /score, and the regional body's quarter", async () => {
    const { central, regional } = await seed();
    const options = { now: almaty("2027-01-20T12:00"), zone: "Asia/Almaty", methodology: BOOK };
    const kinds = async (body: typeof central) =>
      (await scoreReporting(ctx.repos, body, "2026-12", options)).reports.map(
        (r) => `${r.kind}:${r.periodKey}`,
      );
    expect(await kinds(central)).not.toContainEqual(expect.stringMatching(/^quarterly:/));
    expect(await kinds(regional)).toContain("quarterly:2026-Q4");
    const centralSpans = (await scoreReporting(ctx.repos, central, "2026-12", options)).spans;
    const regionalSpans = (await scoreReporting(ctx.repos, regional, "2026-12", options)).spans;
    // The quarter's reports the central body owes are the quarter's months only.
    expect(regionalSpans.quarter.expected - centralSpans.quarter.expected).toBe(1);
  });
});
