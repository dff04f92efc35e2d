// `npm run --silent score -- [--variant p2.t5.s4=kk] FILE|-`: one scorecard in, its points out (SCORING.md).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pointsToNumber } from "../domain/points.ts";
import { describeProblem, type Problem } from "../domain/problems.ts";
import { parseScorecard } from "../domain/scoring/parse-scorecard.ts";
import { scoreScorecard } from "../domain/scoring/scorecard.ts";
import { parseVariants, unknownVariants, type Variants } from "../domain/variants.ts";
import { translator } from "../i18n.ts";
import { bundledMethodology } from "../methodology/load.ts";

const t = translator("en");
const BAD_INPUT = 2;

class BadInput extends Error {}

/** Where the command reads standard input and writes its output; the process's own by default. */
export interface ScoreIo {
  readStdin(): string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const processIo: ScoreIo = {
  readStdin: () => readFileSync(0, "utf8"),
  stdout: process.stdout,
  stderr: process.stderr,
};

function parseArgs(argv: readonly string[]): { file: string; variants: Variants } {
  let file: string | undefined;
  const variants: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--variant" || arg.startsWith("--variant=")) {
      const text = arg === "--variant" ? (argv[++i] ?? "") : arg.slice("--variant=".length);
      const parsed = parseVariants(text);
      if (!parsed.ok)
        throw new BadInput(t("scoring:cli.badVariant", { item: parsed.item || text }));
      Object.assign(variants, parsed.variants);
    } else if (file === undefined && (arg === "-" || !arg.startsWith("-"))) {
      file = arg;
    } else {
      throw new BadInput(t("scoring:cli.usage"));
    }
  }
  if (file === undefined) throw new BadInput(t("scoring:cli.usage"));
  return { file, variants };
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

/** Runs the command on its arguments (without node and the script); returns the exit code. */
export function main(argv: readonly string[], io: ScoreIo = processIo): number {
  let problems: Problem[];
  try {
    const { file, variants } = parseArgs(argv);
    const version = bundledMethodology().newest;
    const unknown = unknownVariants(version, variants);
    if (unknown.length > 0) throw new BadInput(t("scoring:cli.badVariant", { item: unknown[0] }));
    const parsed = parseScorecard(version, readJson(file, io));
    if (parsed.ok) {
      const breakdown = scoreScorecard(version, parsed.value, { variants });
      const indicators: Record<string, { points: number; applicable: boolean; max?: number }> = {};
      for (const [id, s] of Object.entries(breakdown.indicators)) {
        indicators[id] = { points: pointsToNumber(s.points), applicable: s.applicable };
        if (s.max !== undefined) indicators[id].max = pointsToNumber(s.max);
      }
      const out = {
        total: pointsToNumber(breakdown.total),
        indicators,
        ...(breakdown.p1ExternalPlan ? { p1ExternalPlan: breakdown.p1ExternalPlan } : {}),
      };
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    problems = parsed.problems;
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.stderr.write(`${error.message}\n`);
    return BAD_INPUT;
  }
  for (const problem of problems) io.stderr.write(`${describeProblem(problem, t)}\n`);
  return BAD_INPUT;
}

// Run only as the command itself; tests import main and call it in-process.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = main(process.argv.slice(2));
}
