import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { UserRecord } from "../db/repositories/users.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { IndicatorDef } from "../domain/methodology/types.ts";
import { endedSpanOf, latestPeriod, shiftYears, viewableNext } from "../domain/period-spans.ts";
import {
  monthsOf,
  type PeriodUnit,
  parsePeriod,
  periodEnd,
  previousPeriod,
} from "../domain/periods.ts";
import { type Points, sumPoints } from "../domain/points.ts";
import type { ReportingTally } from "../domain/reports/reporting.ts";
import type { IndicatorValue } from "../domain/scoring/values.ts";
import type { Variants } from "../domain/variants.ts";
import { listDescendants, mayViewBody } from "./body-scope.ts";
import { maxPerReport, type ProjectTree, scoreTree } from "./body-scores.ts";
import { type BodyTrend, bodyTrend } from "./body-trend.ts";
import { loadDeadlineRules } from "./deadlines.ts";
import { pointsByBody, standingsFrom, totalOf } from "./leaderboard.ts";
import { listReportStatuses, type ReportStatus, tallyAll, tallyByBody } from "./reporting-rates.ts";

/** Points over a period, with the body's rank among bodies of its kind and two comparisons. */
export interface RankedPoints {
  points: Points;
  /** 0 when the body is not ranked (an inactive body). */
  rank: number;
  of: number;
  /** The same over the previous period (previous month, quarter or year). */
  previous: Points;
  /** The same over the same span a year earlier. */
  lastYear: Points;
}

/** One indicator in the drill-down: its points, the most it could score, and what was reported. */
export interface IndicatorLine {
  def: IndicatorDef;
  points: Points;
  /** The most the reports of the period can score on it; absent when unbounded or none is due. */
  max?: Points;
  /** How many of its reports the period holds (months, quarters or the year that ended). */
  reports: number;
  /** The values reported in counted reports (submitted or accepted), one a report, oldest first. */
  reported: IndicatorValue[];
}

export interface SubordinateLine {
  body: BodyRecord;
  standing: RankedPoints;
  /** Its own reports owed for the period, tallied. */
  reporting: ReportingTally;
}

/** Everything the dashboard shows for one body and one period, as numbers and records. */
export interface DashboardView {
  body: BodyRecord;
  /** The body above, when the viewer may open it. */
  parent: BodyRecord | undefined;
  period: {
    key: string;
    unit: PeriodUnit;
    /** The report periods inside it that have ended (what its figures add up). */
    span: string[];
    /** It has not ended: its figures cover the months that have. */
    inProgress: boolean;
    previous: string;
    next: string | undefined;
    lastYear: string;
    /** The latest month with reports to look at (the month just ended). */
    latestMonth: string;
  };
  total: RankedPoints & { unreviewed: Points };
  projects: (ProjectTree<Points> & { standing: RankedPoints })[];
  indicators: Map<string, IndicatorLine>;
  reporting: {
    /** The body and everything below it, over the period. */
    tally: ReportingTally;
    /** Reports of the body and those below it that were not received (missing or returned). */
    notReceived: ReportStatus[];
    /** Tallies of the same bodies, period by period of the unit, up to this one. */
    trend: { periodKey: string; tally: ReportingTally }[];
    /** The body's own reports of the period. */
    own: ReportStatus[];
  };
  subordinates: SubordinateLine[];
  /** The body's points by project in each report period of the year (the trend chart). */
  trend: BodyTrend;
}

export interface DashboardOptions {
  now: Date;
  zone: string;
  variants?: Variants;
  /** The book: each period is laid out and judged by the version in force for it. */
  methodology: MethodologyBook;
}

export type DashboardResult =
  | { ok: true; view: DashboardView }
  | { ok: false; reason: "notFound" | "forbidden" | "badPeriod" };

const REPORTING_TREND_YEARS = 3;

/**
 * The dashboard of a body over a period (a month, a quarter or a year) for a viewer, checked
 * against the viewer's scope. Every figure is a sum of stored scores, ranked as the leaderboard
 * ranks (rankBodies among bodies of the kind), so it equals what `npm run score` gives.
 */
export async function dashboardView(
  repos: Repositories,
  viewer: UserRecord | undefined,
  bodyId: number,
  periodKey: string,
  options: DashboardOptions,
): Promise<DashboardResult> {
  const { now, zone } = options;
  const body = await repos.directory.getBody(bodyId);
  if (!body) return { ok: false, reason: "notFound" };
  if (!(await mayViewBody(repos, viewer, bodyId))) return { ok: false, reason: "forbidden" };
  const unit = parsePeriod(periodKey)?.kind;
  const span = unit ? endedSpanOf(periodKey, now, zone) : [];
  if (!unit || span.length === 0) return { ok: false, reason: "badPeriod" };
  const previous = previousPeriod(periodKey);
  const previousSpan = endedSpanOf(previous, now, zone);
  const lastYearSpan = span.map((key) => shiftYears(key, -1));

  const version = options.methodology.forPeriod(periodKey);
  const projectIds = version.projects.map((p) => p.id);
  const ranked = await repos.directory.listBodies();
  const children = (await repos.directory.listSubordinates(body.id)).filter((c) => c.active);
  const compared = [body, ...children].map((b) => b.id);
  const standings = standingsFrom(ranked, await repos.scores.sumByBodyAndProject(span), projectIds);
  const before = pointsByBody(
    await repos.scores.sumByBodyAndProject(previousSpan, { bodyIds: compared }),
  );
  const yearAgo = pointsByBody(
    await repos.scores.sumByBodyAndProject(lastYearSpan, { bodyIds: compared }),
  );
  const rankedPoints = (b: BodyRecord, projectId?: string): RankedPoints => {
    const standing = standings.get(b.id);
    const pick = (sums: ReturnType<typeof pointsByBody>) =>
      projectId === undefined ? totalOf(sums.get(b.id)) : (sums.get(b.id)?.get(projectId) ?? 0);
    const own = projectId === undefined ? standing : standing?.projects.get(projectId);
    return {
      points: own?.points ?? 0,
      rank: own?.rank ?? 0,
      of: standing?.of ?? 0,
      previous: pick(before),
      lastYear: pick(yearAgo),
    };
  };

  const rows = (await repos.scores.listScores({ periodKeys: span, bodyId: body.id })).filter(
    (row) => row.applicable,
  );
  const reported = await reportedValues(repos, body.id, span);
  const indicators = new Map<string, IndicatorLine>();
  const tree = scoreTree(version, body.kind, {
    pointsOf: (def) => {
      const points = sumPoints(rows.filter((r) => r.indicatorId === def.id).map((r) => r.points));
      indicators.set(def.id, indicatorLine(def, points, span, reported, options.variants));
      return points;
    },
    add: sumPoints,
  });
  const total = rankedPoints(body);
  const unreviewed = (await repos.scores.sumUnreviewedByBody(span)).get(body.id) ?? 0;

  const reporting = await reportingOf(repos, body, children, periodKey, span, options);
  const trendMonth = [...monthsOf(String(parsePeriod(periodKey)!.year))]
    .filter((m) => periodEnd(m, zone).getTime() <= now.getTime())
    .at(-1);
  const parent =
    body.parentId !== null && (await mayViewBody(repos, viewer, body.parentId))
      ? await repos.directory.getBody(body.parentId)
      : undefined;
  return {
    ok: true,
    view: {
      body,
      parent,
      period: {
        key: periodKey,
        unit,
        span,
        inProgress: periodEnd(periodKey, zone).getTime() > now.getTime(),
        previous,
        next: viewableNext(periodKey, now, zone),
        lastYear: shiftYears(periodKey, -1),
        latestMonth: latestPeriod("month", now, zone),
      },
      total: { ...total, unreviewed },
      projects: tree.map((project) => ({ ...project, standing: rankedPoints(body, project.id) })),
      indicators,
      reporting: reporting.summary,
      subordinates: children.map((child) => ({
        body: child,
        standing: rankedPoints(child),
        reporting: reporting.byBody.get(child.id) ?? tallyAll([]),
      })),
      trend: trendMonth
        ? await bodyTrend(repos, body, trendMonth, {
            now,
            zone,
            rules: reporting.rules,
            methodology: options.methodology,
          })
        : { periods: [], series: [] },
    },
  };
}

/** Per indicator, the values of the counted reports among the period keys, oldest first. */
async function reportedValues(
  repos: Repositories,
  bodyId: number,
  span: readonly string[],
): Promise<Map<string, IndicatorValue[]>> {
  const values = new Map<string, IndicatorValue[]>();
  const order = new Map(span.map((key, i) => [key, i]));
  const reports = (await repos.submissions.listCurrentValues(bodyId, span))
    .filter(
      ({ submission }) => submission.status === "submitted" || submission.status === "accepted",
    )
    .sort(
      (a, b) => (order.get(a.submission.periodKey) ?? 0) - (order.get(b.submission.periodKey) ?? 0),
    );
  for (const report of reports) {
    for (const [id, value] of Object.entries(report.values)) {
      values.set(id, [...(values.get(id) ?? []), value as IndicatorValue]);
    }
  }
  return values;
}

function indicatorLine(
  def: IndicatorDef,
  points: Points,
  span: readonly string[],
  reported: ReadonlyMap<string, IndicatorValue[]>,
  variants: Variants | undefined,
): IndicatorLine {
  const unit = { monthly: "month", quarterly: "quarter", annual: "year" }[def.period];
  const reports = span.filter((key) => parsePeriod(key)?.kind === unit).length;
  const perReport = maxPerReport(def, variants);
  const line: IndicatorLine = { def, points, reports, reported: reported.get(def.id) ?? [] };
  if (perReport !== undefined && reports > 0) line.max = perReport * reports;
  return line;
}

/** The reporting of the body and everything below it over the period, and its trend. */
async function reportingOf(
  repos: Repositories,
  body: BodyRecord,
  children: readonly BodyRecord[],
  periodKey: string,
  span: readonly string[],
  options: DashboardOptions,
) {
  const rules = await loadDeadlineRules(repos);
  const reporting = {
    now: options.now,
    zone: options.zone,
    rules,
    methodology: options.methodology,
  };
  const subtree = [body, ...(await listDescendants(repos, body.id)).filter((b) => b.active)];
  const trendPeriods = reportingTrendPeriods(periodKey);
  const spans = new Map(
    trendPeriods.map((key) => [key, endedSpanOf(key, options.now, options.zone)]),
  );
  const allKeys = [...new Set([...span, ...[...spans.values()].flat()])];
  const statuses = await listReportStatuses(repos, subtree, allKeys, reporting);
  const inSpan = new Set(span);
  const current = statuses.filter((s) => inSpan.has(s.periodKey));
  const trend = trendPeriods
    .map((key) => {
      const keys = new Set(spans.get(key));
      return { periodKey: key, tally: tallyAll(statuses.filter((s) => keys.has(s.periodKey))) };
    })
    .filter((point) => point.tally.expected > 0);
  const childIds = new Set(children.map((c) => c.id));
  return {
    rules,
    summary: {
      tally: tallyAll(current),
      notReceived: current.filter((s) => s.state === "missing" || s.state === "returned"),
      trend,
      own: current.filter((s) => s.body.id === body.id),
    },
    byBody: tallyByBody(current.filter((s) => childIds.has(s.body.id))),
  };
}

/**
 * The periods of the reporting trend: the months of the month's year up to it, the quarters of
 * the quarter's year up to it, or the last few years up to the year.
 */
function reportingTrendPeriods(periodKey: string): string[] {
  const period = parsePeriod(periodKey)!;
  if (period.kind === "year") {
    return Array.from({ length: REPORTING_TREND_YEARS }, (_, i) =>
      String(period.year - REPORTING_TREND_YEARS + 1 + i),
    );
  }
  const year = String(period.year);
  const keys = period.kind === "month" ? monthsOf(year) : [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return keys.filter((key) => key <= periodKey);
}
