import type { TFunction } from "i18next";
import type { ImportProblem, ImportSummary } from "./directory-import.ts";

type Translate = TFunction | ((key: string, params?: Record<string, unknown>) => string);

/** Every problem as "Row 5, column «Kind»: …" (up to `shown`), then how many more were not listed. */
export function describeProblems(
  t: Translate,
  problems: readonly ImportProblem[],
  shown = 40,
): string {
  const lines = [t("admin:import.failed", { count: problems.length })];
  for (const problem of problems.slice(0, shown)) lines.push(describeProblem(t, problem));
  if (problems.length > shown)
    lines.push(t("admin:import.more", { count: problems.length - shown }));
  return lines.join("\n");
}

/** One problem in the reader's language. */
export function describeProblem(t: Translate, problem: ImportProblem): string {
  const where = problem.column
    ? t("admin:import.whereColumn", {
        row: problem.row,
        column: t(`admin:import.columns.${problem.column}`),
      })
    : t("admin:import.whereRow", { row: problem.row });
  return `${where}: ${t(`admin:import.problems.${problem.code}`, { value: problem.value ?? "" })}`;
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
