// Exports from the command line:
// npm run export -- monthly|scores|leaderboard|reporting --period 2026-10 --format xlsx|csv --out FILE
import { writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { timeZoneSchema } from "../config.ts";
import { createRepositories, migrateDatabase, openDatabase } from "../db/index.ts";
import type { BodyKind } from "../db/repositories/directory.ts";
import { isPeriodKey } from "../domain/periods.ts";
import { parseVariants } from "../domain/variants.ts";
import type { Lang } from "../i18n.ts";
import { openMethodologyShelf } from "../methodology/shelf.ts";
import { EXPORT_KINDS, type ExportRequest, runExport } from "../services/exports.ts";

export const exportUsage = `Usage: npm run export -- <what> --period P --format xlsx|csv --out FILE [options]
  what:      monthly (appendices 5 and 6) | scores (a body's score sheet) | leaderboard
             | reporting (reports expected, received and on time, per body and per region)
  --period   a month 2026-10, a quarter 2026-Q4 or a year 2026 (year to date), any earlier one too
  --body     the body's code (scores only)
  --kind     central|regional (leaderboard; both when left out)
  --lang     ru (default) or kk
When an export makes several files (monthly CSV, leaderboard of both kinds) each is written
next to FILE with its part in the name (FILE.appendix5.csv, FILE.central.xlsx).
The database is DATABASE_URL (default: embedded ./data/pglite; stop the bot first); deadlines
and reporting rates are counted in TIME_ZONE (default Asia/Almaty).`;

/** Where the command writes the files it made (stdout) and why it refused (stderr). */
export interface ExportOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Runs the export command; returns the exit code. Tests pass `output` to run it in-process. */
export async function runExportCommand(
  args: string[],
  env: { databaseUrl: string | undefined; variants?: string; timeZone?: string },
  output: ExportOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const fail = (message: string): number => {
    output.stderr.write(`${message}\n`);
    return 2;
  };
  const { values, positionals } = parseArgs({
    args,
    options: {
      period: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      body: { type: "string" },
      kind: { type: "string" },
      lang: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const what = EXPORT_KINDS.find((kind) => kind === positionals[0]);
  const format = values.format === "csv" ? "csv" : values.format === "xlsx" ? "xlsx" : undefined;
  const period = values.period ?? "";
  const kind = (["central", "regional"] as const).find((k) => k === values.kind);
  if (!what || !format || !values.out || !isPeriodKey(period) || (values.kind && !kind)) {
    return fail(exportUsage);
  }
  if (what === "scores" && !values.body)
    return fail(`--body is required for scores.\n${exportUsage}`);
  const lang: Lang = values.lang === "kk" ? "kk" : "ru";
  const zone = timeZoneSchema.safeParse(env.timeZone || undefined);
  if (!zone.success) return fail(`TIME_ZONE ${env.timeZone} is not an IANA time zone.`);
  const parsedVariants = parseVariants(env.variants ?? "");
  const variants = parsedVariants.ok ? parsedVariants.variants : {};
  const db = await openDatabase(env.databaseUrl);
  try {
    await migrateDatabase(db);
    const repos = createRepositories(db);
    let request: ExportRequest;
    if (what === "scores") {
      const body = await repos.directory.getBodyByCode(values.body ?? "");
      if (!body) return fail(`No body with code ${values.body}.`);
      request = { kind: "scores", periodKey: period, bodyId: body.id };
    } else if (what === "leaderboard") {
      request = {
        kind: "leaderboard",
        periodKey: period,
        ...(kind ? { bodyKind: kind as BodyKind } : {}),
      };
    } else {
      request = { kind: what, periodKey: period };
    }
    // The files and the versions uploaded through the bot: each period as the bot scores it.
    const methodology = (await openMethodologyShelf(repos)).book();
    const result = await runExport(repos, methodology, request, {
      format,
      lang,
      actorUserId: null,
      now: new Date(),
      zone: zone.data,
      variants,
    });
    if (!result.ok) return fail(`Not exported: ${result.reason}`);
    const out = values.out;
    for (const file of result.files) {
      const target = result.files.length === 1 ? out : withPart(out, file.part ?? file.fileName);
      writeFileSync(target, file.data);
      output.stdout.write(`${target}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

function withPart(file: string, part: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.${part}${ext}`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  try {
    process.exitCode = await runExportCommand(process.argv.slice(2), {
      databaseUrl: process.env.DATABASE_URL || undefined,
      variants: process.env.METHODOLOGY_VARIANTS,
      timeZone: process.env.TIME_ZONE,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
