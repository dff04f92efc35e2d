// The migration that tells "cannot be reached" (Telegram's 403) apart from "access switched off".
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { defaultPrismaDir, migrateDatabase } from "../../src/db/migrations.ts";
import { backends, openEmptyDatabase } from "./database.ts";

const MIGRATION = "20261201110443_user_unreachable";
const scratch = mkdtempSync(join(tmpdir(), "adaldyq-unreachable-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The prisma folder as it was before the migration (it and everything after it left out). */
function prismaDirBefore(name: string): string {
  const dir = join(scratch, name);
  cpSync(defaultPrismaDir, dir, { recursive: true });
  for (const entry of readdirSync(join(dir, "migrations"))) {
    if (entry >= MIGRATION && entry !== "migration_lock.toml") {
      rmSync(join(dir, "migrations", entry), { recursive: true });
    }
  }
  return dir;
}

for (const backend of backends) {
  // Two migration runs on a shared machine: give them time.
  describe.skipIf(!backend.available)(
    `migrating blocked accounts [${backend.name}]`,
    {
      timeout: 240_000,
    },
    () => {
      test("gives access back to those the sender switched off on a 403, and only to them", async () => {
        const db = await openEmptyDatabase(backend.name);
        try {
          await migrateDatabase(db, { prismaDir: prismaDirBefore(backend.name) });
          const sql = (text: string) => db.prisma.$executeRawUnsafe(text);
          await sql(`INSERT INTO body (id, code, kind, name_kk, name_ru, updated_at)
                   VALUES (1, 'B', 'regional', 'Б', 'Б', now())`);
          // blocked: switched off by the sender a second after Telegram's 403.
          // byAdmin: switched off by an admin, never refused by Telegram.
          // changedSince: refused, then changed by an admin a day later: left as it is.
          // other403: refused with 403 but still active (an admin switched them on again).
          const users = [
            [1, 101, "blocked", false, "2026-10-05 10:00:01+00"],
            [2, 102, "byAdmin", false, "2026-10-05 10:00:01+00"],
            [3, 103, "changedSince", false, "2026-10-06 10:00:00+00"],
            [4, 104, "other403", true, "2026-10-07 10:00:00+00"],
          ] as const;
          for (const [id, telegramId, name, active, updatedAt] of users) {
            await sql(`INSERT INTO app_user (id, telegram_id, name, role, body_id, active, updated_at)
                     VALUES (${id}, ${telegramId}, '${name}', 'commissioner', 1, ${active}, '${updatedAt}')`);
          }
          let row = 0;
          const dead = (chatId: number, error: string, claimedAt: string | null) =>
            sql(`INSERT INTO outbox_message (chat_id, text, idempotency_key, status, attempts,
                 next_attempt_at, claimed_at, last_error, created_at)
               VALUES (${chatId}, 'x', 'k${row++}', 'dead', 1, '2026-10-05 09:00:00+00',
                 ${claimedAt === null ? "NULL" : `'${claimedAt}'`}, '${error}', '2026-10-05 09:00:00+00')`);
          await dead(101, "403 Forbidden: bot was blocked by the user", "2026-10-05 10:00:00+00");
          await dead(101, "403 Forbidden: bot was blocked by the user", null);
          await dead(102, "400 Bad Request: chat not found", "2026-10-05 10:00:00+00");
          await dead(103, "403 Forbidden: bot was blocked by the user", "2026-10-05 10:00:00+00");
          await dead(104, "403 Forbidden: user is deactivated", "2026-10-05 10:00:00+00");

          await migrateDatabase(db);
          // Read as UTC text: a raw timestamptz comes back through the driver in the process's zone.
          const after = await db.prisma.$queryRawUnsafe<
            { name: string; active: boolean; unreachable_since: string | null }[]
          >(`SELECT name, active,
             to_char(unreachable_since AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS unreachable_since
           FROM app_user ORDER BY id`);
          expect(after).toEqual([
            { name: "blocked", active: true, unreachable_since: "2026-10-05 10:00:00" },
            { name: "byAdmin", active: false, unreachable_since: null },
            { name: "changedSince", active: false, unreachable_since: null },
            { name: "other403", active: true, unreachable_since: null },
          ]);
        } finally {
          await db.close();
        }
      });
    },
  );
}
