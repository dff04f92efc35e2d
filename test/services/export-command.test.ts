// `npm run export` in-process (src/cli/export.ts's runExportCommand) on both backends; the one run
// of the real process is in test/e2e/admin-import-export.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExportCommand } from "../../src/cli/export.ts";
import { createRepositories, openDatabase } from "../../src/db/index.ts";
import { readWorkbookRows } from "../../src/documents/read-workbook.ts";
import { pointsToNumber } from "../../src/domain/points.ts";
import { scoreReport } from "../../src/domain/scoring/score-report.ts";
import type { IndicatorValue } from "../../src/domain/scoring/values.ts";
import { parseCsv } from "../../src/services/table-file.ts";
import { backends, createMigratedPostgresDatabase } from "../db/database.ts";
import { NOW, submitScored } from "../e2e/manager-admin-seed.ts";
import { V2026 } from "../support/methodology.ts";
import { copyPgliteTemplate, makeScratchDir, removeScratch } from "../support/scratch-database.ts";
import { monthlyReport, seedPerson } from "../unit/services/fixtures.ts";

const report = (bodyId: number, authorId: number) =>
  monthlyReport(bodyId, authorId, "2026-10", { at: NOW, explanatory: 4, views: 700 });

/** Runs the command as `npm run export -- ...args` would, with its output as strings. */
async function exportCommand(args: string[], databaseUrl: string) {
  let stdout = "";
  let stderr = "";
  const code = await runExportCommand(
    args,
    { databaseUrl },
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  );
  return { code, stdout, stderr };
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(`npm run export, in-process [${backend.name}]`, () => {
    const scratch = makeScratchDir("adaldyq-export-");
    let databaseUrl: string;

    beforeAll(async () => {
      if (backend.name === "pglite") {
        copyPgliteTemplate(join(scratch, "pglite"));
        databaseUrl = `pglite:${join(scratch, "pglite")}`;
      } else {
        databaseUrl = await createMigratedPostgresDatabase();
      }
      const db = await openDatabase(databaseUrl);
      try {
        const repos = createRepositories(db);
        const body = await repos.directory.createBody({
          code: "SEED",
          kind: "central",
          nameKk: "Министрлік",
          nameRu: "Министерство",
        });
        if (!body.ok) throw new Error(body.reason);
        const author = await seedPerson(repos, 5002, "commissioner", body.body.id);
        await submitScored(repos, report(body.body.id, author.id));
      } finally {
        await db.close();
      }
    });
    afterAll(() => removeScratch(scratch));

    it("writes a body's score sheet with the scoring engine's numbers and prints its path", async () => {
      const out = join(scratch, "scores.xlsx");
      const args = ["scores", "--period", "2026-10", "--body", "SEED", "--format", "xlsx"];
      const result = await exportCommand([...args, "--out", out], databaseUrl);
      expect(result).toEqual({ code: 0, stdout: `${out}\n`, stderr: "" });
      const engine = scoreReport(V2026, {
        bodyKind: "central",
        p1Exempt: false,
        kind: "monthly",
        values: report(0, 0).values as Record<string, IndicatorValue>,
      });
      const rows = (await readWorkbookRows(readFileSync(out)))[0]?.rows ?? [];
      expect(rows.find((r) => r[0] === "4.2.3")?.[4]).toBe(8);
      expect(JSON.stringify(rows)).not.toMatch(/p\d\.t\d/);
      expect(rows.at(-1)?.slice(3, 5)).toEqual(["Итого", pointsToNumber(engine.total)]);
    });

    it("writes each part of a monthly CSV export next to the named file", async () => {
      const out = join(scratch, "monthly.csv");
      const args = ["monthly", "--period", "2026-10", "--format", "csv", "--out", out];
      const result = await exportCommand(args, databaseUrl);
      const parts = ["appendix5", "appendix6"].map((part) => join(scratch, `monthly.${part}.csv`));
      expect(result).toEqual({ code: 0, stdout: `${parts.join("\n")}\n`, stderr: "" });
      // One header and the report's five events (three explanatory, a talk, a propaganda event).
      expect(parseCsv(readFileSync(parts[0] ?? "", "utf8"))).toHaveLength(1 + 5);
      expect(parseCsv(readFileSync(parts[1] ?? "", "utf8"))[1]?.slice(4, 10)).toEqual([
        "Адалдық — жол",
        "Молодёжь",
        "150",
        "Да",
        "https://t.me/adaldyq/1\nhttps://instagram.com/p/1",
        "700",
      ]);
    });

    it("refuses an unknown body and incomplete arguments with exit 2 and a reason", async () => {
      const out = join(scratch, "never.xlsx");
      const unknown = await exportCommand(
        ["scores", "--period", "2026-10", "--body", "NOPE", "--format", "xlsx", "--out", out],
        databaseUrl,
      );
      expect(unknown).toEqual({ code: 2, stdout: "", stderr: "No body with code NOPE.\n" });
      const noBody = await exportCommand(
        ["scores", "--period", "2026-10", "--format", "xlsx", "--out", out],
        databaseUrl,
      );
      expect(noBody.code).toBe(2);
      expect(noBody.stderr).toMatch(/^--body is required for scores\.\nUsage: npm run export/);
      const badPeriod = await exportCommand(
        ["monthly", "--period", "October", "--format", "csv", "--out", out],
        databaseUrl,
      );
      expect(badPeriod).toMatchObject({ code: 2, stdout: "" });
      expect(badPeriod.stderr).toMatch(/^Usage: npm run export/);
    });
  });
}
