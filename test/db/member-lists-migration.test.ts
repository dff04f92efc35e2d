// The migration that splits the directory's one "organisation" list in two: subordinate state
// bodies (new, empty) and the supervised quasi-public organisations (what the list always held).
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { defaultPrismaDir, migrateDatabase } from "../../src/db/migrations.ts";
import { createRepositories } from "../../src/db/repositories/index.ts";
import { backends, openEmptyDatabase } from "./database.ts";

const MIGRATION = "20261201113932_methodology_uploads_member_lists";
const scratch = mkdtempSync(join(tmpdir(), "adaldyq-members-"));
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
  describe.skipIf(!backend.available)(`migrating the directory's lists [${backend.name}]`, () => {
    test("keeps every member: the organisations become the quasi-public organisations", async () => {
      const db = await openEmptyDatabase(backend.name);
      try {
        await migrateDatabase(db, { prismaDir: prismaDirBefore(backend.name) });
        const sql = (text: string) => db.prisma.$executeRawUnsafe(text);
        await sql(`INSERT INTO body (id, code, kind, name_kk, name_ru, updated_at)
                   VALUES (1, 'B', 'central', 'Б', 'Б', now())`);
        const members = [
          ["subdivision", "HR"],
          ["organisation", "QAZ-1"],
          ["organisation", "QAZ-2"],
          ["district", "D-1"],
        ] as const;
        for (const [kind, code] of members) {
          await sql(`INSERT INTO body_member (body_id, kind, code, name_kk, name_ru, updated_at)
                     VALUES (1, '${kind}', '${code}', '${code}', '${code}', now())`);
        }

        await migrateDatabase(db);

        const repos = createRepositories(db);
        const after = await repos.directory.listMembers(1);
        expect(after.map((m) => [m.code, m.kind]).sort()).toEqual([
          ["D-1", "district"],
          ["HR", "subdivision"],
          ["QAZ-1", "quasiPublic"],
          ["QAZ-2", "quasiPublic"],
        ]);
        expect(await repos.directory.countMembers(1)).toEqual({
          subdivision: 1,
          subordinate: 0,
          quasiPublic: 2,
          district: 1,
        });
        const added = await repos.directory.addMember(1, {
          kind: "subordinate",
          code: "KGD",
          nameKk: "Комитет",
          nameRu: "Комитет",
        });
        expect(added).toMatchObject({ ok: true });
      } finally {
        await db.close();
      }
    });
  });
}
