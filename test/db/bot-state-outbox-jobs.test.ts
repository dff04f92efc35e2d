import { expect, test } from "vitest";
import { countStatements } from "../../src/db/statement-count.ts";
import { seedUser } from "../support/seed.ts";
import { describeDatabases } from "./database.ts";

const t0 = new Date("2026-10-05T09:00:00Z");
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describeDatabases("bot state", (ctx) => {
  test("the session storage reads what it wrote, per namespace, and forgets deleted keys", async () => {
    const sessions = ctx.repos.botState.storage<{ lang: string; step?: number }>("session");
    const conversations = ctx.repos.botState.storage<unknown>("conversations");
    expect(await sessions.read("42")).toBeUndefined();
    await sessions.write("42", { lang: "kk" });
    await sessions.write("42", { lang: "ru", step: 2 });
    await conversations.write("42", { other: true });
    expect(await sessions.read("42")).toEqual({ lang: "ru", step: 2 });
    await sessions.delete("42");
    await sessions.delete("42");
    expect(await sessions.read("42")).toBeUndefined();
    expect(await conversations.read("42")).toEqual({ other: true });
  });

  test("markUpdateProcessed is true only the first time, even when deliveries race", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => ctx.repos.botState.markUpdateProcessed(900_000_001)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ctx.repos.botState.markUpdateProcessed(900_000_001)).toBe(false);
    expect(await ctx.repos.botState.markUpdateProcessed(900_000_001, 77)).toBe(true);
  });
});

describeDatabases("outbox", (ctx) => {
  test("enqueue ignores a repeated idempotency key", async () => {
    const message = {
      chatId: -1001234567890,
      text: "Напоминание",
      idempotencyKey: "remind:1:2026-10",
      at: t0,
    };
    expect(await ctx.repos.outbox.enqueue(message)).toEqual({ enqueued: true });
    expect(await ctx.repos.outbox.enqueue({ ...message, text: "again" })).toEqual({
      enqueued: false,
    });
    expect(await ctx.repos.outbox.depth()).toMatchObject({ pending: 1 });
  });

  test("stores a job's files once each by content, byte for byte, a few statements for many", async () => {
    const chart = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x5c, 0x27, 0x22]);
    const workbook = Buffer.from("PK\u0003\u0004 книга", "utf8");
    const { result: hashes, statements } = await countStatements(() =>
      ctx.repos.outbox.storeFiles([chart, workbook, chart], t0),
    );
    expect(statements).toBe(1);
    expect(hashes).toHaveLength(3);
    expect(hashes[2]).toBe(hashes[0]);
    expect(await ctx.repos.outbox.readFile(hashes[0] ?? "")).toEqual(chart);
    expect(await ctx.repos.outbox.readFile(hashes[1] ?? "")).toEqual(workbook);
    // Stored already: the same files again change nothing.
    expect(await ctx.repos.outbox.storeFiles([workbook], later(60))).toEqual([hashes[1]]);
    expect(await ctx.repos.outbox.storeFiles([], t0)).toEqual([]);
    // A statement writes at most 256 files.
    const many = Array.from({ length: 300 }, (_, i) => Buffer.from(`file ${i}`));
    const stored = await countStatements(() => ctx.repos.outbox.storeFiles(many, t0));
    expect(stored.statements).toBe(2);
    expect(await ctx.repos.outbox.readFile(stored.result[299] ?? "")).toEqual(many[299]);
  });

  test("concurrent workers never claim the same message", async () => {
    for (let i = 0; i < 60; i++) {
      await ctx.repos.outbox.enqueue({
        chatId: 1000 + i,
        text: `m${i}`,
        idempotencyKey: `k${i}`,
        at: t0,
      });
    }
    const seen: number[] = [];
    const worker = async (name: string) => {
      for (;;) {
        const batch = await ctx.repos.outbox.claimBatch(name, 7, later(1));
        if (batch.length === 0) return;
        for (const item of batch) {
          expect(item).toMatchObject({ status: "sending", claimedBy: name, attempts: 1 });
          seen.push(item.id);
        }
      }
    };
    await Promise.all(["w1", "w2", "w3", "w4"].map(worker));
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(await ctx.repos.outbox.depth()).toMatchObject({ pending: 0, sending: 60 });
  });

  test("a message goes through retry, stale release, sending and dead as its worker reports", async () => {
    await ctx.repos.outbox.enqueue({
      chatId: 5,
      text: "a",
      idempotencyKey: "a",
      at: t0,
      attachments: [{ type: "photo" }],
    });
    await ctx.repos.outbox.enqueue({ chatId: 6, text: "b", idempotencyKey: "b", at: t0 });
    const [a, b] = await ctx.repos.outbox.claimBatch("w1", 10, t0);
    if (!a || !b) throw new Error("nothing claimed");
    expect(a.attachments).toEqual([{ type: "photo" }]);

    expect(await ctx.repos.outbox.markRetry(a.id, later(60), "429 Too Many Requests")).toBe(true);
    expect(await ctx.repos.outbox.claimBatch("w2", 10, later(30))).toEqual([]);
    const [retried] = await ctx.repos.outbox.claimBatch("w2", 10, later(60));
    expect(retried).toMatchObject({ id: a.id, attempts: 2, lastError: "429 Too Many Requests" });
    expect(await ctx.repos.outbox.markSent(a.id, later(61))).toBe(true);

    // b's worker died: after the stale timeout it is back in the queue for someone else.
    expect(await ctx.repos.outbox.releaseStale(later(-1))).toBe(0);
    expect(await ctx.repos.outbox.releaseStale(later(300))).toBe(1);
    expect(await ctx.repos.outbox.markSent(b.id, later(301))).toBe(false);
    const [again] = await ctx.repos.outbox.claimBatch("w3", 10, later(301));
    expect(again).toMatchObject({ id: b.id, claimedBy: "w3" });
    expect(await ctx.repos.outbox.markDead(b.id, "403 bot was blocked by the user")).toBe(true);
    expect(await ctx.repos.outbox.depth()).toEqual({
      pending: 0,
      sending: 0,
      sent: 1,
      failed: 0,
      dead: 1,
      cancelled: 0,
    });
    expect(await ctx.repos.outbox.getMessage(a.id)).toMatchObject({
      status: "sent",
      sentAt: later(61),
      chatId: 5,
    });
  });
});

describeDatabases("jobs, audit and deadlines", (ctx) => {
  test("a job's schedule slot is claimed once however many processes try", async () => {
    const claims = await Promise.all(
      [1, 2, 3].map(() => ctx.repos.jobRuns.claimJobRun("reminders", "2026-10-05T09:00")),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await ctx.repos.jobRuns.claimJobRun("reminders", "2026-10-06T09:00")).toBe(true);
    await ctx.repos.jobRuns.finishJobRun("reminders", "2026-10-05T09:00", "ok", t0);
    expect(await ctx.repos.jobRuns.getJobRun("reminders", "2026-10-05T09:00")).toMatchObject({
      finishedAt: t0,
      outcome: "ok",
    });
  });

  test("the audit log lists newest first and filters by action", async () => {
    await ctx.repos.audit.record({
      actorUserId: null,
      action: "invite.create",
      target: "invite:1",
      at: t0,
    });
    await ctx.repos.audit.record({
      actorUserId: null,
      action: "submission.accept",
      target: "submission:3",
      details: { comment: "ok" },
      at: later(5),
    });
    expect((await ctx.repos.audit.list()).map((e) => e.action)).toEqual([
      "submission.accept",
      "invite.create",
    ]);
    expect(await ctx.repos.audit.list({ action: "submission.accept" })).toMatchObject([
      { details: { comment: "ok" } },
    ]);
  });

  test("an audit entry as recorded (plain SQL) is the entry Prisma reads back", async () => {
    const actor = await seedUser(ctx.repos, { telegramId: 7701, role: "admin", bodyId: null });
    const recorded = [
      await ctx.repos.audit.record({
        actorUserId: actor.id,
        action: "report.submitted",
        target: "monthly:1:2026-10",
        details: { version: 2, late: false, corrects: null, words: ["Сәлем", 'a"b'] },
        at: t0,
      }),
      await ctx.repos.audit.record({ actorUserId: null, action: "job.ran", at: later(1) }),
    ];
    expect(recorded[1]?.id).toBeGreaterThan(recorded[0]?.id ?? Infinity);
    expect(await ctx.repos.audit.list()).toEqual(recorded.reverse());
  });

  test("deadline rules start at the methodology defaults and can be changed within range", async () => {
    expect(
      (await ctx.repos.deadlines.getRules()).map((r) => [r.kind, r.dueDay, r.dueHour]),
    ).toEqual([
      ["monthly", 5, 18],
      ["quarterly", 10, 18],
      ["annual", 15, 18],
    ]);
    const rule = { dueDay: 7, monthOffset: 1, dueHour: 12, dueMinute: 30 };
    expect(await ctx.repos.deadlines.setRule("monthly", rule, t0)).toMatchObject({
      ok: true,
      rule: { dueDay: 7 },
    });
    expect(await ctx.repos.deadlines.setRule("monthly", { ...rule, dueDay: 40 })).toEqual({
      ok: false,
      reason: "outOfRange",
    });
    expect(await ctx.repos.deadlines.getRule("monthly")).toMatchObject({
      dueDay: 7,
      dueMinute: 30,
    });
  });
});
