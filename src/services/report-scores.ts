import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { ScoreLine } from "../db/repositories/scores.ts";
import type { SubmissionRecord, VersionDetail } from "../db/repositories/submissions.ts";
import type { ReportKind } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { MethodologyVersion } from "../domain/methodology/types.ts";
import { monthsOf, yearOf } from "../domain/periods.ts";
import { type Points, sumPoints } from "../domain/points.ts";
import { readReportMeta } from "../domain/reports/report-meta.ts";
import { type ReportScore, scoreReport } from "../domain/scoring/score-report.ts";
import type { IndicatorValue } from "../domain/scoring/values.ts";
import type { Variants } from "../domain/variants.ts";

/** Statuses whose values count: a returned report is being corrected and counts again when resubmitted. */
const COUNTED_STATUSES = new Set(["submitted", "accepted"]);

export interface ScoreOptions {
  variants?: Variants;
  now?: Date;
  /**
   * The report's deadline has passed: without a counted submission it scores as an empty report,
   * so unanswered flags carry their penalties (SCORING.md: a flag not reported counts as not done).
   */
  missed?: boolean;
}

/**
 * Scores the live submission of one report by the methodology version in force for its period
 * and stores its points per indicator for that period with the version's id (replacing what was
 * stored); undefined when nothing counts yet.
 */
export async function recomputeReportScores(
  repos: Repositories,
  methodology: MethodologyBook,
  report: { bodyId: number; kind: ReportKind; periodKey: string },
  options: ScoreOptions = {},
): Promise<ReportScore | undefined> {
  const version = methodology.forPeriod(report.periodKey);
  const body = await repos.directory.getBody(report.bodyId);
  if (!body) throw new Error(`Body ${report.bodyId} does not exist`);
  const current = await repos.submissions.getCurrent(report.bodyId, report.kind, report.periodKey);
  const score = scoreOfReport(version, body.kind, report.kind, current, options);
  await repos.scores.replaceScores({
    bodyId: report.bodyId,
    periodKey: report.periodKey,
    methodologyVersion: version.id,
    computedAt: options.now ?? new Date(),
    breakdown: breakdownOf(score),
  });
  return score;
}

/**
 * recomputeReportScores for every one of the bodies in one report period, with one read of the
 * period's submissions and one write of all their scores (the nightly job's whole country).
 */
export async function recomputePeriodScores(
  repos: Repositories,
  methodology: MethodologyBook,
  report: { bodies: readonly BodyRecord[]; kind: ReportKind; periodKey: string },
  options: ScoreOptions = {},
): Promise<void> {
  const version = methodology.forPeriod(report.periodKey);
  const current = new Map(
    (await repos.submissions.listCurrentOfPeriod(report.kind, report.periodKey)).map((c) => [
      c.submission.bodyId,
      c,
    ]),
  );
  await repos.scores.replacePeriodScores({
    periodKey: report.periodKey,
    methodologyVersion: version.id,
    computedAt: options.now ?? new Date(),
    bodies: report.bodies.map((body) => ({
      bodyId: body.id,
      breakdown: breakdownOf(
        scoreOfReport(version, body.kind, report.kind, current.get(body.id), options),
      ),
    })),
  });
}

/** A report's score from its live submission; undefined when nothing counts yet. */
function scoreOfReport(
  version: MethodologyVersion,
  bodyKind: BodyRecord["kind"],
  kind: ReportKind,
  current: { submission: SubmissionRecord; version: VersionDetail | undefined } | undefined,
  options: ScoreOptions,
): ReportScore | undefined {
  const counted = current?.version && COUNTED_STATUSES.has(current.submission.status);
  const values = counted ? current.version?.values : options.missed ? {} : undefined;
  if (!values) return undefined;
  return scoreReport(version, {
    bodyKind,
    // Only the annual report carries project 1, and its exemption is in that very version.
    p1Exempt: counted ? readReportMeta(current.version?.meta).p1Exempt === true : false,
    kind,
    values: values as Partial<Record<string, IndicatorValue>>,
    variants: options.variants,
  });
}

function breakdownOf(score: ReportScore | undefined): ScoreLine[] {
  return score
    ? score.indicators.map(({ id, points, applicable }) => ({
        indicatorId: id,
        points,
        applicable,
      }))
    : [];
}

/** Every period key whose stored scores make up a year: its months, quarters and the year. */
export function periodKeysOfYear(year: number): string[] {
  const y = String(year);
  return [...monthsOf(y), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), y];
}

export interface BodyYearScore {
  bodyId: number;
  total: Points;
  /** Indicator id → points summed over the year's periods. */
  indicators: Record<string, Points>;
  /** Period key → that period's points. */
  periods: Record<string, Points>;
}

/** Year-to-date points of one body (or of every body) from the stored scores. */
export async function yearScores(
  repos: Repositories,
  year: number,
  bodyId?: number,
): Promise<Map<number, BodyYearScore>> {
  const rows = await repos.scores.listScores({ periodKeys: periodKeysOfYear(year), bodyId });
  const byBody = new Map<number, BodyYearScore>();
  for (const row of rows) {
    if (!row.applicable) continue;
    const entry = byBody.get(row.bodyId) ?? {
      bodyId: row.bodyId,
      total: 0,
      indicators: {},
      periods: {},
    };
    entry.total = sumPoints([entry.total, row.points]);
    entry.indicators[row.indicatorId] = sumPoints([
      entry.indicators[row.indicatorId] ?? 0,
      row.points,
    ]);
    entry.periods[row.periodKey] = sumPoints([entry.periods[row.periodKey] ?? 0, row.points]);
    byBody.set(row.bodyId, entry);
  }
  return byBody;
}

/**
 * Project 1 is exempt when the body's annual report of the period's year says an external
 * analysis of corruption risks was made the year before (recorded in the version's meta).
 */
export async function isProject1Exempt(
  repos: Repositories,
  bodyId: number,
  periodKey: string,
): Promise<boolean> {
  const annual = await repos.submissions.getCurrent(bodyId, "annual", String(yearOf(periodKey)));
  if (!annual?.version || !COUNTED_STATUSES.has(annual.submission.status)) return false;
  return readReportMeta(annual.version.meta).p1Exempt === true;
}
