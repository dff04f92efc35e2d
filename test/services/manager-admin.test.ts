import { expect, it } from "vitest";
import { readWorkbookRows } from "../../src/documents/read-workbook.ts";
import { pointsToNumber } from "../../src/domain/points.ts";
import { scoreReport } from "../../src/domain/scoring/score-report.ts";
import type { IndicatorValue } from "../../src/domain/scoring/values.ts";
import { listVisibleBodies, mayViewBody } from "../../src/services/body-scope.ts";
import { reportingMonth, summarizeBodyScores } from "../../src/services/body-scores.ts";
import { importDirectory } from "../../src/services/directory-import.ts";
import { exportMonthlyReports, exportScoreSheet, runExport } from "../../src/services/exports.ts";
import { rankBodiesOfKind } from "../../src/services/leaderboard.ts";
import { recomputeReportScores } from "../../src/services/report-scores.ts";
import { listReportProblems } from "../../src/services/report-status.ts";
import { decideReview, loadHistory, loadReview } from "../../src/services/review.ts";
import { parseCsv } from "../../src/services/table-file.ts";
import { changeUserRole } from "../../src/services/user-admin.ts";
import { describeDatabases } from "../db/database.ts";
import { BOOK, V2026 } from "../support/methodology.ts";
import { bodiesCsv, monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";

const NOW = new Date("2026-11-20T09:00:00Z");
const ZONE = "Asia/Almaty";

describeDatabases("manager and admin services", (ctx) => {
  it("lets a manager see their body and every body below it, and nobody else more than their own", async () => {
    const { parent, child, grandchild, sibling, ministry } = await seedBodies(ctx.repos);
    const manager = await seedPerson(ctx.repos, 1, "manager", parent.id);
    const commissioner = await seedPerson(ctx.repos, 2, "commissioner", child.id);
    const admin = await seedPerson(ctx.repos, 3, "admin", null);
    expect((await listVisibleBodies(ctx.repos, manager)).map((b) => b.code)).toEqual([
      "OBL",
      "CITY",
      "DIST",
    ]);
    expect(await mayViewBody(ctx.repos, manager, grandchild.id)).toBe(true);
    expect(await mayViewBody(ctx.repos, manager, sibling.id)).toBe(false);
    expect(await mayViewBody(ctx.repos, commissioner, child.id)).toBe(true);
    expect(await mayViewBody(ctx.repos, commissioner, parent.id)).toBe(false);
    expect(await mayViewBody(ctx.repos, admin, ministry.id)).toBe(true);
    expect(await listVisibleBodies(ctx.repos, { ...manager, active: false })).toEqual([]);
  });

  it("sums a body's stored points over the month, its quarter and the year to date", async () => {
    const { child } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 5, "commissioner", child.id);
    for (const [month, explanatory] of [
      ["2026-09", 5],
      ["2026-10", 2],
    ] as const) {
      await ctx.repos.submissions.submit(
        monthlyReport(child.id, author.id, month, { at: NOW, explanatory }),
      );
      await recomputeReportScores(
        ctx.repos,
        BOOK,
        { bodyId: child.id, kind: "monthly", periodKey: month },
        { now: NOW },
      );
    }
    expect(reportingMonth(NOW, ZONE)).toBe("2026-10");
    const summary = await summarizeBodyScores(ctx.repos, BOOK, child.id, "2026-10");
    const p4 = summary?.projects.find((p) => p.id === "p4");
    const explanatory = p4?.tasks.flatMap((t) => t.indicators).find((i) => i.id === "p4.t2.s3");
    // 2 events × 2 points in October; 5 × 2 = 10 (the cap) in September, in Q3.
    expect(explanatory).toMatchObject({
      points: { month: 400, quarter: 400, year: 1400 },
      maxPerReport: 1000,
    });
    expect(summary?.total.year).toBe(summary?.projects.reduce((sum, p) => sum + p.points.year, 0));
  });

  it("ranks bodies of one kind and marks the points of reports not yet accepted", async () => {
    const { parent, child, sibling } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 6, "commissioner", child.id);
    const admin = await seedPerson(ctx.repos, 7, "admin", null);
    const other = await seedPerson(ctx.repos, 8, "commissioner", sibling.id);
    await ctx.repos.submissions.submit(
      monthlyReport(child.id, author.id, "2026-10", { at: NOW, explanatory: 1 }),
    );
    const submitted = await ctx.repos.submissions.submit(
      monthlyReport(sibling.id, other.id, "2026-10", { at: NOW }),
    );
    for (const bodyId of [child.id, sibling.id]) {
      await recomputeReportScores(
        ctx.repos,
        BOOK,
        { bodyId, kind: "monthly", periodKey: "2026-10" },
        { now: NOW },
      );
    }
    if (!submitted.ok) throw new Error("submit");
    await decideReview(ctx.repos, BOOK, {
      submissionId: submitted.submission.id,
      reviewer: admin,
      decision: "accepted",
      now: NOW,
    });
    const lines = await rankBodiesOfKind(ctx.repos, "regional", "2026-10");
    expect(lines.map((l) => [l.rank, l.body.code, l.points, l.unreviewed])).toEqual([
      [1, "OTHER", 2700, 0],
      [2, "CITY", 2300, 2300],
      [3, "OBL", 0, 0],
      [3, "DIST", 0, 0],
    ]);
    expect(lines.some((l) => l.body.id === parent.id)).toBe(true);
  });

  it("keeps every version and decision: returned with a comment, corrected, accepted", async () => {
    const { child } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 9, "commissioner", child.id, "kk");
    const admin = await seedPerson(ctx.repos, 10, "admin", null);
    const first = await ctx.repos.submissions.submit(
      monthlyReport(child.id, author.id, "2026-10", { at: NOW }),
    );
    if (!first.ok) throw new Error("submit");
    const id = first.submission.id;
    await recomputeReportScores(
      ctx.repos,
      BOOK,
      { bodyId: child.id, kind: "monthly", periodKey: "2026-10" },
      { now: NOW },
    );

    expect(
      await decideReview(ctx.repos, BOOK, {
        submissionId: id,
        reviewer: admin,
        decision: "returned",
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      reason: "commentRequired",
    });
    const returned = await decideReview(ctx.repos, BOOK, {
      submissionId: id,
      reviewer: admin,
      decision: "returned",
      comment: "Сілтеме жоқ",
      now: new Date("2026-11-20T10:00:00Z"),
    });
    expect(returned).toMatchObject({
      ok: true,
      submission: { status: "returned" },
      author: { id: author.id },
    });
    // A returned report counts for nothing until it is corrected.
    expect(
      await ctx.repos.scores.listScores({ periodKeys: ["2026-10"], bodyId: child.id }),
    ).toEqual([]);

    await ctx.repos.submissions.submit(
      monthlyReport(child.id, author.id, "2026-10", {
        at: new Date("2026-11-21T08:00:00Z"),
        late: true,
      }),
    );
    const accepted = await decideReview(ctx.repos, BOOK, {
      submissionId: id,
      reviewer: admin,
      decision: "accepted",
      now: new Date("2026-11-21T09:00:00Z"),
    });
    expect(accepted).toMatchObject({ ok: true, submission: { status: "accepted" } });
    expect(
      await decideReview(ctx.repos, BOOK, {
        submissionId: id,
        reviewer: admin,
        decision: "accepted",
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      reason: "notSubmitted",
    });
    const history = await loadHistory(ctx.repos, id);
    expect(
      history.map((e) =>
        e.type === "version"
          ? `v${e.number}`
          : `${e.action} v${e.versionNumber} ${e.comment ?? ""}`.trim(),
      ),
    ).toEqual(["v1", "return v1 Сілтеме жоқ", "v2", "accept v2"]);
    const view = await loadReview(ctx.repos, BOOK, id);
    expect(view?.version.number).toBe(2);
    expect(view?.score.total).toBe(2700);
    const stored = await ctx.repos.scores.listScores({ periodKeys: ["2026-10"], bodyId: child.id });
    expect(stored.reduce((s, r) => s + r.points, 0)).toBe(2700);
    const audit = await ctx.repos.audit.list();
    expect(audit.map((a) => a.action)).toEqual(["review.accept", "review.return"]);
  });

  it("flags missing, late and returned reports whose deadline has passed", async () => {
    const { child } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 11, "commissioner", child.id);
    for (let m = 1; m <= 9; m++) {
      const key = `2026-${String(m).padStart(2, "0")}`;
      if (m === 4) continue;
      await ctx.repos.submissions.submit(
        monthlyReport(child.id, author.id, key, { at: NOW, late: m === 6 }),
      );
    }
    const problems = await listReportProblems(ctx.repos, child.id, {
      year: 2026,
      now: NOW,
      zone: ZONE,
      methodology: BOOK,
    });
    expect(problems.map((p) => `${p.state} ${p.kind} ${p.periodKey}`)).toEqual([
      "missing annual 2025",
      "missing quarterly 2026-Q1",
      "missing monthly 2026-04",
      "late monthly 2026-06",
      "missing quarterly 2026-Q2",
      "missing quarterly 2026-Q3",
      "missing monthly 2026-10",
    ]);
  });

  it("exports score sheets and monthly reports holding the scoring engine's numbers", async () => {
    const { child } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 12, "commissioner", child.id);
    const input = monthlyReport(child.id, author.id, "2026-10", {
      at: NOW,
      explanatory: 4,
      views: 800,
    });
    await ctx.repos.submissions.submit(input);
    await recomputeReportScores(
      ctx.repos,
      BOOK,
      { bodyId: child.id, kind: "monthly", periodKey: "2026-10" },
      { now: NOW },
    );
    const engine = scoreReport(V2026, {
      bodyKind: "regional",
      p1Exempt: false,
      kind: "monthly",
      values: input.values as Record<string, IndicatorValue>,
    });
    const [sheet] =
      (await exportScoreSheet(ctx.repos, BOOK, {
        bodyId: child.id,
        span: { periodKey: "2026-10" },
        format: "xlsx",
        lang: "ru",
      })) ?? [];
    const rows = (await readWorkbookRows(sheet?.data ?? Buffer.alloc(0)))[0]?.rows ?? [];
    for (const indicator of engine.indicators) {
      const number = V2026.indicators.find((d) => d.id === indicator.id)?.number;
      const row = rows.find((r) => r[0] === number);
      expect(row?.[4], indicator.id).toBe(pointsToNumber(indicator.points));
    }
    expect(rows.at(-1)?.[4]).toBe(pointsToNumber(engine.total));
    // People read the methodology's numbers; the ids stay out of the sheet.
    expect(JSON.stringify(rows)).not.toMatch(/p\d\.t\d/);

    const [workbook] = await exportMonthlyReports(ctx.repos, {
      periodKey: "2026-Q4",
      format: "xlsx",
      lang: "kk",
    });
    const [appendix5, appendix6] = await readWorkbookRows(workbook?.data ?? Buffer.alloc(0));
    expect(appendix5?.rows.length).toBe(2 + 5);
    expect(appendix6?.rows[2]?.slice(4, 10)).toEqual([
      "Адалдық — жол",
      "Молодёжь",
      150,
      "Иә",
      "https://t.me/adaldyq/1\nhttps://instagram.com/p/1",
      800,
    ]);
    const csv = await exportMonthlyReports(ctx.repos, {
      periodKey: "2026-10",
      format: "csv",
      lang: "ru",
    });
    expect(csv.map((f) => f.fileName)).toEqual(["appendix5-2026-10.csv", "appendix6-2026-10.csv"]);
    expect(parseCsv(csv[0]?.data.toString("utf8") ?? "")).toHaveLength(1 + 5);
  });

  it("records exports and refuses a bad period", async () => {
    expect(
      await runExport(
        ctx.repos,
        BOOK,
        { kind: "monthly", periodKey: "2026-13" },
        { format: "csv", lang: "ru", actorUserId: null, now: NOW, zone: ZONE },
      ),
    ).toEqual({
      ok: false,
      reason: "badPeriod",
    });
    const result = await runExport(
      ctx.repos,
      BOOK,
      { kind: "leaderboard", periodKey: "2026" },
      { format: "xlsx", lang: "ru", actorUserId: null, now: NOW, zone: ZONE },
    );
    expect(result.ok && result.files.map((f) => f.fileName)).toEqual([
      "leaderboard-central-2026.xlsx",
      "leaderboard-regional-2026.xlsx",
    ]);
    expect((await ctx.repos.audit.list())[0]).toMatchObject({
      action: "export",
      target: "leaderboard",
    });
  });

  it("imports a directory all or nothing, telling every problem at once; a second import changes nothing", async () => {
    const broken = parseCsv(
      bodiesCsv(200, (row, i) =>
        i === 10
          ? [...row.slice(0, 3), "federal", ...row.slice(4)]
          : i === 50
            ? ["body", "", ...row.slice(2)]
            : i === 120
              ? [...row.slice(0, 2), "NOWHERE", ...row.slice(3)]
              : row,
      ),
    );
    const failed = await importDirectory(ctx.repos, broken, {
      actorUserId: null,
      now: NOW,
      source: "bodies.csv",
    });
    // The file's own mistakes and the one only the stored directory reveals, in one answer.
    expect(!failed.ok && failed.problems.map((p) => [p.row, p.cell, p.column, p.code])).toEqual([
      [12, "D12", "kind", "badKind"],
      [52, "B52", "code", "required"],
      [122, "C122", "parent_code", "unknownParent"],
    ]);
    expect(await ctx.repos.directory.listBodies({ includeInactive: true })).toEqual([]);

    const fixedCodes = parseCsv(
      bodiesCsv(200, (row, i) =>
        i === 120 ? [...row.slice(0, 2), "NOWHERE", ...row.slice(3)] : row,
      ),
    );
    const unknownParent = await importDirectory(ctx.repos, fixedCodes, {
      actorUserId: null,
      now: NOW,
      source: "bodies.csv",
    });
    expect(!unknownParent.ok && unknownParent.problems).toEqual([
      {
        row: 122,
        column: "parent_code",
        cell: "C122",
        code: "unknownParent",
        value: "NOWHERE",
      },
    ]);
    expect(await ctx.repos.directory.listBodies()).toEqual([]);

    const good = parseCsv(bodiesCsv(200));
    const first = await importDirectory(ctx.repos, good, {
      actorUserId: null,
      now: NOW,
      source: "bodies.csv",
    });
    expect(first).toMatchObject({
      ok: true,
      summary: { rows: 200, bodiesCreated: 200, bodiesUpdated: 0 },
    });
    const again = await importDirectory(ctx.repos, good, {
      actorUserId: null,
      now: NOW,
      source: "bodies.csv",
    });
    expect(again).toEqual({
      ok: true,
      movedTelegramIds: [],
      summary: {
        rows: 200,
        bodiesCreated: 0,
        bodiesUpdated: 0,
        membersCreated: 0,
        membersUpdated: 0,
        peopleCreated: 0,
        peopleUpdated: 0,
      },
    });
    const root = await ctx.repos.directory.getBodyByCode("ROOT");
    expect((await ctx.repos.directory.listSubordinates(root?.id ?? 0)).length).toBe(199);
  });

  it("imports members of stored bodies and people, updating only what changed", async () => {
    await seedBodies(ctx.repos);
    const table = [
      [
        "type",
        "code",
        "body_code",
        "name_kk",
        "name_ru",
        "name",
        "telegram_id",
        "role",
        "language",
      ],
      ["district", "D1", "OBL", "Абай ауданы", "Абайский район", "", "", "", ""],
      ["person", "", "OBL", "", "", "Айгүл", "555", "руководитель", "қазақ"],
    ];
    const first = await importDirectory(ctx.repos, table, {
      actorUserId: null,
      now: NOW,
      source: "people.xlsx",
    });
    expect(first).toMatchObject({
      ok: true,
      summary: { membersCreated: 1, peopleCreated: 1, bodiesUpdated: 0 },
    });
    const person = await ctx.repos.users.getUserByTelegramId(555);
    expect(person).toMatchObject({ role: "manager", language: "kk", name: "Айгүл" });
    const renamed = table.map((row) =>
      row[0] === "person" ? row.map((c) => (c === "руководитель" ? "ответственный" : c)) : row,
    );
    const second = await importDirectory(ctx.repos, renamed, {
      actorUserId: null,
      now: NOW,
      source: "people.xlsx",
    });
    expect(second).toMatchObject({
      ok: true,
      summary: { membersCreated: 0, membersUpdated: 0, peopleCreated: 0, peopleUpdated: 1 },
    });
    expect((await ctx.repos.users.getUserByTelegramId(555))?.role).toBe("officer");
    const cycle = [
      ["type", "code", "parent_code", "kind", "name_kk", "name_ru"],
      ["body", "OBL", "DIST", "regional", "а", "б"],
    ];
    const refused = await importDirectory(ctx.repos, cycle, {
      actorUserId: null,
      now: NOW,
      source: "x.csv",
    });
    expect(!refused.ok && refused.problems[0]?.code).toBe("parentCycle");
  });

  it("changes roles with an audit entry, but never one's own or to a role that needs a body", async () => {
    const { child } = await seedBodies(ctx.repos);
    const admin = await seedPerson(ctx.repos, 20, "admin", null);
    const other = await seedPerson(ctx.repos, 21, "admin", null);
    const officer = await seedPerson(ctx.repos, 22, "officer", child.id);
    expect(
      await changeUserRole(ctx.repos, {
        actor: admin,
        userId: admin.id,
        role: "manager",
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "ownRole" });
    expect(
      await changeUserRole(ctx.repos, {
        actor: admin,
        userId: other.id,
        role: "manager",
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "bodyRequired" });
    const changed = await changeUserRole(ctx.repos, {
      actor: admin,
      userId: officer.id,
      role: "manager",
      now: NOW,
    });
    expect(changed).toMatchObject({ ok: true, user: { role: "manager", bodyId: child.id } });
    expect((await ctx.repos.audit.list())[0]).toMatchObject({
      action: "user.role",
      details: { from: "officer", to: "manager" },
    });
  });
});
