import { describe, expect, it } from "vitest";
import { runJobOnce } from "../../src/jobs/job.ts";
import { runReminders } from "../../src/jobs/reminders.ts";
import { BOOK } from "../support/methodology.ts";
import { seedBody, seedUser } from "../support/seed.ts";
import { almaty, jobConfig, outboxOf, useJobDatabase } from "./support.ts";

describe("reminders", () => {
  const ctx = useJobDatabase();

  async function seed() {
    const a = await seedBody(ctx.repos, { code: "A", nameRu: "Орган А", nameKk: "А органы" });
    const b = await seedBody(ctx.repos, { code: "B" });
    const commissionerKk = await seedUser(ctx.repos, {
      telegramId: 101,
      role: "commissioner",
      bodyId: a.id,
      language: "kk",
    });
    const commissionerRu = await seedUser(ctx.repos, {
      telegramId: 102,
      role: "commissioner",
      bodyId: b.id,
      language: "ru",
    });
    const officer = await seedUser(ctx.repos, { telegramId: 103, role: "officer", bodyId: a.id });
    await seedUser(ctx.repos, { telegramId: 104, role: "manager", bodyId: a.id });
    return { a, b, commissionerKk, commissionerRu, officer };
  }
  const run = (local: string) =>
    runReminders({ repos: ctx.repos, methodology: BOOK, now: almaty(local), config: jobConfig });

  it("reminds commissioners 3 days and 1 day before the 5th, on the day and once overdue", async () => {
    await seed();
    // The October report is due on 5 November at 18:00 Almaty time.
    const sent: Record<string, string[]> = {};
    for (const day of ["01", "02", "03", "04", "05", "06", "07"]) {
      const before = (await outboxOf(ctx.db)).length;
      await run(`2026-11-${day}T10:00`);
      sent[day] = (await outboxOf(ctx.db)).slice(before).map((m) => `${m.chatId}:${m.key}`);
    }
    expect(sent).toEqual({
      "01": [],
      "02": [
        "101:reminder:monthly:2026-10:before3:user:1",
        "102:reminder:monthly:2026-10:before3:user:2",
      ],
      "03": [],
      "04": [
        "101:reminder:monthly:2026-10:before1:user:1",
        "102:reminder:monthly:2026-10:before1:user:2",
      ],
      "05": [
        "101:reminder:monthly:2026-10:today:user:1",
        "102:reminder:monthly:2026-10:today:user:2",
      ],
      "06": [
        "101:reminder:monthly:2026-10:overdue:user:1",
        "102:reminder:monthly:2026-10:overdue:user:2",
      ],
      "07": [],
    });
  });

  it("speaks each user's language and offers the button that opens the report", async () => {
    await seed();
    await run("2026-11-02T10:00");
    const [kk, ru] = await outboxOf(ctx.db);
    expect(kk?.text).toBe(
      "⏰ Еске салу\nАй сайынғы есеп (2026 ж. қазан) әлі тапсырылған жоқ.\n" +
        "Тапсыру мерзімі: 05.11.2026, 18:00 — 3 күн қалды.",
    );
    expect(ru?.text).toBe(
      "⏰ Напоминание\nЕжемесячный отчёт за октябрь 2026 ещё не сдан.\n" +
        "Срок сдачи: 05.11.2026, 18:00 — осталось 3 дня.",
    );
    expect(ru?.replyMarkup).toEqual({
      inline_keyboard: [[{ text: "📝 Заполнить отчёт", callback_data: "menu:monthly" }]],
    });
    await run("2026-11-04T10:00");
    expect((await outboxOf(ctx.db)).at(-1)?.text).toContain("остался 1 день");
    await run("2026-11-05T10:00");
    expect((await outboxOf(ctx.db)).at(-1)?.text).toBe(
      "⏰ Сегодня последний день\nЕжемесячный отчёт за октябрь 2026 ещё не сдан.\n" +
        "Срок сдачи: сегодня, 18:00.",
    );
    await run("2026-11-06T10:00");
    expect((await outboxOf(ctx.db)).at(-2)?.text).toContain("Тапсыру мерзімі өтіп кетті");
  });

  it("reminds nobody whose body has submitted, and no inactive user", async () => {
    const { a, commissionerKk, commissionerRu } = await seed();
    const submitted = await ctx.repos.submissions.submit({
      bodyId: a.id,
      kind: "monthly",
      periodKey: "2026-10",
      authorUserId: commissionerKk.id,
      values: {},
      late: false,
      at: almaty("2026-11-01T12:00"),
    });
    expect(submitted.ok).toBe(true);
    await ctx.repos.users.setActive(commissionerRu.id, false);
    for (const day of ["02", "04", "05", "06"]) await run(`2026-11-${day}T10:00`);
    expect(await outboxOf(ctx.db)).toEqual([]);
  });

  it("reminds a body whose report was returned for correction", async () => {
    const { a, commissionerKk, officer } = await seed();
    const result = await ctx.repos.submissions.submit({
      bodyId: a.id,
      kind: "monthly",
      periodKey: "2026-10",
      authorUserId: commissionerKk.id,
      values: {},
      late: false,
      at: almaty("2026-11-01T12:00"),
    });
    if (!result.ok) throw new Error(result.reason);
    await ctx.repos.submissions.setStatus(result.submission.id, {
      status: "returned",
      reviewerUserId: officer.id,
    });
    await run("2026-11-04T10:00");
    expect((await outboxOf(ctx.db)).map((m) => m.chatId)).toEqual([101, 102]);
  });

  it("reminds officers of the quarterly report, with the indicators button", async () => {
    await seed();
    // Q3 is due on 10 October at 18:00.
    await run("2026-10-07T10:00");
    const messages = await outboxOf(ctx.db);
    const toOfficer = messages.filter((m) => m.chatId === 103);
    expect(toOfficer.map((m) => m.key)).toEqual(["reminder:quarterly:2026-Q3:before3:user:3"]);
    expect(toOfficer[0]?.text).toContain("Квартальный отчёт по индикаторам за III квартал 2026");
    expect(toOfficer[0]?.replyMarkup).toMatchObject({
      inline_keyboard: [[{ callback_data: "menu:indicators" }]],
    });
  });

  it("follows a deadline an admin moved", async () => {
    await seed();
    await ctx.repos.deadlines.setRule("monthly", {
      dueDay: 8,
      monthOffset: 1,
      dueHour: 12,
      dueMinute: 0,
    });
    await run("2026-11-05T10:00");
    expect((await outboxOf(ctx.db)).map((m) => m.key)).toEqual([
      "reminder:monthly:2026-10:before3:user:1",
      "reminder:monthly:2026-10:before3:user:2",
    ]);
  });

  it("fires each schedule slot once when two instances race for it", async () => {
    await seed();
    const input = {
      repos: ctx.repos,
      methodology: BOOK,
      now: almaty("2026-11-02T10:00"),
      config: jobConfig,
    };
    const outcomes = await Promise.all([
      runJobOnce("reminders", runReminders, input),
      runJobOnce("reminders", runReminders, input),
    ]);
    expect(outcomes.filter((o) => o !== undefined)).toEqual([{ enqueued: 2 }]);
    expect(await outboxOf(ctx.db)).toHaveLength(2);
    expect(await ctx.repos.jobRuns.getJobRun("reminders", "2026-11-02T10:00")).toMatchObject({
      outcome: "ok: 2 enqueued",
    });
  });
});
