// `npm run methodology -- check FILE` and `npm run methodology -- diff OLD NEW [--lang kk|ru]`:
// the methodologist's tools for a new version file, in their language (Russian unless told).
import { basename } from "node:path";
import { formatPeriodLabel } from "../domain/calendar/format.ts";
import { describeDiff } from "../domain/methodology/describe-diff.ts";
import { diffVersions } from "../domain/methodology/diff.ts";
import type { MethodologyVersion } from "../domain/methodology/types.ts";
import { type Lang, translator } from "../i18n.ts";
import { byDataKeys } from "../i18n-keys.ts";
import {
  describeMethodologyProblems,
  MethodologyLoadError,
  readVersionFile,
} from "../methodology/load.ts";

const BAD_INPUT = 2;

/** Where the command writes; the process's own by default. */
export interface MethodologyIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

class Refused extends Error {}

function parseArgs(argv: readonly string[]): { words: string[]; lang: Lang } {
  const words: string[] = [];
  let lang: Lang = "ru";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = arg === "--lang" ? argv[++i] : arg.startsWith("--lang=") ? arg.slice(7) : null;
    if (value === null) words.push(arg);
    else if (value === "kk" || value === "ru") lang = value;
    else words.push("--lang");
  }
  return { words, lang };
}

/** A version file, or Refused with one line per problem in the reader's language. */
function read(file: string, lang: Lang): MethodologyVersion {
  try {
    return readVersionFile(file);
  } catch (error) {
    if (!(error instanceof MethodologyLoadError)) throw error;
    const t = translator(lang);
    const lines = describeMethodologyProblems(error.problems, lang).map((line) => `  ${line}`);
    const head = t("methodology:cli.refused", { file, count: error.problems.length });
    throw new Refused([head, ...lines].join("\n"));
  }
}

/** Runs the command on its arguments (without node and the script); returns the exit code. */
export function main(argv: readonly string[], io: MethodologyIo = process): number {
  const { words, lang } = parseArgs(argv);
  const t = translator(lang);
  const [command, ...files] = words;
  try {
    if (command === "check" && files.length === 1) {
      const file = files[0] as string;
      const version = read(file, lang);
      const from = formatPeriodLabel(version.appliesFrom, lang);
      const count = version.indicators.length;
      io.stdout.write(`${t("methodology:cli.valid", { file, id: version.id, count, from })}\n`);
      return 0;
    }
    if (command === "diff" && files.length === 2) {
      const [before, after] = files.map((file) => read(file, lang)) as [
        MethodologyVersion,
        MethodologyVersion,
      ];
      io.stdout.write(
        `${describeDiff(diffVersions(before, after), byDataKeys(t), lang).join("\n")}\n`,
      );
      return 0;
    }
    io.stderr.write(`${t("methodology:cli.usage")}\n`);
    return BAD_INPUT;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.stderr.write(`${error.message}\n`);
    return BAD_INPUT;
  }
}

// Run only as the command itself; tests import main and call it in-process.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = main(process.argv.slice(2));
}
