import { expect, test } from "vitest";
import type { DirectoryRow } from "../../src/db/repositories/index.ts";
import { countStatements } from "../../src/db/statement-count.ts";
import { describeDatabases } from "./database.ts";

const now = new Date("2026-10-05T10:00:00Z");
const tomorrow = new Date("2026-10-06T10:00:00Z");

const directory: DirectoryRow[] = [
  {
    code: "KZ-ALM",
    kind: "regional",
    nameKk: "Алматы облысының әкімдігі",
    nameRu: "Акимат Алматинской области",
    region: "Алматинская область",
    members: [
      { kind: "subdivision", code: "ALM-APP", nameKk: "Әкім аппараты", nameRu: "Аппарат акима" },
      { kind: "district", code: "ALM-D1", nameKk: "Іле ауданы", nameRu: "Илийский район" },
      { kind: "district", code: "ALM-D2", nameKk: "Талғар ауданы", nameRu: "Талгарский район" },
    ],
  },
  {
    code: "KZ-MF-KGD",
    kind: "central",
    nameKk: "Мемлекеттік кірістер комитеті",
    nameRu: "Комитет государственных доходов",
    parentCode: "KZ-MF",
    members: [{ kind: "quasiPublic", code: "KGD-QAZ", nameKk: "QazTax", nameRu: "QazTax" }],
  },
  { code: "KZ-MF", kind: "central", nameKk: "Қаржы министрлігі", nameRu: "Министерство финансов" },
];

describeDatabases("directory import", (ctx) => {
  test("importing the same directory twice changes nothing the second time", async () => {
    const first = await ctx.repos.directory.upsertDirectory(directory);
    expect(first).toEqual({
      bodiesCreated: 3,
      bodiesUpdated: 0,
      membersCreated: 4,
      membersUpdated: 0,
    });
    const snapshot = await ctx.db.prisma.body.findMany({ orderBy: { id: "asc" } });
    const members = await ctx.db.prisma.bodyMember.findMany({ orderBy: { id: "asc" } });

    const second = await ctx.repos.directory.upsertDirectory(directory);
    expect(second).toEqual({
      bodiesCreated: 0,
      bodiesUpdated: 0,
      membersCreated: 0,
      membersUpdated: 0,
    });
    expect(await ctx.db.prisma.body.findMany({ orderBy: { id: "asc" } })).toEqual(snapshot);
    expect(await ctx.db.prisma.bodyMember.findMany({ orderBy: { id: "asc" } })).toEqual(members);
  });

  test("links subordinate bodies to their parent and counts members by kind", async () => {
    await ctx.repos.directory.upsertDirectory(directory);
    const ministry = await ctx.repos.directory.getBodyByCode("KZ-MF");
    const region = await ctx.repos.directory.getBodyByCode("KZ-ALM");
    if (!ministry || !region) throw new Error("import lost a body");
    expect((await ctx.repos.directory.listSubordinates(ministry.id)).map((b) => b.code)).toEqual([
      "KZ-MF-KGD",
    ]);
    expect(await ctx.repos.directory.countMembers(region.id)).toEqual({
      subdivision: 1,
      subordinate: 0,
      quasiPublic: 0,
      district: 2,
    });

    const districts = await ctx.repos.directory.listMembers(region.id, { kind: "district" });
    await ctx.repos.directory.setMemberActive(districts[0]?.id ?? 0, false);
    expect((await ctx.repos.directory.countMembers(region.id)).district).toBe(1);
  });

  test("reads one body by id or code in one plain statement, as Prisma lists it", async () => {
    await ctx.repos.directory.upsertDirectory(directory);
    const listed = await ctx.repos.directory.listBodies({ includeInactive: true });
    expect(listed.length).toBeGreaterThan(2);
    for (const body of listed) {
      const { result: byId, statements } = await countStatements(() =>
        ctx.repos.directory.getBody(body.id),
      );
      expect(statements).toBe(1);
      // Equal, and the same JSON: the same fields in the same order, dates as dates.
      expect(byId).toEqual(body);
      expect(JSON.stringify(byId)).toBe(JSON.stringify(body));
      expect(await ctx.repos.directory.getBodyByCode(body.code)).toEqual(body);
    }
    expect(await ctx.repos.directory.getBody(999_999)).toBeUndefined();
    expect(await ctx.repos.directory.getBody(2 ** 40)).toBeUndefined();
    expect(await ctx.repos.directory.getBodyByCode("NO-SUCH")).toBeUndefined();
  });

  test("updates only what changed and refuses a duplicate code", async () => {
    await ctx.repos.directory.upsertDirectory(directory);
    const renamed = directory.map((row) =>
      row.code === "KZ-MF" ? { ...row, nameRu: "Минфин" } : row,
    );
    expect(await ctx.repos.directory.upsertDirectory(renamed)).toMatchObject({
      bodiesCreated: 0,
      bodiesUpdated: 1,
    });
    expect(
      await ctx.repos.directory.createBody({
        code: "KZ-MF",
        kind: "central",
        nameKk: "x",
        nameRu: "x",
      }),
    ).toEqual({ ok: false, reason: "codeTaken" });
    expect(
      (await ctx.repos.directory.listBodies({ kind: "central" })).map((b) => b.nameRu),
    ).toEqual(["Комитет государственных доходов", "Минфин"]);
  });
});

describeDatabases("users and invites", (ctx) => {
  async function body() {
    const created = await ctx.repos.directory.createBody({
      code: "KZ-AST",
      kind: "regional",
      nameKk: "Астана қаласының әкімдігі",
      nameRu: "Акимат города Астаны",
    });
    if (!created.ok) throw new Error(created.reason);
    return created.body;
  }

  test("finds a user by Telegram id and changes language, role and active flag", async () => {
    const { id: bodyId } = await body();
    const created = await ctx.repos.users.createUser({
      telegramId: 7_000_000_001,
      name: "Айгерім",
      language: "kk",
      role: "officer",
      bodyId,
    });
    if (!created.ok) throw new Error(created.reason);
    expect(await ctx.repos.users.getUserByTelegramId(7_000_000_001)).toMatchObject({
      name: "Айгерім",
      bodyId,
    });
    expect(await ctx.repos.users.setLanguage(created.user.id, "ru")).toMatchObject({
      language: "ru",
    });
    expect(await ctx.repos.users.setRole(created.user.id, "commissioner")).toMatchObject({
      role: "commissioner",
    });
    expect(await ctx.repos.users.setActive(created.user.id, false)).toMatchObject({
      active: false,
    });
    expect(await ctx.repos.users.listUsers({ bodyId })).toEqual([]);
    expect(
      await ctx.repos.users.createUser({
        telegramId: 7_000_000_001,
        name: "x",
        language: "ru",
        role: "admin",
        bodyId: null,
      }),
    ).toEqual({ ok: false, reason: "telegramIdTaken" });
  });

  test("a single-use invite is redeemed once, even by two people at the same moment", async () => {
    const { id: bodyId } = await body();
    await ctx.repos.invites.createInvite({
      code: "ONE-USE",
      bodyId,
      role: "officer",
      expiresAt: tomorrow,
    });
    const results = await Promise.all(
      [101, 102, 103].map((telegramId) =>
        ctx.repos.invites.redeemInvite({
          code: "ONE-USE",
          telegramId,
          name: `u${telegramId}`,
          language: "ru",
          now,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual([
      "usedUp",
      "usedUp",
    ]);
    expect(await ctx.repos.invites.getInvite("ONE-USE")).toMatchObject({ uses: 1, maxUses: 1 });
    expect(await ctx.repos.users.listUsers({ bodyId })).toHaveLength(1);
  });

  test("a group invite counts its uses and the same person cannot spend two", async () => {
    const { id: bodyId } = await body();
    await ctx.repos.invites.createInvite({
      code: "GROUP",
      bodyId,
      role: "officer",
      expiresAt: tomorrow,
      maxUses: 2,
    });
    const redeem = (telegramId: number) =>
      ctx.repos.invites.redeemInvite({ code: "GROUP", telegramId, name: "n", language: "kk", now });
    expect(await redeem(201)).toMatchObject({
      ok: true,
      user: { telegramId: 201, role: "officer", bodyId },
    });
    expect(await redeem(201)).toEqual({ ok: false, reason: "alreadyRedeemed" });
    expect(await redeem(202)).toMatchObject({ ok: true });
    expect(await redeem(203)).toEqual({ ok: false, reason: "usedUp" });
    expect(await ctx.repos.invites.getInvite("GROUP")).toMatchObject({ uses: 2 });
  });

  test("expired, revoked and unknown codes are refused with a reason", async () => {
    const { id: bodyId } = await body();
    await ctx.repos.invites.createInvite({ code: "OLD", bodyId, role: "officer", expiresAt: now });
    await ctx.repos.invites.createInvite({
      code: "GONE",
      bodyId,
      role: "manager",
      expiresAt: tomorrow,
    });
    await ctx.repos.invites.revokeInvite("GONE");
    const redeem = (code: string) =>
      ctx.repos.invites.redeemInvite({ code, telegramId: 301, name: "n", language: "ru", now });
    expect(await redeem("OLD")).toEqual({ ok: false, reason: "expired" });
    expect(await redeem("GONE")).toEqual({ ok: false, reason: "revoked" });
    expect(await redeem("NOPE")).toEqual({ ok: false, reason: "notFound" });
    expect(
      await ctx.repos.invites.createInvite({
        code: "OLD",
        bodyId,
        role: "officer",
        expiresAt: tomorrow,
      }),
    ).toEqual({ ok: false, reason: "codeTaken" });
  });

  test("an invite never switches back on a person an admin switched off, nor spends a use", async () => {
    const { id: bodyId } = await body();
    const created = await ctx.repos.users.createUser({
      telegramId: 401,
      name: "Off",
      language: "ru",
      role: "commissioner",
      bodyId,
    });
    if (!created.ok) throw new Error(created.reason);
    await ctx.repos.users.setActive(created.user.id, false);
    await ctx.repos.invites.createInvite({
      code: "OPEN",
      bodyId,
      role: "manager",
      expiresAt: tomorrow,
      maxUses: 5,
    });
    expect(
      await ctx.repos.invites.redeemInvite({
        code: "OPEN",
        telegramId: 401,
        name: "Off",
        language: "ru",
        now,
      }),
    ).toEqual({ ok: false, reason: "switchedOff" });
    expect(await ctx.repos.users.getUser(created.user.id)).toMatchObject({
      role: "commissioner",
      active: false,
    });
    expect(await ctx.repos.invites.getInvite("OPEN")).toMatchObject({ uses: 0 });
  });
});
