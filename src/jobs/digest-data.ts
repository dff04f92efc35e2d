import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { ScoreRecord } from "../db/repositories/scores.ts";
import type { DeadlineRule } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { locateIndicator } from "../domain/methodology/lookup.ts";
import type { IndicatorDef, ProjectDef, TaskDef } from "../domain/methodology/types.ts";
import { yearOf } from "../domain/periods.ts";
import { type Points, sumPoints } from "../domain/points.ts";
import { appliesToBody } from "../domain/scoring/score-indicator.ts";
import type { Variants } from "../domain/variants.ts";
import { listDescendants } from "../services/body-scope.ts";
import { maxPerReport } from "../services/body-scores.ts";
import { type BodyTrend, bodyTrend } from "../services/body-trend.ts";
import { periodKeysOfYear } from "../services/report-scores.ts";
import { listReportStatuses, type SubmissionIndex } from "../services/reporting-rates.ts";
import { type BodyStanding, endedBy } from "../services/standings.ts";

/** An indicator where the month's report scored less than it could. */
export interface PointsGap {
  def: IndicatorDef;
  points: Points;
  max: Points;
}

/** Everything one manager's monthly digest says, as numbers (texts and charts are made from it). */
export interface DigestData {
  month: string;
  own: BodyStanding;
  subordinates: BodyStanding[];
  /** Bodies (own and below) that owe the month's report and have not sent it (or had it returned). */
  missing: BodyRecord[];
  /** The own body's biggest gaps between max and points in the month, biggest first. */
  gaps: PointsGap[];
  /**
   * The own body's points per project in each report period of the year that ended by the month
   * and that it owes (months, then each quarter after its last month, the year after December),
   * with the state of each period's report.
   */
  trend: BodyTrend;
  /** The own body's year-to-date points per applicable indicator (they add up to own.yearToDate). */
  indicators: { def: IndicatorDef; project?: ProjectDef; task?: TaskDef; points: Points }[];
}

/** A digest's reads of the database, given by a job that read them for every manager at once. */
export interface DigestReads {
  /** The bodies below the manager's body, as listDescendants gives them. */
  descendants: BodyRecord[];
  /** Submissions of the month's year (its report periods through the month) of those bodies, or of all. */
  submissions: SubmissionIndex;
  /** The manager's body's stored scores of the month's year, as listScores orders them. */
  scores: readonly ScoreRecord[];
}

const TOP_GAPS = 3;

/**
 * Collects a digest for the body a manager leads, from stored scores and standings, laid out by
 * the methodology version in force for the month.
 */
export async function collectDigest(
  repos: Repositories,
  methodology: MethodologyBook,
  input: {
    bodyId: number;
    month: string;
    standings: ReadonlyMap<number, BodyStanding>;
    variants?: Variants;
    now: Date;
    zone: string;
    rules?: readonly DeadlineRule[];
  },
  /** What the digest reads, when a job read it once for every manager. */
  read: Partial<DigestReads> = {},
): Promise<DigestData | undefined> {
  const version = methodology.forPeriod(input.month);
  const own = input.standings.get(input.bodyId);
  if (!own) return undefined;
  const subordinates = (read.descendants ?? (await listDescendants(repos, input.bodyId)))
    .map((body) => input.standings.get(body.id))
    .filter((s): s is BodyStanding => s !== undefined);
  const reporting = {
    now: input.now,
    zone: input.zone,
    rules: input.rules,
    methodology,
    submissions: read.submissions,
  };
  const monthStatuses = await listReportStatuses(
    repos,
    [own, ...subordinates].map((s) => s.body),
    [input.month],
    reporting,
  );
  const missing = monthStatuses
    .filter((s) => s.state !== "onTime" && s.state !== "late")
    .map((s) => s.body);
  const rows =
    read.scores ??
    (await repos.scores.listScores({
      periodKeys: periodKeysOfYear(yearOf(input.month)),
      bodyId: input.bodyId,
    }));
  const monthPoints = new Map<string, Points>();
  for (const row of rows) {
    if (row.applicable && row.periodKey === input.month)
      monthPoints.set(row.indicatorId, row.points);
  }
  const gaps = version.indicators
    .filter((def) => def.period === "monthly" && appliesToBody(def, { bodyKind: own.body.kind }))
    .map((def) => ({
      def,
      points: monthPoints.get(def.id) ?? 0,
      max: maxPerReport(def, input.variants) ?? 0,
    }))
    .filter((gap) => gap.max > gap.points)
    .sort((a, b) => b.max - b.points - (a.max - a.points) || a.def.id.localeCompare(b.def.id))
    .slice(0, TOP_GAPS);
  const trend = await bodyTrend(repos, own.body, input.month, reporting, rows);
  const ytd = new Map<string, Points>();
  for (const row of rows) {
    if (!row.applicable || !endedBy(row.periodKey, input.month)) continue;
    ytd.set(row.indicatorId, sumPoints([ytd.get(row.indicatorId) ?? 0, row.points]));
  }
  const indicators = version.indicators
    .filter((def) => appliesToBody(def, { bodyKind: own.body.kind }))
    .map((def) => ({ def, ...locateIndicator(version, def.id), points: ytd.get(def.id) ?? 0 }));
  return {
    month: input.month,
    own,
    subordinates,
    missing,
    gaps,
    trend,
    indicators,
  };
}
