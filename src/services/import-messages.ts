import { defuseFormulas, toCsv } from "../documents/csv.ts";
import type { Translate } from "../i18n-keys.ts";
import type { ImportProblem, ImportSummary } from "./directory-import.ts";
import type { ReadTableResult } from "./table-file.ts";

/**
 * Every problem as "Row 5, column «Kind» (E5): …" (up to `shown`), then how many more there are,
 * which the errors file (problemsFile) lists with the rest.
 */
export function describeProblems(
  t: Translate,
  problems: readonly ImportProblem[],
  shown = 40,
): string {
  return problemsMessage(t, problems, { maxLines: shown }).text;
}

/**
 * The problems as one message that fits `maxChars` (a Telegram message holds 4,096): as many as
 * fit, up to `maxLines`, then how many more there are; `shown` says how many it lists.
 */
export function problemsMessage(
  t: Translate,
  problems: readonly ImportProblem[],
  limits: { maxLines?: number; maxChars?: number },
): { text: string; shown: number } {
  const maxLines = limits.maxLines ?? Number.POSITIVE_INFINITY;
  const maxChars = limits.maxChars ?? Number.POSITIVE_INFINITY;
  const lines = [t("admin:import.failed", { count: problems.length })];
  // Room for the last line, whatever the count in it.
  let length = lines[0]?.length ?? 0;
  const room = t("admin:import.moreInFile", { count: problems.length }).length + 1;
  for (const problem of problems) {
    const line = describeProblem(t, problem);
    if (lines.length - 1 >= maxLines || length + line.length + 1 + room > maxChars) break;
    lines.push(line);
    length += line.length + 1;
  }
  const shown = lines.length - 1;
  if (shown < problems.length)
    lines.push(t("admin:import.moreInFile", { count: problems.length - shown }));
  return { text: lines.join("\n"), shown };
}

/** One problem in the reader's language. */
export function describeProblem(t: Translate, problem: ImportProblem): string {
  return `${where(t, problem)}: ${what(t, problem)}`;
}

function where(t: Translate, problem: ImportProblem): string {
  if (!problem.column) return t("admin:import.whereRow", { row: problem.row });
  const column = t(`admin:import.columns.${problem.column}`);
  return problem.cell
    ? t("admin:import.whereCell", { row: problem.row, column, cell: problem.cell })
    : t("admin:import.whereColumn", { row: problem.row, column });
}

function what(t: Translate, problem: ImportProblem): string {
  return t(`admin:import.problems.${problem.code}`, { value: problem.value ?? "" });
}

/** Every problem of a file as a CSV to open in a spreadsheet: row, cell, column, what is wrong. */
export function problemsFile(t: Translate, problems: readonly ImportProblem[]): Buffer {
  const header = (["row", "cell", "column", "problem"] as const).map((key) =>
    t(`admin:import.errorsFile.${key}`),
  );
  const rows = problems.map((problem) => [
    String(problem.row),
    problem.cell ?? "",
    problem.column ? t(`admin:import.columns.${problem.column}`) : "",
    what(t, problem),
  ]);
  return toCsv([header, ...rows].map((row) => row.map(defuseFormulas)));
}

/** Why a file could not be read as a table, in the reader's language. */
export function describeFileRefusal(
  t: Translate,
  refused: Extract<ReadTableResult, { ok: false }>,
): string {
  return t(`admin:import.file.${refused.reason}`, {
    lastRow: "lastRow" in refused ? refused.lastRow : "",
    column: "column" in refused ? refused.column : "",
  });
}

/** What an import changed, or that it changed nothing. */
export function describeSummary(t: Translate, summary: ImportSummary): string {
  const changed =
    summary.bodiesCreated +
    summary.bodiesUpdated +
    summary.membersCreated +
    summary.membersUpdated +
    summary.peopleCreated +
    summary.peopleUpdated;
  if (changed === 0) return t("admin:import.unchanged", { rows: summary.rows });
  return t("admin:import.done", { ...summary });
}
