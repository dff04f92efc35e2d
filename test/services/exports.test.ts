import { expect, it } from "vitest";
import type { SubmitInput } from "../../src/db/repositories/index.ts";
import { countStatements } from "../../src/db/statement-count.ts";
import { readWorkbookRows } from "../../src/documents/read-workbook.ts";
import { type ExportRequest, monthlyReportRows, runExport } from "../../src/services/exports.ts";
import { recomputeReportScores } from "../../src/services/report-scores.ts";
import { describeDatabases } from "../db/database.ts";
import { BOOK } from "../support/methodology.ts";
import { monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";

const NOW = new Date("2026-11-20T09:00:00Z");
const ZONE = "Asia/Almaty";
const OPTIONS = { lang: "ru" as const, actorUserId: null, now: NOW, zone: ZONE };

/** A month as the new form stores it: each propaganda event with its participants, views and links. */
function newForm(bodyId: number, authorUserId: number, month: string): SubmitInput {
  return {
    bodyId,
    kind: "monthly",
    periodKey: month,
    authorUserId,
    late: false,
    at: NOW,
    values: {
      "p4.t2.s3": 1,
      "p4.t2.s4": 1,
      "p4.t3.s1": { events: 2, published: true, views: 900 },
    },
    events: [
      { kind: "explanatory", date: `${month}-02`, topic: "Этика", participants: 12 },
      {
        kind: "preventive",
        date: `${month}-03`,
        topic: "Главный специалист",
        position: "Главный специалист",
        participants: 1,
      },
      {
        kind: "propaganda",
        date: `${month}-10`,
        topic: "Закон и мы",
        audience: "Студенты",
        participants: 80,
        link: "https://t.me/a/1",
        views: 900,
      },
      {
        kind: "propaganda",
        date: `${month}-15`,
        topic: "Встреча в школе",
        audience: "Школьники",
        participants: 40,
        link: null,
        views: null,
      },
    ],
    evidence: [
      { item: "event:3", type: "link", link: "https://t.me/a/1" },
      { item: "event:3", type: "link", link: "https://instagram.com/p/2" },
      { item: "event:3", type: "photo", telegramFileId: "f-1", size: 10, mime: "image/jpeg" },
      {
        item: "event:4",
        type: "document",
        telegramFileId: "f-2",
        size: 10,
        mime: "application/pdf",
      },
    ],
  };
}

/** A month as the first form stored it: the month's links and views for the whole report. */
function oldForm(bodyId: number, authorUserId: number, month: string, events = true): SubmitInput {
  return {
    bodyId,
    kind: "monthly",
    periodKey: month,
    authorUserId,
    late: false,
    at: NOW,
    values: {
      "p4.t2.s3": 0,
      "p4.t2.s4": 0,
      "p4.t3.s1": { events: events ? 1 : 0, published: true, views: 3000 },
    },
    events: events
      ? [
          {
            kind: "propaganda",
            date: `${month}-20`,
            topic: "Адалдық",
            audience: "Молодёжь",
            participants: 0,
          },
        ]
      : [],
    evidence: [
      { item: "p4.t3.s1", type: "link", link: "https://facebook.com/x" },
      { item: "p4.t3.s1", type: "link", link: "https://t.me/old/9" },
    ],
  };
}

describeDatabases("exports that match the forms", (ctx) => {
  async function submit(input: SubmitInput) {
    const result = await ctx.repos.submissions.submit(input);
    if (!result.ok) throw new Error(result.reason);
    await recomputeReportScores(ctx.repos, BOOK, input, { now: NOW });
  }

  it("carries each propaganda event's participants, views and every link, files with their event", async () => {
    const { child } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 1, "commissioner", child.id);
    await submit(newForm(child.id, author.id, "2026-10"));
    const rows = await monthlyReportRows(ctx.repos, "2026-10", "ru");
    const propaganda = rows.filter((r) => r.section === "propaganda");
    expect(propaganda).toEqual([
      expect.objectContaining({
        topic: "Закон и мы",
        participants: 80,
        published: true,
        views: 900,
        links: ["https://t.me/a/1", "https://instagram.com/p/2"],
        evidence: [expect.stringMatching(/^фото № \d+ \(в боте\)$/)],
      }),
      expect.objectContaining({
        topic: "Встреча в школе",
        participants: 40,
        published: false,
        links: [],
        evidence: [expect.stringMatching(/^документ № \d+/)],
      }),
    ]);
    expect(propaganda[1]).not.toHaveProperty("views");
    expect(propaganda.every((r) => r.note === undefined)).toBe(true);
  });

  it("puts an older version's whole-month links and views on its first propaganda row, marked", async () => {
    const { child, sibling } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 1, "commissioner", child.id);
    await submit(oldForm(child.id, author.id, "2026-09"));
    await submit(oldForm(sibling.id, author.id, "2026-09", false));
    const [withEvent, withoutEvents] = (await monthlyReportRows(ctx.repos, "2026-09", "ru")).filter(
      (r) => r.section === "propaganda",
    );
    expect(withEvent).toMatchObject({
      topic: "Адалдық",
      published: true,
      views: 3000,
      links: ["https://facebook.com/x", "https://t.me/old/9"],
      note: "Ссылки и просмотры — за весь отчёт за месяц (отчёт сдан до разбивки по мероприятиям)",
    });
    // Participants were not asked then: unknown, not zero.
    expect(withEvent).not.toHaveProperty("participants");
    expect(withoutEvents).toMatchObject({
      bodyName: "Акимат OTHER",
      views: 3000,
      links: ["https://facebook.com/x", "https://t.me/old/9"],
    });
    expect(withoutEvents).not.toHaveProperty("date");

    const result = await runExport(
      ctx.repos,
      BOOK,
      { kind: "monthly", periodKey: "2026-Q3" },
      { ...OPTIONS, format: "xlsx" },
    );
    const [, appendix6] = await readWorkbookRows(
      result.ok ? (result.files[0]?.data ?? Buffer.alloc(0)) : Buffer.alloc(0),
    );
    expect(appendix6?.rows.slice(2).map((r) => r.slice(1))).toEqual([
      [
        "Акимат CITY",
        "сентябрь 2026",
        new Date(Date.UTC(2026, 8, 20)),
        "Адалдық",
        "Молодёжь",
        null,
        "Да",
        "https://facebook.com/x\nhttps://t.me/old/9",
        3000,
        null,
        "Ссылки и просмотры — за весь отчёт за месяц (отчёт сдан до разбивки по мероприятиям)",
      ],
      [
        "Акимат OTHER",
        "сентябрь 2026",
        null,
        null,
        null,
        null,
        "Да",
        "https://facebook.com/x\nhttps://t.me/old/9",
        3000,
        null,
        "Ссылки и просмотры — за весь отчёт за месяц (отчёт сдан до разбивки по мероприятиям)",
      ],
    ]);
  });

  it("exports a year of monthly reports and the leaderboards in as many statements for more bodies", async () => {
    const { parent, child, grandchild, sibling } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 1, "commissioner", child.id);
    const statementsOf = async (request: ExportRequest) => {
      const run = () => runExport(ctx.repos, BOOK, request, { ...OPTIONS, format: "xlsx" });
      const { result, statements } = await countStatements(run);
      if (!result.ok) throw new Error(result.reason);
      return statements;
    };
    const year: ExportRequest[] = [
      { kind: "monthly", periodKey: "2026" },
      { kind: "leaderboard", periodKey: "2026" },
    ];
    await submit(newForm(child.id, author.id, "2026-09"));
    const few = [];
    for (const request of year) few.push(await statementsOf(request));
    for (const body of [parent, child, grandchild, sibling])
      for (const month of ["2026-07", "2026-08", "2026-10"])
        await submit(newForm(body.id, author.id, month));
    const more = [];
    for (const request of year) more.push(await statementsOf(request));
    expect(more).toEqual(few);
    // The directory, one statement a month of the year, the audit entry.
    expect(few[0]).toBe(14);
  });

  it("keeps a manager's export to their bodies and refuses a score sheet outside them", async () => {
    const { parent, child, sibling } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 1, "commissioner", child.id);
    await submit(monthlyReport(child.id, author.id, "2026-10", { at: NOW }));
    await submit(monthlyReport(sibling.id, author.id, "2026-10", { at: NOW }));
    const scope = new Set([parent.id, child.id]);
    const refused = await runExport(
      ctx.repos,
      BOOK,
      { kind: "scores", periodKey: "2026-10", bodyId: sibling.id },
      { ...OPTIONS, format: "xlsx", scope },
    );
    expect(refused).toEqual({ ok: false, reason: "notAllowed" });
    const monthly = await runExport(
      ctx.repos,
      BOOK,
      { kind: "monthly", periodKey: "2026-10" },
      { ...OPTIONS, format: "xlsx", scope },
    );
    const sheets = await readWorkbookRows(
      monthly.ok ? (monthly.files[0]?.data ?? Buffer.alloc(0)) : Buffer.alloc(0),
    );
    const bodies = new Set(sheets.flatMap((s) => s.rows.slice(2).map((r) => r[1])));
    expect([...bodies]).toEqual(["Акимат CITY"]);
    const reporting = await runExport(
      ctx.repos,
      BOOK,
      { kind: "reporting", periodKey: "2026-10" },
      { ...OPTIONS, format: "xlsx", scope },
    );
    const [perBody] = await readWorkbookRows(
      reporting.ok ? (reporting.files[0]?.data ?? Buffer.alloc(0)) : Buffer.alloc(0),
    );
    expect(perBody?.rows.slice(2).map((r) => [r[0], r[2], r[3], r[4], r[10]])).toEqual([
      ["Акимат CITY", 1, 1, 1, null],
      ["Акимат OBL", 1, 0, 0, "не отчитался"],
    ]);
  });

  it("fills the leaderboard's change of place and each body's reports received", async () => {
    const { child, sibling } = await seedBodies(ctx.repos);
    const author = await seedPerson(ctx.repos, 1, "commissioner", child.id);
    // September: OTHER ahead; October: CITY ahead.
    await submit(monthlyReport(sibling.id, author.id, "2026-09", { at: NOW, explanatory: 5 }));
    await submit(monthlyReport(child.id, author.id, "2026-09", { at: NOW, explanatory: 1 }));
    await submit(monthlyReport(child.id, author.id, "2026-10", { at: NOW, explanatory: 5 }));
    const result = await runExport(
      ctx.repos,
      BOOK,
      { kind: "leaderboard", periodKey: "2026-10", bodyKind: "regional" },
      { ...OPTIONS, format: "xlsx" },
    );
    const [board] = await readWorkbookRows(
      result.ok ? (result.files[0]?.data ?? Buffer.alloc(0)) : Buffer.alloc(0),
    );
    const byName = new Map(board?.rows.slice(2).map((r) => [r[1], r]));
    // rank, body, points, unreviewed, change, received, expected, on time, note
    expect(byName.get("Акимат CITY")?.slice(4)).toEqual([1, 1, 1, 1, null]);
    expect(byName.get("Акимат OTHER")).toEqual([
      expect.any(Number),
      "Акимат OTHER",
      null,
      null,
      expect.any(Number),
      0,
      1,
      0,
      "не отчитался",
    ]);
    expect((byName.get("Акимат OTHER")?.[4] as number) < 0).toBe(true);
  });
});
