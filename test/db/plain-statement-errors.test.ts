// The repositories read a refusal the same whether Prisma or a plain statement (sql.ts) met it:
// the driver's own error carries the SQLSTATE in its code.
import { expect, test } from "vitest";
import {
  isCheckViolation,
  isRetryableConflict,
  isUniqueViolation,
} from "../../src/db/repositories/shared.ts";
import { describeDatabases } from "./database.ts";

async function refusal(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("the statement was not refused");
}

describeDatabases("a plain statement's refusal", (ctx) => {
  test("is told apart like Prisma's: a taken key, a failed check, not a conflict to retry", async () => {
    const insert = (code: string) =>
      ctx.db.sql.query(
        "INSERT INTO body (code, kind, name_kk, name_ru, updated_at) VALUES ($1, 'regional', 'a', 'a', now())",
        [code],
      );
    await insert("KZ-1");
    const taken = await refusal(() => insert("KZ-1"));
    expect(isUniqueViolation(taken)).toBe(true);
    expect(isRetryableConflict(taken)).toBe(false);
    const blank = await refusal(() => insert("  "));
    expect(isCheckViolation(blank)).toBe(true);
    expect(isUniqueViolation(blank)).toBe(false);
    // Prisma's own refusal is read as before.
    const body = { code: "KZ-1", kind: "regional" as const, nameKk: "a", nameRu: "a" };
    expect(await ctx.repos.directory.createBody(body)).toEqual({ ok: false, reason: "codeTaken" });
  });
});
