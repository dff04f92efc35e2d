import { expect, test } from "vitest";
import type { SubmitInput } from "../../src/db/repositories/index.ts";
import { countStatements } from "../../src/db/statement-count.ts";
import { type DatabaseContext, describeDatabases } from "./database.ts";

const october = new Date("2026-11-03T09:00:00Z");

async function seed(ctx: DatabaseContext) {
  const body = await ctx.repos.directory.createBody({
    code: "KZ-KAR",
    kind: "regional",
    nameKk: "Қарағанды облысының әкімдігі",
    nameRu: "Акимат Карагандинской области",
  });
  if (!body.ok) throw new Error(body.reason);
  const officer = await ctx.repos.users.createUser({
    telegramId: 501,
    name: "Ерлан",
    language: "kk",
    role: "officer",
    bodyId: body.body.id,
  });
  const commissioner = await ctx.repos.users.createUser({
    telegramId: 502,
    name: "Мария",
    language: "ru",
    role: "commissioner",
    bodyId: body.body.id,
  });
  if (!officer.ok || !commissioner.ok) throw new Error("seed users");
  return { bodyId: body.body.id, officerId: officer.user.id, commissionerId: commissioner.user.id };
}

/** Two more regional bodies beside seed()'s, in this order: Akmola, then Almaty. */
async function seedTwoMoreBodies(ctx: DatabaseContext) {
  const bodies = [];
  for (const [code, nameKk, nameRu] of [
    ["KZ-AKM", "Ақмола облысының әкімдігі", "Акимат Акмолинской области"],
    ["KZ-ALM", "Алматы облысының әкімдігі", "Акимат Алматинской области"],
  ] as const) {
    const created = await ctx.repos.directory.createBody({
      code,
      kind: "regional",
      nameKk,
      nameRu,
    });
    if (!created.ok) throw new Error("seed bodies");
    bodies.push(created);
  }
  return bodies as [(typeof bodies)[number], (typeof bodies)[number]];
}

function monthly(bodyId: number, authorUserId: number, events = 2): SubmitInput {
  return {
    bodyId,
    kind: "monthly",
    periodKey: "2026-10",
    authorUserId,
    late: false,
    at: october,
    values: { "p4.t2.s3": events, "p4.t3.s1": { events: 1, published: true, views: 1200 } },
    events: [
      {
        kind: "explanatory",
        date: "2026-10-12",
        topic: "Конфликт интересов",
        participants: 40,
        audience: "сотрудники",
      },
      {
        kind: "propaganda",
        date: "2026-10-20",
        topic: "Адалдық",
        participants: 0,
        link: "https://t.me/x/1",
        views: 1200,
      },
    ],
    evidence: [
      {
        item: "event:1",
        type: "photo",
        telegramFileId: "AgACAgIAAxk",
        size: 120_000,
        mime: "image/jpeg",
      },
      { item: "p4.t3.s1", type: "link", link: "https://t.me/x/1" },
    ],
  };
}

describeDatabases("submissions", (ctx) => {
  test("a submit stores values, event lines and evidence as version 1 and drops the author's draft", async () => {
    const { bodyId, officerId } = await seed(ctx);
    const key = { userId: officerId, bodyId, kind: "monthly" as const, periodKey: "2026-10" };
    await ctx.repos.drafts.saveDraft(key, { step: "events", values: { "p4.t2.s3": 2 } }, october);
    expect(await ctx.repos.drafts.getDraft(key)).toMatchObject({ document: { step: "events" } });

    const result = await ctx.repos.submissions.submit(monthly(bodyId, officerId));
    expect(result).toMatchObject({
      ok: true,
      version: { number: 1 },
      submission: { status: "submitted" },
    });
    const current = await ctx.repos.submissions.getCurrent(bodyId, "monthly", "2026-10");
    expect(current?.version?.values).toEqual({
      "p4.t2.s3": 2,
      "p4.t3.s1": { events: 1, published: true, views: 1200 },
    });
    expect(current?.version?.events.map((e) => [e.kind, e.date, e.participants])).toEqual([
      ["explanatory", "2026-10-12", 40],
      ["propaganda", "2026-10-20", 0],
    ]);
    expect(current?.version?.evidence.map((e) => [e.item, e.type])).toEqual([
      ["event:1", "photo"],
      ["p4.t3.s1", "link"],
    ]);
    expect(await ctx.repos.drafts.getDraft(key)).toBeUndefined();
  });

  test("tells in one statement where the body's reports of several periods stand", async () => {
    const { bodyId, commissionerId } = await seed(ctx);
    expect(await ctx.repos.submissions.listStatuses(bodyId, "monthly", [])).toEqual(new Map());
    await ctx.repos.submissions.submit(monthly(bodyId, commissionerId));
    await ctx.repos.submissions.submit({ ...monthly(bodyId, commissionerId), late: true });
    const { result, statements } = await countStatements(() =>
      ctx.repos.submissions.listStatuses(bodyId, "monthly", ["2026-10", "2026-09"]),
    );
    expect(statements).toBe(1);
    expect(result).toEqual(new Map([["2026-10", { status: "submitted", version: 2, late: true }]]));
    expect(await ctx.repos.submissions.listStatuses(bodyId + 1, "monthly", ["2026-10"])).toEqual(
      new Map(),
    );
    expect(await ctx.repos.submissions.listStatuses(bodyId, "quarterly", ["2026-10"])).toEqual(
      new Map(),
    );
  });

  test("reads the period's counted reports as text in one statement, the same lines as the versions", async () => {
    const { bodyId, commissionerId } = await seed(ctx);
    const [other, returned] = await seedTwoMoreBodies(ctx);
    await ctx.repos.submissions.submit(monthly(bodyId, commissionerId));
    await ctx.repos.submissions.submit({
      ...monthly(other.body.id, commissionerId),
      events: [],
      evidence: [],
    });
    const sent = await ctx.repos.submissions.submit(monthly(returned.body.id, commissionerId));
    if (!sent.ok) throw new Error(sent.reason);
    await ctx.repos.submissions.setStatus(sent.submission.id, {
      status: "returned",
      reviewerUserId: commissionerId,
      comment: "нет фото",
    });
    const only = { statuses: ["submitted", "accepted"] as const, indicatorIds: ["p4.t3.s1"] };
    const { result, statements } = await countStatements(() =>
      ctx.repos.submissions.listContentsOfPeriod("monthly", "2026-10", only),
    );
    expect(statements).toBe(1);
    expect(result.map((report) => report.bodyId)).toEqual([bodyId, other.body.id]);
    const version = (await ctx.repos.submissions.getCurrent(bodyId, "monthly", "2026-10"))?.version;
    expect(result[0]?.read()).toEqual({
      values: { "p4.t3.s1": version?.values["p4.t3.s1"] },
      events: version?.events,
      evidence: version?.evidence,
    });
    expect(result[1]?.read()).toEqual({
      values: { "p4.t3.s1": { events: 1, published: true, views: 1200 } },
      events: [],
      evidence: [],
    });
    const none = await ctx.repos.submissions.listContentsOfPeriod("monthly", "2026-10", {
      ...only,
      indicatorIds: [],
    });
    expect(none.map((report) => report.read().values)).toEqual([{}, {}]);
  });

  test("submits in one statement, returning the records as Prisma reads them back", async () => {
    const { bodyId, commissionerId } = await seed(ctx);
    for (const meta of [undefined, { comment: "Второй", list: [1, null] }]) {
      const input = { ...monthly(bodyId, commissionerId), ...(meta ? { meta } : {}) };
      const { result, statements } = await countStatements(() =>
        ctx.repos.submissions.submit(input),
      );
      expect(statements).toBe(1);
      if (!result.ok) throw new Error(result.reason);
      const submission = await ctx.repos.submissions.getSubmission(result.submission.id);
      const versions = await ctx.repos.submissions.listVersions(result.submission.id);
      const version = versions.find((v) => v.id === result.version.id);
      expect(result.submission).toEqual(submission);
      expect(JSON.stringify(result.submission)).toBe(JSON.stringify(submission));
      expect(result.version).toEqual(version);
      expect(JSON.stringify(result.version)).toBe(JSON.stringify(version));
      expect(result.submission.currentVersionId).toBe(result.version.id);
    }
    expect(await ctx.repos.drafts.listDrafts(commissionerId)).toEqual([]);
  });

  test("lists a person's drafts newest first (plain SQL), as Prisma reads them", async () => {
    const { bodyId, officerId, commissionerId } = await seed(ctx);
    const key = { userId: officerId, bodyId, kind: "monthly" as const, periodKey: "2026-10" };
    await ctx.repos.drafts.saveDraft(key, { step: "events", words: ["Тема", 'a"b'] }, october);
    await ctx.repos.drafts.saveDraft(
      { ...key, kind: "annual", periodKey: "2026" },
      { step: 2, nested: { b: [1, null] } },
      new Date(october.getTime() + 60_000),
    );
    await ctx.repos.drafts.saveDraft({ ...key, userId: commissionerId }, { other: true }, october);
    const rows = await ctx.db.prisma.draft.findMany({
      where: { userId: officerId },
      orderBy: { updatedAt: "desc" },
    });
    const listed = await ctx.repos.drafts.listDrafts(officerId);
    expect(listed.map((d) => d.kind)).toEqual(["annual", "monthly"]);
    expect(listed).toEqual(
      rows.map((row) => ({
        userId: row.userId,
        bodyId: row.bodyId,
        kind: row.reportKind,
        periodKey: row.periodKey,
        document: row.document,
        updatedAt: row.updatedAt,
      })),
    );
  });

  test("reads a report's current version in one statement, as Prisma reads the period's", async () => {
    const { bodyId, officerId, commissionerId } = await seed(ctx);
    expect(await ctx.repos.submissions.getCurrent(bodyId, "monthly", "2026-10")).toBeUndefined();
    await ctx.repos.submissions.submit(monthly(bodyId, commissionerId));
    // Version 2 is current: no events, no evidence, answers besides the values.
    const second = {
      ...monthly(bodyId, officerId),
      events: [],
      evidence: [],
      meta: { comment: "Исправлено", nested: { b: [1, null, "x"], a: true } },
    };
    await ctx.repos.submissions.submit(second);
    const read = async () => {
      const { result, statements } = await countStatements(() =>
        ctx.repos.submissions.getCurrent(bodyId, "monthly", "2026-10"),
      );
      return { current: result, statements };
    };
    const { current, statements } = await read();
    expect(statements).toBe(1);
    expect(current?.version).toMatchObject({
      number: 2,
      events: [],
      evidence: [],
      meta: second.meta,
      values: { "p4.t2.s3": 2, "p4.t3.s1": { events: 1, published: true, views: 1200 } },
    });
    const [listed] = await ctx.repos.submissions.listCurrentOfPeriod("monthly", "2026-10");
    expect(current).toEqual(listed);
    // The same keys in the same order (exports and audits write these records as JSON).
    expect(JSON.stringify(current)).toBe(JSON.stringify(listed));
  });

  test("refuses values their methodology schema rejects, naming the indicator, and writes nothing", async () => {
    const { bodyId, officerId } = await seed(ctx);
    const result = await ctx.repos.submissions.submit({
      ...monthly(bodyId, officerId),
      values: { "p4.t2.s3": -1, "p9.x": 1 },
    });
    expect(result).toMatchObject({ ok: false, reason: "invalidValues" });
    if (result.ok || result.reason !== "invalidValues") return;
    expect(result.problems.map((p) => [p.indicatorId, p.code])).toEqual([
      ["p4.t2.s3", "negative"],
      ["p9.x", "unknownIndicator"],
    ]);
    expect(await ctx.repos.submissions.getCurrent(bodyId, "monthly", "2026-10")).toBeUndefined();
    expect(
      await ctx.repos.submissions.submit({ ...monthly(bodyId, officerId), periodKey: "2026-13" }),
    ).toEqual({
      ok: false,
      reason: "badPeriodKey",
    });
  });

  test("concurrent submits for the same body and period leave one live submission with numbered versions", async () => {
    const { bodyId, officerId } = await seed(ctx);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        ctx.repos.submissions.submit(monthly(bodyId, officerId, i)),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const live = await ctx.db.prisma.submission.findMany({ where: { bodyId } });
    expect(live).toHaveLength(1);
    const versions = await ctx.repos.submissions.listVersions(live[0]?.id ?? 0);
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(live[0]).toMatchObject({ versionCount: 6, currentVersionId: versions[5]?.id });
  });

  test("a failure in the middle of saving a version leaves the previous version intact", async () => {
    const { bodyId, officerId } = await seed(ctx);
    await ctx.repos.submissions.submit(monthly(bodyId, officerId, 2));
    const broken = monthly(bodyId, officerId, 5);
    // The version and value rows are written before the event lines; the CHECK on views fails then.
    broken.events = [
      { kind: "propaganda", date: "2026-10-21", topic: "x", participants: 1, views: -5 },
    ];
    await expect(ctx.repos.submissions.submit(broken)).rejects.toThrow();

    const current = await ctx.repos.submissions.getCurrent(bodyId, "monthly", "2026-10");
    expect(current?.submission).toMatchObject({ versionCount: 1, status: "submitted" });
    expect(current?.version).toMatchObject({ number: 1, values: { "p4.t2.s3": 2 } });
    expect(current?.version?.events).toHaveLength(2);
    expect(await ctx.db.prisma.submissionVersion.count()).toBe(1);
    expect(await ctx.db.prisma.submissionValue.count()).toBe(2);
  });

  test("stored versions cannot be edited in the database", async () => {
    const { bodyId, officerId } = await seed(ctx);
    await ctx.repos.submissions.submit(monthly(bodyId, officerId));
    await expect(ctx.db.prisma.submissionValue.updateMany({ data: { value: 99 } })).rejects.toThrow(
      /immutable/,
    );
    await expect(ctx.db.prisma.submissionEvent.deleteMany({})).rejects.toThrow(/immutable/);
  });

  test("review: returned, resubmitted as version 2, accepted; an accepted report takes no more versions", async () => {
    const { bodyId, officerId, commissionerId } = await seed(ctx);
    const first = await ctx.repos.submissions.submit(monthly(bodyId, officerId));
    if (!first.ok) throw new Error(first.reason);
    const id = first.submission.id;
    expect(
      (await ctx.repos.submissions.listQueue("submitted")).map((q) => [q.id, q.bodyCode]),
    ).toEqual([[id, "KZ-KAR"]]);

    const returned = await ctx.repos.submissions.setStatus(id, {
      status: "returned",
      reviewerUserId: commissionerId,
      comment: "Нет фото",
      at: october,
    });
    expect(returned).toMatchObject({
      ok: true,
      submission: { status: "returned" },
      review: { action: "return" },
    });
    expect(
      await ctx.repos.submissions.setStatus(id, {
        status: "accepted",
        reviewerUserId: commissionerId,
      }),
    ).toEqual({
      ok: false,
      reason: "notSubmitted",
    });

    await ctx.repos.submissions.submit({ ...monthly(bodyId, officerId, 3), late: true });
    const accepted = await ctx.repos.submissions.setStatus(id, {
      status: "accepted",
      reviewerUserId: commissionerId,
    });
    expect(accepted).toMatchObject({
      ok: true,
      submission: { status: "accepted", late: true, versionCount: 2 },
    });
    expect((await ctx.repos.submissions.listReviews(id)).map((r) => r.action)).toEqual([
      "return",
      "accept",
    ]);
    expect(await ctx.repos.submissions.listQueue("accepted")).toHaveLength(1);

    expect(await ctx.repos.submissions.submit(monthly(bodyId, officerId))).toEqual({
      ok: false,
      reason: "alreadyAccepted",
    });
    expect(
      await ctx.repos.submissions.setStatus(9999, {
        status: "accepted",
        reviewerUserId: commissionerId,
      }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
  });

  test("scores for a body and period are replaced as a whole", async () => {
    const { bodyId } = await seed(ctx);
    const base = {
      bodyId,
      periodKey: "2026-10",
      methodologyVersion: "2024.1",
      computedAt: october,
    };
    await ctx.repos.scores.replaceScores({
      ...base,
      breakdown: [
        { indicatorId: "p4.t2.s3", points: 400, applicable: true },
        { indicatorId: "p4.t2.s4", points: 0, applicable: true },
      ],
    });
    const later = {
      ...base,
      methodologyVersion: "2026.1",
      computedAt: new Date("2026-11-04T00:00:00Z"),
    };
    const { statements } = await countStatements(() =>
      ctx.repos.scores.replaceScores({
        ...later,
        breakdown: [{ indicatorId: "p4.t2.s3", points: 1000, applicable: true }],
      }),
    );
    expect(statements).toBe(1);
    // The kept indicator takes every new field; the other is gone.
    expect(await ctx.repos.scores.listScores({ periodKeys: ["2026-10"] })).toEqual([
      { ...later, indicatorId: "p4.t2.s3", points: 1000, applicable: true },
    ]);
    await ctx.repos.scores.replaceScores({ ...later, breakdown: [] });
    expect(await ctx.repos.scores.listScores({ periodKeys: ["2026-10"] })).toEqual([]);
  });

  test("a period's scores of many bodies are replaced as a whole, other bodies and periods kept", async () => {
    const { bodyId, commissionerId } = await seed(ctx);
    const [other, untouched] = await seedTwoMoreBodies(ctx);
    const base = { periodKey: "2026-10", methodologyVersion: "2026.1", computedAt: october };
    for (const id of [bodyId, other.body.id, untouched.body.id])
      await ctx.repos.scores.replaceScores({
        ...base,
        bodyId: id,
        breakdown: [{ indicatorId: "p4.t2.s4", points: 5, applicable: true }],
      });
    await ctx.repos.scores.replaceScores({
      ...base,
      bodyId,
      periodKey: "2026-09",
      breakdown: [{ indicatorId: "p4.t2.s4", points: 7, applicable: true }],
    });
    await ctx.repos.scores.replacePeriodScores({
      ...base,
      bodies: [
        {
          bodyId,
          breakdown: [
            { indicatorId: "p4.t2.s3", points: -250, applicable: true },
            { indicatorId: "p4.t3.s1", points: 0, applicable: false },
          ],
        },
        { bodyId: other.body.id, breakdown: [] },
      ],
    });
    const scores = await ctx.repos.scores.listScores({ periodKeys: ["2026-09", "2026-10"] });
    expect(
      scores.map((s) => [s.bodyId, s.periodKey, s.indicatorId, s.points, s.applicable]),
    ).toEqual([
      [bodyId, "2026-09", "p4.t2.s4", 7, true],
      [bodyId, "2026-10", "p4.t2.s3", -250, true],
      [bodyId, "2026-10", "p4.t3.s1", 0, false],
      [untouched.body.id, "2026-10", "p4.t2.s4", 5, true],
    ]);
    expect(scores.every((s) => s.methodologyVersion === "2026.1")).toBe(true);
    await ctx.repos.submissions.submit(monthly(bodyId, commissionerId));
    const current = await ctx.repos.submissions.listCurrentOfPeriod("monthly", "2026-10");
    const read = await ctx.repos.submissions.getCurrent(bodyId, "monthly", "2026-10");
    expect(current).toEqual([read]);
    expect(JSON.stringify(current)).toBe(JSON.stringify([read]));
  });
});
