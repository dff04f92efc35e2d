import { describe, expect, it } from "vitest";
import { createRepositories, openDatabase } from "../../src/db/index.ts";
import { countStatements } from "../../src/db/statement-count.ts";
import { withUpdateState } from "../../src/db/update-scope.ts";
import { createChatLocks } from "../../src/runtime/chat-locks.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { seedBody, seedUser } from "../support/seed.ts";
import { createMigratedPostgresDatabase, describeDatabases } from "./database.ts";

describeDatabases("the update's first statement", (ctx) => {
  const open = (updateId: number, telegramId = 501, chatKey = "501") =>
    ctx.repos.updateState.open({
      updateId,
      telegramId,
      chatKey,
      at: new Date("2026-11-03T06:00:00Z"),
    });

  it("marks the update once and reads the person, the chat's state and the latest draft in one statement", async () => {
    const body = await seedBody(ctx.repos, { code: "U1" });
    const user = await seedUser(ctx.repos, {
      telegramId: 501,
      role: "commissioner",
      bodyId: body.id,
    });
    await ctx.repos.botState.storage("session").write("501", { lang: "kk" });
    await ctx.repos.botState.storage("conversation").write("501", { v: 1 });
    const key = {
      userId: user.id,
      bodyId: body.id,
      kind: "monthly" as const,
      periodKey: "2026-10",
    };
    await ctx.repos.drafts.saveDraft(key, { a: 1 }, new Date("2026-11-01T00:00:00Z"));
    await ctx.repos.drafts.saveDraft(
      { ...key, periodKey: "2026-09" },
      { b: 2 },
      new Date("2026-11-02T00:00:00Z"),
    );

    const { result, statements } = await countStatements(() => open(11));
    expect(statements).toBe(1);
    expect(result).toMatchObject({
      fresh: true,
      user: {
        id: user.id,
        telegramId: 501,
        role: "commissioner",
        active: true,
        unreachableSince: null,
      },
      session: { lang: "kk" },
      conversation: { v: 1 },
      draft: { periodKey: "2026-09", kind: "monthly", document: { b: 2 } },
      versions: {},
    });
    expect((await open(11)).fresh).toBe(false);
    expect(await open(12, 999, "999")).toMatchObject({
      fresh: true,
      user: undefined,
      session: undefined,
      draft: undefined,
    });
  });

  it("serves the session and conversation from what it read, and skips writing them back unchanged", async () => {
    await ctx.repos.botState.storage("session").write("501", { lang: "ru" });
    const state = await open(21);
    const session = ctx.repos.botState.storage<{ lang: string }>("session");
    const { statements } = await countStatements(() =>
      withUpdateState(state, "501", async () => {
        const value = await session.read("501");
        expect(value).toEqual({ lang: "ru" });
        await session.write("501", { lang: "ru" });
      }),
    );
    expect(statements).toBe(0);
    const changed = await countStatements(() =>
      withUpdateState(state, "501", async () => {
        await session.read("501");
        await session.write("501", { lang: "kk" });
      }),
    );
    expect(changed.statements).toBe(1);
    expect(await session.read("501")).toEqual({ lang: "kk" });
  });

  it("skips writing back a conversation state that jsonb returned with its keys reordered", async () => {
    // jsonb keeps keys shortest first: the state reads back as { v, args, replay }.
    const written = { replay: { send: [{ payload: "wait" }] }, args: "[{}]", v: 1 };
    const conversation = ctx.repos.botState.storage<typeof written>("conversation");
    await conversation.write("501", written);
    const state = await open(41);
    expect(Object.keys(state.conversation as object)).not.toEqual(Object.keys(written));
    const { statements } = await countStatements(() =>
      withUpdateState(state, "501", async () => {
        await conversation.read("501");
        await conversation.write("501", {
          replay: { send: [{ payload: "wait" }] },
          args: "[{}]",
          v: 1,
        });
      }),
    );
    expect(statements).toBe(0);
  });

  it("keeps the deadline rules in an update until an edit bumps their version on any instance, and reads them afresh outside one", async () => {
    const read = async (updateId: number) => {
      const state = await open(updateId);
      return countStatements(() => ctx.repos.deadlines.forUpdate(state.versions).getRules());
    };
    expect((await read(31)).statements).toBe(1);
    expect((await read(32)).statements).toBe(0);
    await ctx.repos.deadlines.setRule("monthly", {
      dueDay: 7,
      monthOffset: 1,
      dueHour: 12,
      dueMinute: 0,
    });
    const after = await read(33);
    expect(after.statements).toBe(1);
    expect(after.result.find((r) => r.kind === "monthly")?.dueDay).toBe(7);
    expect((await read(34)).statements).toBe(0);
    // A job (no update) reads them afresh.
    expect((await countStatements(() => ctx.repos.deadlines.getRules())).statements).toBe(1);
  });
});

describe.skipIf(!postgresAvailable())(
  "the first statement and a chat held by a long update",
  () => {
    it("records and reads nothing while another session holds the chat's lock, and everything once it is free", async () => {
      const url = await createMigratedPostgresDatabase();
      const db = await openDatabase(url);
      const locks = createChatLocks({ connectionString: url, connections: 1 });
      try {
        const open = (lockKey: string | undefined) =>
          createRepositories(db).updateState.open({
            updateId: 77,
            telegramId: 501,
            chatKey: "501",
            at: new Date("2026-11-03T06:00:00Z"),
            lockKey,
          });
        const release = await locks.lock("chat:501");
        expect(await open("chat:501")).toMatchObject({ busy: true, fresh: false });
        // Another chat is not held up.
        expect(await open("chat:502")).toMatchObject({ busy: false, fresh: true });
        await release();
        const { result, statements } = await countStatements(() => open("chat:501"));
        expect(statements).toBe(1);
        // Update 77 was recorded by chat 502's open, so this one is a redelivery: marked, not busy.
        expect(result).toMatchObject({ busy: false, fresh: false });
      } finally {
        await locks.close();
        await db.close();
      }
    });
  },
);
