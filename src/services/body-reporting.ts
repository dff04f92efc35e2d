import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { DeadlineRule } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { yearOf } from "../domain/periods.ts";
import type { Points } from "../domain/points.ts";
import { reportPeriodsThrough } from "../domain/reports/obligations.ts";
import { emptyTally, type ReportingTally } from "../domain/reports/reporting.ts";
import { periodKeysOfYear } from "./report-scores.ts";
import { listReportStatuses, tallyBy, tallyByBody } from "./reporting-rates.ts";
import { endedBy } from "./standings.ts";

/** How a body has reported, as the digest, the leaderboard post and /score say it. */
export interface BodyReporting {
  /** The reports owed in the year up to the end of the month (months, ended quarters, the year in December). */
  year: ReportingTally;
  /** The month's own monthly report (expected 0 when the body owes none). */
  month: ReportingTally;
  /** Year-to-date points from reports still waiting for review. */
  unreviewed: Points;
}

export interface BodyReportingOptions {
  now: Date;
  zone: string;
  methodology: MethodologyBook;
  rules?: readonly DeadlineRule[];
}

/**
 * Whether a tally owes something past its deadline and received nothing: "not reported", never a
 * zero score. A report whose deadline is still ahead is not yet owed in this sense.
 */
export function reportedNothing(tally: ReportingTally | undefined): boolean {
  return tally !== undefined && tally.expected - tally.pending > 0 && tally.received === 0;
}

/** Each body's reporting over the year up to a month, and in the month itself. */
export async function reportingOfBodies(
  repos: Repositories,
  bodies: readonly BodyRecord[],
  month: string,
  options: BodyReportingOptions,
): Promise<Map<number, BodyReporting>> {
  const statuses = await listReportStatuses(repos, bodies, reportPeriodsThrough(month), options);
  const year = tallyByBody(statuses);
  const inMonth = tallyBy(
    statuses.filter((s) => s.periodKey === month),
    (s) => s.body.id,
  );
  const ended = periodKeysOfYear(yearOf(month)).filter((key) => endedBy(key, month));
  const unreviewed = await repos.scores.sumUnreviewedByBody(ended);
  return new Map(
    bodies.map((body) => [
      body.id,
      {
        year: year.get(body.id) ?? emptyTally(),
        month: inMonth.get(body.id) ?? emptyTally(),
        unreviewed: unreviewed.get(body.id) ?? 0,
      },
    ]),
  );
}

/** All the bodies' reporting added up (a kind's, a manager's bodies'). */
export function addUp(reporting: Iterable<BodyReporting>): ReportingTally {
  const total = emptyTally();
  for (const { year } of reporting) {
    for (const key of Object.keys(total) as (keyof ReportingTally)[]) total[key] += year[key];
  }
  return total;
}
