import { expect, test } from "vitest";
import {
  admitConfiguredAdmin,
  claimOwnership,
  prepareOwnerClaim,
} from "../../src/services/first-admin.ts";
import { describeDatabases } from "../db/database.ts";

const now = new Date("2026-11-03T09:00:00Z");

describeDatabases("the owner-claim link", (ctx) => {
  const person = (telegramId: number) => ({
    telegramId,
    name: `P${telegramId}`,
    language: "ru" as const,
    now,
  });

  test("makes exactly one admin when two people open it at the same moment", async () => {
    const code = await prepareOwnerClaim(ctx.repos, { adminTelegramIds: [] });
    if (!code) throw new Error("no owner-claim code on an empty database");
    const results = await Promise.all([
      claimOwnership(ctx.repos, code, person(1)),
      claimOwnership(ctx.repos, code, person(2)),
    ]);
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.filter((r) => r?.ok === false && r.reason === "usedUp")).toHaveLength(1);
    expect(await ctx.repos.users.listUsers({ role: "admin", includeInactive: true })).toHaveLength(
      1,
    );
  });

  test("is not offered once an admin exists, and another code is not the claim", async () => {
    const code = await prepareOwnerClaim(ctx.repos, { adminTelegramIds: [] });
    if (!code) throw new Error("no owner-claim code on an empty database");
    expect(await claimOwnership(ctx.repos, "notTheCode", person(3))).toBeUndefined();
    expect((await claimOwnership(ctx.repos, code, person(3)))?.ok).toBe(true);
    expect(await prepareOwnerClaim(ctx.repos, { adminTelegramIds: [] })).toBeUndefined();
  });

  test("dies once any admin exists, even one who joined by an invite after it was printed", async () => {
    const code = await prepareOwnerClaim(ctx.repos, { adminTelegramIds: [] });
    if (!code) throw new Error("no owner-claim code on an empty database");
    const body = await ctx.repos.directory.createBody({
      code: "B1",
      kind: "central",
      nameKk: "Б",
      nameRu: "Б",
    });
    if (!body.ok) throw new Error(body.reason);
    await ctx.repos.invites.createInvite({
      code: "admin-invite",
      bodyId: body.body.id,
      role: "admin",
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    const invited = await ctx.repos.invites.redeemInvite({ code: "admin-invite", ...person(10) });
    expect(invited.ok).toBe(true);
    expect(await claimOwnership(ctx.repos, code, person(11))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await ctx.repos.users.getUserByTelegramId(11)).toBeUndefined();
    expect(await ctx.repos.ownerClaim.read()).toMatchObject({ code, expired: true });
  });

  test("dies once ADMIN_TELEGRAM_IDS is set: at the next start and when opened", async () => {
    const code = await prepareOwnerClaim(ctx.repos, { adminTelegramIds: [] });
    if (!code) throw new Error("no owner-claim code on an empty database");
    const configured = { adminTelegramIds: [700] };
    expect(await claimOwnership(ctx.repos, code, person(12), configured)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await ctx.repos.users.listUsers({ role: "admin", includeInactive: true })).toEqual([]);

    await ctx.repos.ownerClaim.write({ code });
    expect(await prepareOwnerClaim(ctx.repos, configured)).toBeUndefined();
    expect(await claimOwnership(ctx.repos, code, person(12))).toEqual({
      ok: false,
      reason: "expired",
    });
    // Taking ADMIN_TELEGRAM_IDS away again prints a new link; the old one stays dead.
    const fresh = await prepareOwnerClaim(ctx.repos, { adminTelegramIds: [] });
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(code);
    expect((await claimOwnership(ctx.repos, fresh ?? "", person(12)))?.ok).toBe(true);
  });

  test("keeps a switched-off person off, whether by the link or by ADMIN_TELEGRAM_IDS", async () => {
    const code = await prepareOwnerClaim(ctx.repos, { adminTelegramIds: [] });
    if (!code) throw new Error("no owner-claim code on an empty database");
    const body = await ctx.repos.directory.createBody({
      code: "B2",
      kind: "central",
      nameKk: "Б",
      nameRu: "Б",
    });
    if (!body.ok) throw new Error(body.reason);
    const created = await ctx.repos.users.createUser({
      telegramId: 13,
      name: "Off",
      language: "ru",
      role: "officer",
      bodyId: body.body.id,
      active: false,
    });
    if (!created.ok) throw new Error(created.reason);
    expect(await claimOwnership(ctx.repos, code, person(13))).toEqual({
      ok: false,
      reason: "switchedOff",
    });
    expect(await admitConfiguredAdmin(ctx.repos, [13], person(13))).toBeUndefined();
    expect(await ctx.repos.users.getUser(created.user.id)).toMatchObject({
      role: "officer",
      active: false,
    });
    // The link is still there for someone else while nobody is an admin.
    expect((await claimOwnership(ctx.repos, code, person(14)))?.ok).toBe(true);
  });
});
