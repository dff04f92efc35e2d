import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { SubmissionStatus } from "../db/repositories/submission-types.ts";
import type { ReportKind } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { lastMonthOf, quarterOf, yearOf } from "../domain/periods.ts";
import type { ReportingTally, ReportState } from "../domain/reports/reporting.ts";
import { emptyTally } from "../domain/reports/reporting.ts";
import { periodKeysWithin, type SpanPoints } from "./body-scores.ts";
import { listReportStatuses, tallyAll } from "./reporting-rates.ts";

/** One report the /score screen names: where it stands, and whether it was accepted. */
export interface NamedReport {
  kind: ReportKind;
  periodKey: string;
  state: ReportState;
  /** The live submission's status, when there is one ("accepted", "submitted"…). */
  status: SubmissionStatus | undefined;
  dueAt: Date;
}

/** How a body reported over the three spans /score shows, and its reports of the month. */
export interface ScoreReporting {
  /** Reports owed and received over the month, its quarter and its year (periods ended by now). */
  spans: { month: ReportingTally; quarter: ReportingTally; year: ReportingTally };
  /** The points of each span that come from reports still waiting for review. */
  unreviewed: SpanPoints;
  /**
   * The reports of the month, of its quarter once the month ends it, of the year in December,
   * and the year before's annual report (due this year): what the author wants to know first.
   */
  reports: NamedReport[];
}

/** A body's reporting for /score's month, quarter and year to date. */
export async function scoreReporting(
  repos: Repositories,
  body: BodyRecord,
  month: string,
  options: { now: Date; zone: string; methodology: MethodologyBook },
): Promise<ScoreReporting> {
  const quarter = quarterOf(month);
  const year = String(yearOf(month));
  const keys = { month: [month], quarter: periodKeysWithin(quarter), year: periodKeysWithin(year) };
  const statuses = await listReportStatuses(
    repos,
    [body],
    [String(yearOf(month) - 1), ...keys.year],
    options,
  );
  const within = (periods: readonly string[]) =>
    statuses.length === 0
      ? emptyTally()
      : tallyAll(statuses.filter((s) => periods.includes(s.periodKey)));
  const unreviewedOf = async (periods: readonly string[]) =>
    (await repos.scores.sumUnreviewedByBody(periods)).get(body.id) ?? 0;
  const named = new Set([month, String(yearOf(month) - 1)]);
  if (lastMonthOf(quarter) === month) named.add(quarter);
  if (lastMonthOf(year) === month) named.add(year);
  const submissions = new Map(
    (await repos.submissions.listByPeriodKeys([...named], { bodyIds: [body.id] })).map((s) => [
      `${s.kind}|${s.periodKey}`,
      s.status,
    ]),
  );
  return {
    spans: { month: within(keys.month), quarter: within(keys.quarter), year: within(keys.year) },
    unreviewed: {
      month: await unreviewedOf(keys.month),
      quarter: await unreviewedOf(keys.quarter),
      year: await unreviewedOf(keys.year),
    },
    reports: statuses
      .filter((s) => named.has(s.periodKey))
      .map((s) => ({
        kind: s.kind,
        periodKey: s.periodKey,
        state: s.state,
        status: submissions.get(`${s.kind}|${s.periodKey}`),
        dueAt: s.dueAt,
      })),
  };
}
