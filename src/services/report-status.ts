import type { Repositories } from "../db/index.ts";
import { type DeadlineRule, dueAt, type ReportKind } from "../domain/deadlines.ts";
import { monthsOf } from "../domain/periods.ts";
import { loadDeadlineRules } from "./deadlines.ts";

/** A report that needs attention: not made though due, made late, or returned for correction. */
export interface ReportProblem {
  kind: ReportKind;
  periodKey: string;
  state: "missing" | "late" | "returned";
  dueAt: Date;
}

/** Every report of a year (and the previous year's annual one) that is due by now, oldest first. */
function duePeriods(
  year: number,
  now: Date,
  rules: readonly DeadlineRule[],
  utcOffsetMinutes: number,
): { kind: ReportKind; periodKey: string; dueAt: Date }[] {
  const candidates: { kind: ReportKind; periodKey: string }[] = [
    { kind: "annual", periodKey: String(year - 1) },
    ...monthsOf(String(year)).map((periodKey) => ({ kind: "monthly" as const, periodKey })),
    ...[1, 2, 3, 4].map((q) => ({ kind: "quarterly" as const, periodKey: `${year}-Q${q}` })),
    { kind: "annual", periodKey: String(year) },
  ];
  return candidates
    .map((c) => ({ ...c, dueAt: dueAt(c.kind, c.periodKey, rules, utcOffsetMinutes) }))
    .filter((c) => c.dueAt.getTime() <= now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * The body's reports of a year that are missing (due and not made), were made late, or were
 * returned and not yet corrected.
 */
export async function listReportProblems(
  repos: Repositories,
  bodyId: number,
  options: { year: number; now: Date; utcOffsetMinutes: number },
): Promise<ReportProblem[]> {
  const rules = await loadDeadlineRules(repos);
  const problems: ReportProblem[] = [];
  for (const due of duePeriods(options.year, options.now, rules, options.utcOffsetMinutes)) {
    const current = await repos.submissions.getCurrent(bodyId, due.kind, due.periodKey);
    const status = current?.submission.status;
    if (!current || status === "draft") problems.push({ ...due, state: "missing" });
    else if (status === "returned") problems.push({ ...due, state: "returned" });
    else if (current.submission.late) problems.push({ ...due, state: "late" });
  }
  return problems;
}
