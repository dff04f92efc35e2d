// Directory import from the command line: npm run import -- FILE [--lang kk|ru] | --template OUT.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { createRepositories, migrateDatabase, openDatabase } from "../db/index.ts";
import { type Lang, translator } from "../i18n.ts";
import { importDirectory } from "../services/directory-import.ts";
import { buildDirectoryTemplate } from "../services/directory-template.ts";
import {
  describeFileRefusal,
  describeProblems,
  describeSummary,
} from "../services/import-messages.ts";
import { readTableFile } from "../services/table-file.ts";

export const importUsage = `Usage: npm run import -- FILE.csv|FILE.xlsx [--lang ru|kk]
       npm run import -- --template OUT.xlsx [--lang ru|kk]
Imports bodies, subdivisions, organisations, districts and people all or nothing; importing the
same file again changes nothing. The database is DATABASE_URL (default: embedded ./data/pglite;
stop the bot first, it is single-process). Exit code 1 when the file has problems.`;

/** Runs the import command; returns the exit code. */
export async function runImportCommand(
  args: string[],
  env: { databaseUrl: string | undefined },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: "string" }, template: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const lang: Lang = values.lang === "kk" ? "kk" : "ru";
  const t = translator(lang);
  const out = (text: string) => process.stdout.write(`${text}\n`);
  if (values.template) {
    writeFileSync(values.template, await buildDirectoryTemplate(lang));
    out(`Template written to ${values.template}`);
    return 0;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    process.stderr.write(`${importUsage}\n`);
    return 2;
  }
  const table = await readTableFile(readFileSync(file), file);
  if (!table.ok) {
    process.stderr.write(`${describeFileRefusal(t, table)}\n`);
    return 1;
  }
  const db = await openDatabase(env.databaseUrl);
  try {
    await migrateDatabase(db);
    const result = await importDirectory(createRepositories(db), table.rows, {
      actorUserId: null,
      now: new Date(),
      source: basename(file),
      encoding: table.encoding,
    });
    if (!result.ok) {
      process.stderr.write(`${describeProblems(t, result.problems, Number.POSITIVE_INFINITY)}\n`);
      return 1;
    }
    out(describeSummary(t, result.summary));
    return 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  try {
    process.exitCode = await runImportCommand(process.argv.slice(2), {
      databaseUrl: process.env.DATABASE_URL || undefined,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
