import { describe, expect, it } from "vitest";
import type { Repositories } from "../../src/db/index.ts";
import { readWorkbookRows } from "../../src/documents/index.ts";
import { scoreReport } from "../../src/domain/scoring/score-report.ts";
import { collectDigest } from "../../src/jobs/digest-data.ts";
import { runLeaderboard } from "../../src/jobs/leaderboard.ts";
import { runMonthlyDigest } from "../../src/jobs/monthly-digest.ts";
import { recomputeReportScores, yearScores } from "../../src/services/report-scores.ts";
import { computeStandings } from "../../src/services/standings.ts";
import { BOOK, V2026 } from "../support/methodology.ts";
import { saveScreenshot } from "../support/screenshots.ts";
import { seedBody, seedUser } from "../support/seed.ts";
import { almaty, jobConfig, outboxOf, useJobDatabase } from "./support.ts";

type Values = Record<string, unknown>;

const monthValues: Record<string, Record<string, Values>> = {
  M: {
    "2026-09": {
      "p4.t2.s3": 2,
      "p4.t2.s4": 1,
      "p4.t3.s1": { events: 1, published: false, views: 0 },
    },
    "2026-10": {
      "p4.t2.s3": 4,
      "p4.t2.s4": 3,
      "p4.t3.s1": { events: 2, published: true, views: 300 },
    },
  },
  S: {
    "2026-09": {
      "p4.t2.s3": 5,
      "p4.t2.s4": 10,
      "p4.t3.s1": { events: 3, published: true, views: 5000 },
    },
    "2026-10": { "p4.t2.s3": 1 },
  },
  O: {
    "2026-09": { "p4.t2.s3": 1 },
    // O does not report for October.
  },
};

async function seedScores(repos: Repositories) {
  const m = await seedBody(repos, {
    code: "M",
    kind: "central",
    nameRu: "Министерство М",
    nameKk: "М министрлігі",
  });
  const s = await seedBody(repos, {
    code: "S",
    kind: "central",
    parentId: m.id,
    nameRu: "Комитет С",
    nameKk: "С комитеті",
  });
  const o = await seedBody(repos, {
    code: "O",
    kind: "central",
    nameRu: "Агентство О",
    nameKk: "О агенттігі",
  });
  const bodies = { M: m, S: s, O: o };
  const author = await seedUser(repos, { telegramId: 900, role: "commissioner", bodyId: m.id });
  for (const [code, months] of Object.entries(monthValues)) {
    const body = bodies[code as keyof typeof bodies];
    for (const [periodKey, values] of Object.entries(months)) {
      const result = await repos.submissions.submit({
        bodyId: body.id,
        kind: "monthly",
        periodKey,
        authorUserId: author.id,
        values,
        late: false,
        at: almaty("2026-11-01T09:00"),
      });
      if (!result.ok) throw new Error(`${code} ${periodKey}: ${result.reason}`);
      await recomputeReportScores(repos, BOOK, { bodyId: body.id, kind: "monthly", periodKey });
    }
  }
  return bodies;
}

/** The scoring engine's total for a body's month, computed from the seeded values directly. */
function engineTotal(code: string, month: string): number {
  const values = monthValues[code]?.[month];
  if (!values) return 0;
  return scoreReport(V2026, {
    bodyKind: "central",
    p1Exempt: false,
    kind: "monthly",
    values: values as never,
  }).total;
}

describe("the monthly digest and the leaderboard", () => {
  const ctx = useJobDatabase();
  const now = almaty("2026-11-07T10:00");

  it("the digest's numbers equal the scoring engine's", async () => {
    const { M, S, O } = await seedScores(ctx.repos);
    const standings = await computeStandings(ctx.repos, "2026-10");
    const digest = await collectDigest(ctx.repos, BOOK, {
      bodyId: M.id,
      month: "2026-10",
      standings,
      now,
      zone: "Asia/Almaty",
    });
    if (!digest) throw new Error("no digest");
    expect(digest.own.month).toBe(engineTotal("M", "2026-10"));
    expect(digest.own.previousMonth).toBe(engineTotal("M", "2026-09"));
    expect(digest.own.yearToDate).toBe(engineTotal("M", "2026-09") + engineTotal("M", "2026-10"));
    expect(digest.own.yearToDate).toBe((await yearScores(ctx.repos, 2026, M.id)).get(M.id)?.total);
    expect(digest.subordinates.map((s) => [s.body.code, s.month, s.yearToDate])).toEqual([
      ["S", engineTotal("S", "2026-10"), engineTotal("S", "2026-09") + engineTotal("S", "2026-10")],
    ]);
    // The indicators of the workbook add up to the total.
    expect(digest.indicators.reduce((sum, i) => sum + i.points, 0)).toBe(digest.own.yearToDate);
    // Ranks follow year-to-date points among central bodies.
    const ytd = ["M", "S", "O"].map((code) => ({
      code,
      points: engineTotal(code, "2026-09") + engineTotal(code, "2026-10"),
    }));
    const order = [...ytd].sort((a, b) => b.points - a.points).map((x) => x.code);
    expect(
      [M, S, O]
        .sort((a, b) => (standings.get(a.id)?.rank ?? 0) - (standings.get(b.id)?.rank ?? 0))
        .map((b) => b.code),
    ).toEqual(order);
    expect(digest.missing.map((b) => b.code)).toEqual([]);
    expect(O.code).toBe("O");
  });

  it("sends each manager a digest in their language with two charts and a workbook", async () => {
    const { M } = await seedScores(ctx.repos);
    await seedUser(ctx.repos, { telegramId: 701, role: "manager", bodyId: M.id, language: "ru" });
    await seedUser(ctx.repos, { telegramId: 702, role: "manager", bodyId: M.id, language: "kk" });
    const outcome = await runMonthlyDigest({
      repos: ctx.repos,
      methodology: BOOK,
      now,
      config: jobConfig,
    });
    expect(outcome).toEqual({ enqueued: 8 });
    const messages = await outboxOf(ctx.db);
    const ru = messages.filter((m) => m.chatId === 701);
    expect(ru.map((m) => m.key)).toEqual([
      "digest:2026-10:user:2:text",
      "digest:2026-10:user:2:trend",
      "digest:2026-10:user:2:leaderboard",
      "digest:2026-10:user:2:sheet",
    ]);
    const monthM = engineTotal("M", "2026-10");
    const change = monthM - engineTotal("M", "2026-09");
    const fmt = (h: number) => String(h / 100).replace(".", ",");
    expect(ru[0]?.text).toContain(`📊 Итоги за октябрь 2026\nМинистерство М`);
    expect(ru[0]?.text).toContain(
      `Баллы за месяц: ${fmt(monthM)} (▲ +${fmt(change)} к предыдущему месяцу)`,
    );
    expect(ru[0]?.text).toMatch(/• Комитет С: .+, \d+-е место · 📥 2\/10\n/);
    expect(ru[0]?.text).toContain("Сдача отчётов с начала года: получено 2 из 10, в срок — 2.");
    // Where points were left: the methodology's numbers and short titles, never ids.
    expect(ru[0]?.text).toMatch(/• 4\.\d\.\d [^\n]+: [\d,]+ из [\d,]+/);
    expect(ru[0]?.text).not.toMatch(/p\d\.t\d/);
    expect(ru[0]?.text).toContain("Отчёт за месяц сдали все.");
    expect(ru[0]?.text).toContain("Где недобрано больше всего баллов:");
    const kk = messages.filter((m) => m.chatId === 702);
    expect(kk[0]?.text).toContain("📊 2026 ж. қазан қорытындысы\nМ министрлігі");
    expect(kk[1]?.attachments).toMatchObject([{ kind: "photo", filename: "trend.png" }]);
    for (const [name, message] of [
      ["digest-trend-outbox-kk", kk[1]],
      ["digest-leaderboard-outbox-kk", kk[2]],
      ["digest-trend-outbox-ru", ru[1]],
    ] as const) {
      const [photo] = (message?.attachments ?? []) as { file: string }[];
      saveScreenshot(name, (await ctx.repos.outbox.readFile(photo?.file ?? "")) ?? Buffer.alloc(0));
    }
    expect(kk[3]?.attachments).toMatchObject([
      { kind: "document", filename: "scores-2026-10.xlsx" },
    ]);
    // The workbook's total is the stored year-to-date total.
    const [sheet] = (ru[3]?.attachments ?? []) as { file: string }[];
    const bytes = await ctx.repos.outbox.readFile(sheet?.file ?? "");
    const rows = await readWorkbookRows(bytes ?? Buffer.alloc(0));
    expect(JSON.stringify(rows)).toContain(
      fmt(engineTotal("M", "2026-09") + monthM).replace(",", "."),
    );
    // Numbered as the methodology numbers them, with the most ten months could score.
    const sheetRows = rows[0]?.rows ?? [];
    expect(sheetRows[1]?.slice(0, 6)).toEqual([
      "№ индикатора оценки",
      "Проект",
      "Задача",
      "Наименование",
      "Баллы",
      "Максимум",
    ]);
    const explanatory = sheetRows.find((r) => r[0] === "4.2.3");
    expect(explanatory?.slice(1, 3)).toEqual(["4", "4.2"]);
    expect(explanatory?.[5]).toBe(100);
    expect(JSON.stringify(sheetRows)).not.toMatch(/p\d\.t\d/);
    // Running again (another instance, a restart) enqueues nothing twice.
    expect(
      await runMonthlyDigest({ repos: ctx.repos, methodology: BOOK, now, config: jobConfig }),
    ).toEqual({
      enqueued: 0,
    });
  });

  it("names the bodies that have not reported", async () => {
    const { O } = await seedScores(ctx.repos);
    await seedUser(ctx.repos, { telegramId: 703, role: "manager", bodyId: O.id });
    await runMonthlyDigest({ repos: ctx.repos, methodology: BOOK, now, config: jobConfig });
    const [text] = await outboxOf(ctx.db);
    expect(text?.text).toContain("Не сдали отчёт за месяц: Агентство О");
    expect(text?.text).toContain("Отчёт за месяц не получен — баллов за месяц нет.");
  });

  it("posts the leaderboard of the body's kind with the month's movers and reports received to commissioners", async () => {
    const { M, O } = await seedScores(ctx.repos);
    await seedUser(ctx.repos, { telegramId: 801, role: "manager", bodyId: M.id });
    await seedUser(ctx.repos, {
      telegramId: 802,
      role: "commissioner",
      bodyId: O.id,
      language: "kk",
    });
    await seedUser(ctx.repos, { telegramId: 803, role: "officer", bodyId: O.id });
    await runLeaderboard({ repos: ctx.repos, methodology: BOOK, now, config: jobConfig });
    const messages = await outboxOf(ctx.db);
    // Managers read the leaderboard in their digest: the post is for commissioners.
    expect(messages.map((m) => m.chatId).sort()).toEqual([802, 900]);
    const standings = await computeStandings(ctx.repos, "2026-10");
    const ranked = [...standings.values()].sort((a, b) => a.rank - b.rank);
    const toCommissioner = messages.find((m) => m.chatId === 900);
    expect(toCommissioner?.text.split("\n")[0]).toBe(
      "🏆 Рейтинг центральных государственных органов",
    );
    for (const s of ranked)
      expect(toCommissioner?.text).toContain(`${s.rank}. ${s.body.nameRu} — `);
    // January to October: ten monthly reports owed; O sent September's only, and waits for review.
    expect(toCommissioner?.text).toMatch(
      /\. Агентство О — [−\d,]+ \(на проверке: [−\d,]+\) · 📥 1\/10\n/,
    );
    expect(toCommissioner?.text).toMatch(
      /\. Министерство М — [−\d,]+ \(на проверке: [−\d,]+\) · 📥 2\/10 ← ваш орган\n/,
    );
    expect(toCommissioner?.text).toContain("Сдано отчётов с начала года: 5 из 30, в срок — 5.");
    expect(toCommissioner?.text).toContain("📥 — получено отчётов из ожидаемых;");
    const moved = ranked.filter((s) => s.previousRank !== s.rank);
    if (moved.length > 0) expect(toCommissioner?.text).toContain("Изменения за месяц:");
    else expect(toCommissioner?.text).toContain("Места за месяц не изменились.");
    const kk = messages.find((m) => m.chatId === 802)?.text;
    expect(kk).toContain("сіздің органыңыз");
    expect(kk).toContain("Жыл басынан бері тапсырылған есептер: 30 ішінен 5, мерзімінде — 5.");
    expect(toCommissioner?.attachments).toMatchObject([
      { kind: "photo", filename: "leaderboard.png" },
    ]);
  });

  it("draws a body's chart once a language: its readers get the one stored file", async () => {
    const { M, O } = await seedScores(ctx.repos);
    await seedUser(ctx.repos, { telegramId: 901, role: "commissioner", bodyId: M.id });
    await seedUser(ctx.repos, { telegramId: 902, role: "commissioner", bodyId: M.id });
    await seedUser(ctx.repos, {
      telegramId: 903,
      role: "commissioner",
      bodyId: M.id,
      language: "kk",
    });
    await seedUser(ctx.repos, { telegramId: 904, role: "commissioner", bodyId: O.id });
    await runLeaderboard({ repos: ctx.repos, methodology: BOOK, now, config: jobConfig });
    const chartOf = new Map(
      (await outboxOf(ctx.db)).flatMap((m) =>
        ((m.attachments ?? []) as { file?: string }[]).map((a) => [m.chatId, a.file ?? ""]),
      ),
    );
    // 900 is M's commissioner from the seed, in Russian like 901 and 902.
    expect([...chartOf.keys()].sort()).toEqual([900, 901, 902, 903, 904]);
    expect(new Set([900, 901, 902].map((chat) => chartOf.get(chat))).size).toBe(1);
    const files = new Set(chartOf.values());
    expect(files.size).toBe(3);
    for (const file of files) {
      const png = await ctx.repos.outbox.readFile(file);
      expect(png?.subarray(1, 4).toString("latin1")).toBe("PNG");
    }
  });

  it("gives a manager one leaderboard: the digest's chart with the post's text", async () => {
    const { M } = await seedScores(ctx.repos);
    await seedUser(ctx.repos, { telegramId: 811, role: "manager", bodyId: M.id, language: "kk" });
    await runMonthlyDigest({ repos: ctx.repos, methodology: BOOK, now, config: jobConfig });
    await runLeaderboard({ repos: ctx.repos, methodology: BOOK, now, config: jobConfig });
    const toManager = (await outboxOf(ctx.db)).filter((m) => m.chatId === 811);
    const boards = toManager.filter((m) =>
      ((m.attachments ?? []) as { filename?: string }[]).some(
        (a) => a.filename === "leaderboard.png",
      ),
    );
    expect(boards).toHaveLength(1);
    const board = toManager.find((m) => m.text.startsWith("🏆"));
    expect(board?.text).toContain("М министрлігі — ");
    expect(board?.text).toContain("📥 2/10 ← сіздің органыңыз");
    expect(board?.text).toMatch(/Ай ішіндегі өзгерістер:|Ай ішінде орындар өзгерген жоқ\./);
  });
});

describe("the digest's trend tells the truth", () => {
  const ctx = useJobDatabase();
  // 7 January 2027: December's digest; the annual report is due on the 15th.
  const now = almaty("2027-01-07T10:00");
  const annualValues: Values = {
    "p1.t1.s1": true,
    "p1.t3.risks": { identified: 4, eliminated: 3, completed: 1 },
    "p2.t1.s1": { administrative: 1, criminal: 2 },
    "p3.t3.s1": 1,
    "p4.t2.s1": { headcount: 400, trained: 18 },
  };

  async function seedRegion() {
    const region = await seedBody(ctx.repos, {
      code: "KAR",
      kind: "regional",
      nameRu: "Акимат КАР",
    });
    const author = await seedUser(ctx.repos, {
      telegramId: 950,
      role: "officer",
      bodyId: region.id,
    });
    const report = async (
      kind: "monthly" | "quarterly" | "annual",
      periodKey: string,
      values: Values,
      late = false,
    ) => {
      const result = await ctx.repos.submissions.submit({
        bodyId: region.id,
        kind,
        periodKey,
        authorUserId: author.id,
        values,
        late,
        at: almaty("2027-01-03T09:00"),
      });
      if (!result.ok) throw new Error(`${periodKey}: ${result.reason}`);
      await recomputeReportScores(ctx.repos, BOOK, { bodyId: region.id, kind, periodKey });
    };
    // Every month but February (missing) and March (late); the first quarter's meeting; the year.
    for (const month of ["01", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]) {
      await report("monthly", `2026-${month}`, { "p4.t2.s3": 2 }, month === "03");
    }
    await report("quarterly", "2026-Q1", {
      "p4.t1.s1": { held: true, districts: 20, districtsNotHeld: 2 },
    });
    await report("annual", "2026", annualValues);
    return region;
  }

  it("carries each project's monthly, quarterly and annual points and marks what was not reported", async () => {
    const region = await seedRegion();
    const standings = await computeStandings(ctx.repos, "2026-12");
    const digest = await collectDigest(ctx.repos, BOOK, {
      bodyId: region.id,
      month: "2026-12",
      standings,
      now,
      zone: "Asia/Almaty",
    });
    if (!digest) throw new Error("no digest");
    const rows = digest.trend.periods.map((p) => `${p.periodKey} ${p.state}`);
    expect(rows).toEqual([
      "2026-01 onTime",
      "2026-02 missing",
      "2026-03 late",
      "2026-Q1 onTime",
      "2026-04 onTime",
      "2026-05 onTime",
      "2026-06 onTime",
      "2026-Q2 missing",
      "2026-07 onTime",
      "2026-08 onTime",
      "2026-09 onTime",
      "2026-Q3 missing",
      "2026-10 onTime",
      "2026-11 onTime",
      "2026-12 onTime",
      "2026-Q4 pending",
      "2026 onTime",
    ]);
    // The year's row holds the annual report's points of every project, as the engine scores them.
    const annual = scoreReport(V2026, {
      bodyKind: "regional",
      p1Exempt: false,
      kind: "annual",
      values: annualValues as never,
    });
    const yearRow = digest.trend.periods.findIndex((p) => p.periodKey === "2026");
    for (const series of digest.trend.series) {
      const engine = annual.indicators
        .filter((i) => i.applicable && i.id.startsWith(`${series.projectId}.`))
        .reduce((sum, i) => sum + i.points, 0);
      expect(series.points[yearRow], series.projectId).toBe(engine);
    }
    expect(digest.trend.series.map((s) => s.projectId)).toEqual(["p1", "p2", "p3", "p4"]);
    // The first quarter's commission (2,7) sits in its own row; every row adds up to the year.
    const q1 = digest.trend.periods.findIndex((p) => p.periodKey === "2026-Q1");
    expect(digest.trend.series.find((s) => s.projectId === "p4")?.points[q1]).toBe(270);
    const everything = digest.trend.series.flatMap((s) => s.points).reduce((a, b) => a + b, 0);
    expect(everything).toBe(digest.own.yearToDate);
  });

  it("draws the year for the manager, and a central body's trend has no quarters", async () => {
    const region = await seedRegion();
    await seedUser(ctx.repos, { telegramId: 951, role: "manager", bodyId: region.id });
    const ministry = await seedBody(ctx.repos, { code: "MIN", kind: "central" });
    await seedUser(ctx.repos, {
      telegramId: 952,
      role: "manager",
      bodyId: ministry.id,
      language: "kk",
    });
    await runMonthlyDigest({ repos: ctx.repos, methodology: BOOK, now, config: jobConfig });
    const messages = await outboxOf(ctx.db);
    for (const [chatId, name] of [
      [951, "digest-trend-year-ru"],
      [952, "digest-trend-central-kk"],
    ] as const) {
      const trend = messages.find((m) => m.chatId === chatId && m.key.endsWith(":trend"));
      const [photo] = (trend?.attachments ?? []) as { file: string }[];
      saveScreenshot(name, (await ctx.repos.outbox.readFile(photo?.file ?? "")) ?? Buffer.alloc(0));
    }
    const standings = await computeStandings(ctx.repos, "2026-12");
    const central = await collectDigest(ctx.repos, BOOK, {
      bodyId: ministry.id,
      month: "2026-12",
      standings,
      now,
      zone: "Asia/Almaty",
    });
    expect(central?.trend.periods.some((p) => p.periodKey.includes("Q"))).toBe(false);
    expect(central?.trend.periods.map((p) => p.state)).toEqual([
      ...Array.from({ length: 12 }, () => "missing"),
      "pending",
    ]);
    // The points-left lines name indicators by the methodology's numbers, never by ids.
    const text = messages.find((m) => m.chatId === 951 && m.key.endsWith(":text"))?.text ?? "";
    expect(text).toMatch(/• 4\.\d\.\d /);
    expect(text).not.toMatch(/p\d\.t\d/);
  });
});
