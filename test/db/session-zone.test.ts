// Prisma's driver adapters assume sessions in UTC (they write UTC wall-clock time and drop the
// offset they read), while the plain statements (sql.ts) send and read real offsets: every
// session is pinned to UTC so both agree, whatever zone the process (TZ, set far from UTC by
// vitest.config.ts) or the server runs in.
import { expect, test } from "vitest";
import { openDatabase } from "../../src/db/index.ts";
import { postgresAvailable } from "../support/postgres.ts";
import { createMigratedPostgresDatabase, describeDatabases } from "./database.ts";

const at = new Date("2026-11-03T09:00:00.123Z");

describeDatabases("the session's time zone", (ctx) => {
  test("is UTC, and an instant Prisma writes reads back the same through a plain statement", async () => {
    const [zone] = await ctx.db.sql.query<{ TimeZone: string }>("SHOW TimeZone", []);
    expect(zone?.TimeZone).toBe("UTC");
    await ctx.db.prisma.auditLog.create({
      data: { actorUserId: null, action: "zone.check", target: "t", details: {}, at },
    });
    const [row] = await ctx.db.sql.query<{ at: Date }>(
      "SELECT at FROM audit_log WHERE action = 'zone.check'",
      [],
    );
    expect(new Date(row?.at ?? 0).toISOString()).toBe(at.toISOString());
  });
});

test.skipIf(!postgresAvailable())(
  "keeps the options a PostgreSQL URL gives, and adds the zone",
  async () => {
    const url = new URL(await createMigratedPostgresDatabase());
    url.searchParams.set("options", "-c statement_timeout=4321");
    const db = await openDatabase(url.toString());
    try {
      const [timeout] = await db.sql.query<{ statement_timeout: string }>(
        "SHOW statement_timeout",
        [],
      );
      const [zone] = await db.sql.query<{ TimeZone: string }>("SHOW TimeZone", []);
      expect(timeout?.statement_timeout).toBe("4321ms");
      expect(zone?.TimeZone).toBe("UTC");
    } finally {
      await db.close();
    }
  },
);
