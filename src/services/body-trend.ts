import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { ScoreRecord } from "../db/repositories/scores.ts";
import { locateIndicator } from "../domain/methodology/lookup.ts";
import { yearOf } from "../domain/periods.ts";
import { type Points, sumPoints } from "../domain/points.ts";
import { reportPeriodsThrough } from "../domain/reports/obligations.ts";
import type { ReportState } from "../domain/reports/reporting.ts";
import { periodKeysOfYear } from "./report-scores.ts";
import { listReportStatuses, type ReportingOptions } from "./reporting-rates.ts";

/**
 * A body's points per project in each report period of a month's year that ended by the month
 * and that it owes (months, each quarter after its last month, the year after December), with
 * the state of each period's report: what the trend chart of the digest and the dashboard draws.
 */
export interface BodyTrend {
  periods: { periodKey: string; state: ReportState }[];
  series: { projectId: string; number: string; points: Points[] }[];
}

/**
 * The body's trend through the month, laid out by the version in force for the month; `rows` are
 * its stored scores of the year when already read.
 */
export async function bodyTrend(
  repos: Repositories,
  body: BodyRecord,
  month: string,
  reporting: ReportingOptions,
  rows?: readonly ScoreRecord[],
): Promise<BodyTrend> {
  const version = reporting.methodology.forPeriod(month);
  const scores =
    rows ??
    (await repos.scores.listScores({
      periodKeys: periodKeysOfYear(yearOf(month)),
      bodyId: body.id,
    }));
  const statuses = await listReportStatuses(repos, [body], reportPeriodsThrough(month), reporting);
  const periods = statuses.map((s) => ({ periodKey: s.periodKey, state: s.state }));
  const series = version.projects.map((project) => ({
    projectId: project.id,
    number: project.number,
    points: periods.map(({ periodKey }) =>
      sumPoints(
        scores
          .filter((r) => r.applicable && r.periodKey === periodKey)
          .filter((r) => locateIndicator(version, r.indicatorId)?.project.id === project.id)
          .map((r) => r.points),
      ),
    ),
  }));
  return { periods, series };
}
