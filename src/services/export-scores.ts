import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { ScoreRecord } from "../db/repositories/scores.ts";
import type { SubmissionRecord } from "../db/repositories/submission-types.ts";
import {
  buildScoreSheetCsv,
  buildScoreSheetWorkbook,
  type ScoreSheetRow,
} from "../documents/score-sheet-workbook.ts";
import { formatPeriodLabel, formatYearToDate } from "../domain/calendar/format.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { locateIndicator } from "../domain/methodology/lookup.ts";
import type { IndicatorDef } from "../domain/methodology/types.ts";
import { parsePeriod, yearOf } from "../domain/periods.ts";
import { sumPoints } from "../domain/points.ts";
import { appliesToBody } from "../domain/scoring/score-indicator.ts";
import type { Variants } from "../domain/variants.ts";
import type { Lang } from "../i18n.ts";
import { maxPerReport, periodKeysWithin, reportsWithin } from "./body-scores.ts";
import type { ExportFile, ExportFormat } from "./export-types.ts";
import { bodyName } from "./period-labels.ts";
import { periodKeysOfYear } from "./report-scores.ts";
import { endedBy } from "./standings.ts";

/** What a score sheet sums: a month, quarter or year, or a year up to the end of a month (the digest's). */
export type SheetSpan = { periodKey: string } | { yearThrough: string };

interface SpanParts {
  /** The stored period keys it sums. */
  keys: string[];
  /** How many reports of an indicator's period it holds. */
  reports: (def: IndicatorDef) => number;
  /** The period whose methodology version names its indicators. */
  versionPeriod: string;
}

function partsOf(span: SheetSpan): SpanParts {
  if ("periodKey" in span) {
    return {
      keys: periodKeysWithin(span.periodKey),
      reports: (def) => reportsWithin(def, span.periodKey),
      versionPeriod: span.periodKey,
    };
  }
  const month = parsePeriod(span.yearThrough);
  if (month?.kind !== "month") throw new RangeError(`Not a month: ${span.yearThrough}`);
  const year = yearOf(span.yearThrough);
  const ended = { monthly: month.month, quarterly: Math.floor(month.month / 3), annual: 0 };
  if (month.month === 12) ended.annual = 1;
  return {
    keys: periodKeysOfYear(year).filter((key) => endedBy(key, span.yearThrough)),
    reports: (def) => ended[def.period],
    versionPeriod: String(year),
  };
}

/** A span as people read it: "октябрь 2026", "январь–октябрь 2026". */
export function spanLabel(span: SheetSpan, lang: Lang): string {
  return "periodKey" in span
    ? formatPeriodLabel(span.periodKey, lang)
    : formatYearToDate(span.yearThrough, lang);
}

/**
 * One body's score sheet over a span: every indicator the span holds reports of, numbered as the
 * methodology numbers it, with its points, the most it could score, and the part of its points
 * still waiting for review. The total is the scoring engine's stored points.
 */
export async function scoreSheetRows(
  repos: Repositories,
  methodology: MethodologyBook,
  bodyId: number,
  span: SheetSpan,
  options: { lang: Lang; variants?: Variants },
  /**
   * What the sheet reads, when a job read it for many bodies at once: the body, its stored
   * scores and submissions of the span's periods (more periods or bodies do no harm).
   */
  read: {
    body?: BodyRecord;
    scores?: readonly ScoreRecord[];
    submissions?: readonly SubmissionRecord[];
  } = {},
): Promise<{ rows: ScoreSheetRow[]; total: number } | undefined> {
  const parts = partsOf(span);
  const version = methodology.forPeriod(parts.versionPeriod);
  const body = read.body ?? (await repos.directory.getBody(bodyId));
  if (!body) return undefined;
  const keys = new Set(parts.keys);
  const stored = (
    read.scores ?? (await repos.scores.listScores({ periodKeys: [...keys], bodyId }))
  ).filter((row) => row.bodyId === bodyId && keys.has(row.periodKey));
  const waiting = new Set(
    (
      read.submissions ??
      (await repos.submissions.listByPeriodKeys([...keys], { bodyIds: [bodyId] }))
    )
      .filter((s) => s.bodyId === bodyId && keys.has(s.periodKey) && s.status === "submitted")
      .map((s) => s.periodKey),
  );
  const rows: ScoreSheetRow[] = [];
  for (const def of version.indicators) {
    const reports = parts.reports(def);
    if (reports === 0) continue;
    const own = stored.filter((row) => row.indicatorId === def.id);
    const applies = appliesToBody(def, { bodyKind: body.kind });
    // A share over an empty list does not apply in the periods it was reported for.
    const applicable = applies && (own.length === 0 || own.some((row) => row.applicable));
    const counted = own.filter((r) => r.applicable);
    const max = maxPerReport(def, options.variants);
    const unreviewed = sumPoints(
      counted.filter((r) => waiting.has(r.periodKey)).map((r) => r.points),
    );
    const place = locateIndicator(version, def.id);
    rows.push({
      indicatorId: def.id,
      number: def.number,
      project: place?.project.number ?? "",
      task: place?.task.number ?? "",
      title: def.title[options.lang],
      points: applicable ? sumPoints(counted.map((r) => r.points)) : 0,
      ...(applicable && max !== undefined ? { max: max * reports } : {}),
      ...(applicable && unreviewed !== 0 ? { unreviewed } : {}),
      applicable,
    });
  }
  const total = sumPoints(rows.filter((r) => r.applicable).map((r) => r.points));
  return { rows, total };
}

/** A body's score sheet as a document; undefined when there is no such body. */
export async function exportScoreSheet(
  repos: Repositories,
  methodology: MethodologyBook,
  options: {
    bodyId: number;
    span: SheetSpan;
    format: ExportFormat;
    lang: Lang;
    variants?: Variants;
    created?: Date;
  },
): Promise<ExportFile[] | undefined> {
  const body = await repos.directory.getBody(options.bodyId);
  const sheet = await scoreSheetRows(repos, methodology, options.bodyId, options.span, options);
  if (!body || !sheet) return undefined;
  const input = {
    lang: options.lang,
    bodyName: bodyName(body, options.lang),
    periodLabel: spanLabel(options.span, options.lang),
    rows: sheet.rows,
    total: sheet.total,
    created: options.created,
  };
  const key = "periodKey" in options.span ? options.span.periodKey : options.span.yearThrough;
  const fileName = `score-sheet-${body.code}-${key}.${options.format}`;
  const data =
    options.format === "xlsx" ? await buildScoreSheetWorkbook(input) : buildScoreSheetCsv(input);
  return [{ fileName, data }];
}
