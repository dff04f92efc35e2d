import { expect, test } from "vitest";
import { claimOwnership, prepareOwnerClaim } from "../../src/services/first-admin.ts";
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
});
