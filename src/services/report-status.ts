import type { Repositories } from "../db/index.ts";
import type { ReportKind } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { monthsOf } from "../domain/periods.ts";
import { listReportStatuses } from "./reporting-rates.ts";

/** A report that needs attention: not made though due, made late, or returned for correction. */
export interface ReportProblem {
  kind: ReportKind;
  periodKey: string;
  state: "missing" | "late" | "returned";
  dueAt: Date;
}

/** The report periods of a year, and the year before's annual report (due in this one). */
function periodsOfYear(year: number): string[] {
  const y = String(year);
  return [String(year - 1), ...monthsOf(y), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), y];
}

/**
 * The body's reports of a year that are missing (due and not made), were made late, or were
 * returned and not yet corrected; only reports the body owes (see owesReport), oldest due first.
 */
export async function listReportProblems(
  repos: Repositories,
  bodyId: number,
  options: { year: number; now: Date; zone: string; methodology: MethodologyBook },
): Promise<ReportProblem[]> {
  const body = await repos.directory.getBody(bodyId);
  if (!body) return [];
  const statuses = await listReportStatuses(repos, [body], periodsOfYear(options.year), options);
  const problems: ReportProblem[] = [];
  for (const { kind, periodKey, state, dueAt } of statuses) {
    if (state === "missing" || state === "late" || state === "returned") {
      problems.push({ kind, periodKey, state, dueAt });
    }
  }
  return problems.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
