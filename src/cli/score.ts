// `npm run --silent score -- [--variant ID=READING] [--methodology FILE]… FILE|-`: one scorecard in,
// its points out (SCORING.md). The versions are the repository's, or the files given; the card is
// scored by the one in force for its "year", else the newest. The readings are --variant's, else
// the bot's METHODOLOGY_VARIANTS.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createMethodologyBook, type MethodologyBook } from "../domain/methodology/book.ts";
import type { MethodologyVersion } from "../domain/methodology/types.ts";
import { pointsToNumber } from "../domain/points.ts";
import { describeProblem, type Problem } from "../domain/problems.ts";
import { parseScorecard, yearOfScorecard } from "../domain/scoring/parse-scorecard.ts";
import { type ScoreBreakdown, scoreScorecard } from "../domain/scoring/scorecard.ts";
import { describeWarning } from "../domain/scoring/warnings.ts";
import { parseVariants, readingsOf, unknownVariants, type Variants } from "../domain/variants.ts";
import { translator } from "../i18n.ts";
import { byDataKeys } from "../i18n-keys.ts";
import {
  bundledMethodology,
  describeMethodologyProblems,
  MethodologyLoadError,
  readVersionFile,
  variantsNoVersionKnows,
} from "../methodology/load.ts";

const t = translator("en");
const BAD_INPUT = 2;

class BadInput extends Error {}

/** Where the command reads standard input, its setting and writes its output; the process's own by default. */
export interface ScoreIo {
  readStdin(): string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** METHODOLOGY_VARIANTS, the bot's readings, taken when no --variant is given. */
  env?: { METHODOLOGY_VARIANTS?: string };
}

const processIo: ScoreIo = {
  readStdin: () => readFileSync(0, "utf8"),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};

interface Args {
  file: string;
  /** Undefined when no --variant was given: the setting's readings apply. */
  variants: Variants | undefined;
  /** Version files to score by instead of the repository's. */
  methodologyFiles: string[];
}

function variantsOf(text: string): Variants {
  const parsed = parseVariants(text);
  if (!parsed.ok) throw new BadInput(t("scoring:cli.badVariantSyntax", { item: parsed.item }));
  return parsed.variants;
}

/** The value of `--name VALUE` or `--name=VALUE` at argv[i], and how many items it took. */
function optionValue(argv: readonly string[], i: number, name: string) {
  const arg = argv[i] ?? "";
  if (arg === name) return { value: argv[i + 1] ?? "", used: 2 };
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), used: 1 };
  return undefined;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let variants: Record<string, string> | undefined;
  const methodologyFiles: string[] = [];
  for (let i = 0; i < argv.length; ) {
    const arg = argv[i] ?? "";
    const variant = optionValue(argv, i, "--variant");
    const methodology = optionValue(argv, i, "--methodology");
    if (variant) {
      variants = { ...variants, ...variantsOf(variant.value) };
      i += variant.used;
    } else if (methodology && methodology.value !== "") {
      methodologyFiles.push(methodology.value);
      i += methodology.used;
    } else if (file === undefined && (arg === "-" || !arg.startsWith("-"))) {
      file = arg;
      i += 1;
    } else {
      throw new BadInput(t("scoring:cli.usage"));
    }
  }
  if (file === undefined) throw new BadInput(t("scoring:cli.usage"));
  return { file, variants, methodologyFiles };
}

function readJson(file: string, io: ScoreIo): unknown {
  const name = file === "-" ? "standard input" : file;
  let text: string;
  try {
    text = file === "-" ? io.readStdin() : readFileSync(file, "utf8");
  } catch (error) {
    throw new BadInput(
      t("scoring:cli.unreadable", { file: name, reason: (error as Error).message }),
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInput(
      t("scoring:cli.invalidJson", { file: name, reason: (error as Error).message }),
    );
  }
}

/** The versions: the files given (checked), else the repository's. */
function bookOf(args: Args): MethodologyBook {
  if (args.methodologyFiles.length === 0) return bundledMethodology();
  const versions = args.methodologyFiles.map((file) => {
    try {
      return readVersionFile(file);
    } catch (error) {
      if (!(error instanceof MethodologyLoadError)) throw error;
      const lines = describeMethodologyProblems(error.problems, "en").map((line) => `  ${line}`);
      throw new BadInput([t("scoring:cli.badMethodology", { file }), ...lines].join("\n"));
    }
  });
  try {
    return createMethodologyBook(versions);
  } catch (error) {
    throw new BadInput((error as Error).message);
  }
}

/**
 * The readings: --variant's, each of which the version must know; else the setting's, each of
 * which some version must know (the bot takes it so, and a version without it reads the default).
 */
function readingsFor(args: Args, version: MethodologyVersion, book: MethodologyBook, io: ScoreIo) {
  if (args.variants) {
    const [unknown] = unknownVariants(version, args.variants);
    if (unknown !== undefined) {
      const known = Object.entries(readingsOfAll(version))
        .map(([id, readings]) => `${id}=${readings.join("|")}`)
        .join(", ");
      throw new BadInput(
        t("scoring:cli.badVariant", { item: unknown, version: version.id, known }),
      );
    }
    return args.variants;
  }
  const setting = io.env?.METHODOLOGY_VARIANTS ?? "";
  const parsed = parseVariants(setting);
  if (!parsed.ok) throw new BadInput(t("scoring:cli.badSetting", { item: parsed.item }));
  const [unknown] = variantsNoVersionKnows(book, parsed.variants);
  if (unknown !== undefined) throw new BadInput(t("scoring:cli.badSetting", { item: unknown }));
  return parsed.variants;
}

/** Every reading of each indicator with variants: its own first. */
function readingsOfAll(version: MethodologyVersion): Record<string, string[]> {
  const readings: Record<string, string[]> = {};
  for (const [id, reading] of Object.entries(readingsOf(version))) {
    const def = version.indicators.find((d) => d.id === id);
    readings[id] = [reading, ...Object.keys(def?.variants ?? {})];
  }
  return readings;
}

function output(breakdown: ScoreBreakdown) {
  const indicators: Record<string, { points: number; applicable: boolean; max?: number }> = {};
  for (const [id, s] of Object.entries(breakdown.indicators)) {
    indicators[id] = { points: pointsToNumber(s.points), applicable: s.applicable };
    if (s.max !== undefined) indicators[id].max = pointsToNumber(s.max);
  }
  return {
    total: pointsToNumber(breakdown.total),
    indicators,
    ...(breakdown.p1ExternalPlan ? { p1ExternalPlan: breakdown.p1ExternalPlan } : {}),
  };
}

/** Runs the command on its arguments (without node and the script); returns the exit code. */
export function main(argv: readonly string[], io: ScoreIo = processIo): number {
  let problems: Problem[];
  try {
    const args = parseArgs(argv);
    const card = readJson(args.file, io);
    const book = bookOf(args);
    const year = yearOfScorecard(card);
    const version = year === undefined ? book.newest : book.forPeriod(String(year));
    const variants = readingsFor(args, version, book, io);
    const parsed = parseScorecard(version, card);
    if (parsed.ok) {
      const breakdown = scoreScorecard(version, parsed.value, { variants });
      // Contradicting values are scored by the deciding field and named, not refused (exit 0).
      for (const warning of breakdown.warnings)
        io.stderr.write(`${describeWarning(warning, byDataKeys(t))}\n`);
      io.stdout.write(`${JSON.stringify(output(breakdown), null, 2)}\n`);
      return 0;
    }
    problems = parsed.problems;
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.stderr.write(`${error.message}\n`);
    return BAD_INPUT;
  }
  for (const problem of problems) io.stderr.write(`${describeProblem(problem, byDataKeys(t))}\n`);
  return BAD_INPUT;
}

// Run only as the command itself; tests import main and call it in-process.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = main(process.argv.slice(2));
}
