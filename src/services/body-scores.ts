import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { ScoreRecord } from "../db/repositories/scores.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type {
  BodyKind,
  IndicatorDef,
  LocalizedText,
  MethodologyVersion,
  PeriodKind,
} from "../domain/methodology/types.ts";
import {
  monthsOf,
  parsePeriod,
  periodContaining,
  previousPeriod,
  quarterOf,
  yearOf,
} from "../domain/periods.ts";
import { type Points, sumPoints } from "../domain/points.ts";
import { appliesToBody, maxPerEntry } from "../domain/scoring/score-indicator.ts";
import type { Variants } from "../domain/variants.ts";
import { periodKeysOfYear } from "./report-scores.ts";

/** Points of one thing over the three spans /score shows. */
export interface SpanPoints {
  month: Points;
  quarter: Points;
  year: Points;
}

export interface IndicatorScoreView {
  id: string;
  /** The methodology's numbering (1.3.2). */
  number: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  /** This rulebook's own readings of the indicator, shown as such. */
  rulebookReadings: readonly LocalizedText[];
  period: PeriodKind;
  points: SpanPoints;
  /** The most one report (one month, quarter or year) can score; absent when unbounded. */
  maxPerReport?: Points;
}

export interface TaskScoreView {
  id: string;
  number: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  points: SpanPoints;
  indicators: IndicatorScoreView[];
}

export interface ProjectScoreView {
  id: string;
  number: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  points: SpanPoints;
  tasks: TaskScoreView[];
}

export interface BodyScoreSummary {
  body: BodyRecord;
  /** The id of the version whose projects, tasks and maxima are shown (the month's). */
  methodologyVersion: string;
  /** The spans: a month key, its quarter's key and its year's key. */
  month: string;
  quarter: string;
  year: string;
  total: SpanPoints;
  projects: ProjectScoreView[];
}

/**
 * The month whose report is being gathered now: the month just ended. /score and /leaderboard
 * open on it because the current month has no reports until it ends.
 */
export function reportingMonth(now: Date, zone: string): string {
  return previousPeriod(periodContaining("month", now, zone));
}

/** The period keys whose stored scores make up a period: a month; a quarter's months and itself; a year's all. */
export function periodKeysWithin(periodKey: string): string[] {
  const period = parsePeriod(periodKey);
  if (!period) throw new RangeError(`Not a period key: ${periodKey}`);
  if (period.kind === "month") return [periodKey];
  if (period.kind === "quarter") return [...monthsOf(periodKey), periodKey];
  return periodKeysOfYear(period.year);
}

/** The most one report can score on an indicator (one month's, quarter's or year's entry), if bounded. */
export function maxPerReport(def: IndicatorDef, variants: Variants = {}): Points | undefined {
  return maxPerEntry(def, variants);
}

/** How many reports of an indicator's period a period holds: a year has 12 months, 4 quarters, 1 year. */
export function reportsWithin(def: IndicatorDef, periodKey: string): number {
  const period = parsePeriod(periodKey);
  if (!period) throw new RangeError(`Not a period key: ${periodKey}`);
  const months = monthsOf(periodKey).length;
  if (def.period === "monthly") return months;
  if (def.period === "quarterly") return period.kind === "month" ? 0 : months / 3;
  return period.kind === "year" ? 1 : 0;
}

/** Sums applicable stored points per indicator over some period keys. */
export function sumByIndicator(
  rows: readonly ScoreRecord[],
  periodKeys: readonly string[],
): Map<string, Points> {
  const keys = new Set(periodKeys);
  const sums = new Map<string, Points>();
  for (const row of rows) {
    if (!row.applicable || !keys.has(row.periodKey)) continue;
    sums.set(row.indicatorId, sumPoints([sums.get(row.indicatorId) ?? 0, row.points]));
  }
  return sums;
}

/**
 * A body's points for a month, that month's quarter and its year up to date, project by project,
 * task by task and indicator by indicator (only the indicators that apply to the body's kind),
 * laid out by the version in force for the month.
 */
export async function summarizeBodyScores(
  repos: Repositories,
  methodology: MethodologyBook,
  bodyId: number,
  month: string,
  options: { variants?: Variants } = {},
): Promise<BodyScoreSummary | undefined> {
  const body = await repos.directory.getBody(bodyId);
  if (!body) return undefined;
  const quarter = quarterOf(month);
  const year = String(yearOf(month));
  const rows = await repos.scores.listScores({
    periodKeys: periodKeysOfYear(yearOf(month)),
    bodyId,
  });
  const spans = {
    month: sumByIndicator(rows, [month]),
    quarter: sumByIndicator(rows, periodKeysWithin(quarter)),
    year: sumByIndicator(rows, periodKeysWithin(year)),
  };
  const pointsOf = (id: string): SpanPoints => ({
    month: spans.month.get(id) ?? 0,
    quarter: spans.quarter.get(id) ?? 0,
    year: spans.year.get(id) ?? 0,
  });
  const version = methodology.forPeriod(month);
  const projects = scoreTree(version, body.kind, {
    pointsOf: (def) => pointsOf(def.id),
    add: addSpanList,
    maxOf: (def) => maxPerReport(def, options.variants),
  });
  return {
    body,
    methodologyVersion: version.id,
    month,
    quarter,
    year,
    total: addSpans(projects),
    projects,
  };
}

function addSpans(items: readonly { points: SpanPoints }[]): SpanPoints {
  return addSpanList(items.map((i) => i.points));
}

function addSpanList(spans: readonly SpanPoints[]): SpanPoints {
  return {
    month: sumPoints(spans.map((s) => s.month)),
    quarter: sumPoints(spans.map((s) => s.quarter)),
    year: sumPoints(spans.map((s) => s.year)),
  };
}

/** One indicator of a score tree: its definition's words and its points P. */
export interface IndicatorTree<P> extends Omit<IndicatorScoreView, "points"> {
  def: IndicatorDef;
  points: P;
}

/** A project of a version with its tasks and the indicators that apply, each with points P. */
export interface ProjectTree<P> extends Omit<ProjectScoreView, "points" | "tasks"> {
  points: P;
  tasks: (Omit<TaskScoreView, "points" | "indicators"> & {
    points: P;
    indicators: IndicatorTree<P>[];
  })[];
}

/**
 * A version's projects → tasks → indicators that apply to a body kind (tasks with none are left
 * out), each indicator's points from `pointsOf`, tasks and projects adding theirs up with `add`.
 */
export function scoreTree<P>(
  version: MethodologyVersion,
  bodyKind: BodyKind,
  how: {
    pointsOf: (def: IndicatorDef) => P;
    add: (items: readonly P[]) => P;
    maxOf?: (def: IndicatorDef) => Points | undefined;
  },
): ProjectTree<P>[] {
  return version.projects.map((project) => {
    const tasks = project.tasks
      .map((task) => {
        const indicators = task.indicators
          .filter((def) => appliesToBody(def, { bodyKind }))
          .map((def): IndicatorTree<P> => {
            const max = how.maxOf?.(def);
            return {
              def,
              id: def.id,
              number: def.number,
              title: def.title,
              shortTitle: def.shortTitle,
              rulebookReadings: def.rulebookReadings,
              period: def.period,
              points: how.pointsOf(def),
              ...(max === undefined ? {} : { maxPerReport: max }),
            };
          });
        return {
          id: task.id,
          number: task.number,
          title: task.title,
          shortTitle: task.shortTitle,
          points: how.add(indicators.map((i) => i.points)),
          indicators,
        };
      })
      .filter((task) => task.indicators.length > 0);
    return {
      id: project.id,
      number: project.number,
      title: project.title,
      shortTitle: project.shortTitle,
      points: how.add(tasks.map((t) => t.points)),
      tasks,
    };
  });
}
