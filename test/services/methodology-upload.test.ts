import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { METHODOLOGY_DIR, MethodologyLoadError } from "../../src/methodology/load.ts";
import { openMethodologyShelf } from "../../src/methodology/shelf.ts";
import { activateUpload, checkUpload } from "../../src/services/methodology-upload.ts";
import { recomputeReportScores } from "../../src/services/report-scores.ts";
import { describeDatabases } from "../db/database.ts";
import { fileIndicator } from "../support/methodology.ts";
import { monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";

const NOW = new Date("2026-12-10T09:00:00Z");

/** The text of a changed copy of 2026.1, as an admin would upload it. */
// biome-ignore lint/suspicious/noExplicitAny: the file's plain data, edited freely.
function versionText(id: string, appliesFrom: string, edit: (file: any) => void = () => {}) {
  const file = parse(readFileSync(join(METHODOLOGY_DIR, "2026.1.yaml"), "utf8"));
  file.id = id;
  file.appliesFrom = appliesFrom;
  edit(file);
  return stringify(file);
}

// An explanatory event worth 3 points instead of 2.
const V2027 = versionText("2027.1", "2027", (file) => {
  fileIndicator(file, "p4.t2.s3").rule.perItem = 3;
});

describeDatabases("uploaded methodology versions", (ctx) => {
  async function world() {
    const bodies = await seedBodies(ctx.repos);
    const admin = await seedPerson(ctx.repos, 8001, "admin", null);
    const author = await seedPerson(ctx.repos, 8002, "commissioner", bodies.child.id);
    return { bodies, admin, author };
  }

  test("takes a new year's version, scores the new year by it and leaves what was scored", async () => {
    const { bodies, author } = await world();
    const shelf = await openMethodologyShelf(ctx.repos);
    const report = (month: string) =>
      monthlyReport(bodies.child.id, author.id, month, { at: NOW, explanatory: 4 });
    for (const month of ["2026-11", "2027-01"]) {
      await ctx.repos.submissions.submit(report(month));
    }
    const score = (periodKey: string) =>
      recomputeReportScores(
        ctx.repos,
        shelf.book(),
        { bodyId: bodies.child.id, kind: "monthly", periodKey },
        { now: NOW },
      );
    await score("2026-11");
    const before = await ctx.repos.scores.listScores({ periodKeys: ["2026-11"] });

    const result = await activateUpload(ctx.repos, shelf, {
      text: V2027,
      fileName: "2027.1.yaml",
      actorTelegramId: 8001,
      now: NOW,
    });
    expect(result).toMatchObject({
      ok: true,
      version: { id: "2027.1" },
      replaces: { id: "2026.1" },
    });
    expect(shelf.book().versions.map((v) => v.id)).toEqual(["2026.1", "2027.1"]);

    expect((await score("2027-01"))?.methodologyVersion).toBe("2027.1");
    await score("2026-11");
    expect(await ctx.repos.scores.listScores({ periodKeys: ["2026-11"] })).toEqual(before);
    const january = await ctx.repos.scores.listScores({ periodKeys: ["2027-01"] });
    expect(january.find((s) => s.indicatorId === "p4.t2.s3")).toMatchObject({
      points: 1000,
      methodologyVersion: "2027.1",
    });
  });

  test("refuses a version that would rescore a scored period, a taken id, and a broken file", async () => {
    const { bodies, author } = await world();
    const shelf = await openMethodologyShelf(ctx.repos);
    await ctx.repos.submissions.submit(
      monthlyReport(bodies.child.id, author.id, "2026-11", { at: NOW, explanatory: 1 }),
    );
    await recomputeReportScores(ctx.repos, shelf.book(), {
      bodyId: bodies.child.id,
      kind: "monthly",
      periodKey: "2026-11",
    });
    const check = (text: string) => checkUpload(ctx.repos, shelf.book(), text);
    expect(await check(versionText("2026.2", "2026-Q4"))).toEqual({
      ok: false,
      reason: "rescores",
      id: "2026.2",
      periods: ["2026-11"],
    });
    // A new oldest version also reads the periods before it: a 2024 score stands in its way.
    expect(await check(versionText("2020.1", "2020"))).toMatchObject({ ok: true });
    await ctx.repos.scores.replaceScores({
      bodyId: bodies.child.id,
      periodKey: "2024-06",
      methodologyVersion: "2026.1",
      computedAt: NOW,
      breakdown: [{ indicatorId: "p4.t2.s3", points: 200, applicable: true }],
    });
    expect(await check(versionText("2020.1", "2020"))).toEqual({
      ok: false,
      reason: "rescores",
      id: "2020.1",
      periods: ["2024-06"],
    });
    expect(await check(versionText("2026.1", "2027"))).toEqual({
      ok: false,
      reason: "duplicateId",
      id: "2026.1",
    });
    expect(await check("id: [")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await check(versionText("2026.3", "2026-12"))).toMatchObject({ ok: true });
  });

  test("lets only an active admin activate, once", async () => {
    const { bodies } = await world();
    await seedPerson(ctx.repos, 8003, "manager", bodies.parent.id);
    const switchedOff = await seedPerson(ctx.repos, 8004, "admin", null);
    await ctx.repos.users.setActive(switchedOff.id, false);
    const shelf = await openMethodologyShelf(ctx.repos);
    const activate = (actorTelegramId: number) =>
      activateUpload(ctx.repos, shelf, {
        text: V2027,
        fileName: "f.yaml",
        actorTelegramId,
        now: NOW,
      });
    expect(await activate(8003)).toEqual({ ok: false, reason: "notAllowed" });
    expect(await activate(8004)).toEqual({ ok: false, reason: "notAllowed" });
    expect(await activate(9999)).toEqual({ ok: false, reason: "notAllowed" });
    expect((await activate(8001)).ok).toBe(true);
    expect(await activate(8001)).toMatchObject({ ok: false, reason: "duplicateId" });
    expect(await ctx.repos.methodology.listUploads()).toHaveLength(1);
    const audit = await ctx.repos.audit.list({ limit: 10 });
    expect(audit.filter((a) => a.action === "methodology.activate")).toHaveLength(1);
  });

  test("another process sees an upload at its next refresh, and a stored upload that no longer reads stops the start", async () => {
    await world();
    const here = await openMethodologyShelf(ctx.repos);
    const there = await openMethodologyShelf(ctx.repos);
    await activateUpload(ctx.repos, here, {
      text: V2027,
      fileName: "2027.1.yaml",
      actorTelegramId: 8001,
      now: NOW,
    });
    expect(there.book().byId("2027.1")).toBeUndefined();
    await there.refresh();
    expect(there.book().forPeriod("2027-03").id).toBe("2027.1");
    expect((await openMethodologyShelf(ctx.repos)).book().newest.id).toBe("2027.1");

    await ctx.db.prisma.uploadedMethodology.updateMany({ data: { source: "id: [" } });
    await expect(openMethodologyShelf(ctx.repos)).rejects.toBeInstanceOf(MethodologyLoadError);
  });
});
