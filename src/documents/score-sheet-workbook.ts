import { type Lang, translator } from "../i18n.ts";
import {
  columnsIn,
  DocumentDataError,
  type DocumentTable,
  tablesToWorkbook,
  tableToCsv,
} from "./table.ts";

/** One indicator on a body's score sheet; `points` and `max` in integer hundredths. */
export type ScoreSheetRow = {
  /** The id of SCORING.md: kept in the CSV's machine column only, never shown on the sheet. */
  indicatorId: string;
  /** The methodology's numbering people read: "1.1.3". */
  number: string;
  /** "1" and "1.3", as the methodology writes them. */
  project: string | number;
  task: string | number;
  title: string;
  points: number;
  max?: number;
  /** The part of `points` from reports still waiting for review. */
  unreviewed?: number;
  applicable: boolean;
};

export type ScoreSheetInput = {
  lang: Lang;
  bodyName: string;
  periodLabel: string;
  rows: ScoreSheetRow[];
  /** The body's total in integer hundredths, as the scoring engine computed it. */
  total: number;
  created?: Date;
};

/** The .xlsx of a body's score sheet: every indicator with its points, then the total. */
export async function buildScoreSheetWorkbook(input: ScoreSheetInput): Promise<Buffer> {
  return tablesToWorkbook([scoreSheetTable(input)], input.created);
}

/** The score sheet as CSV: header, one row an indicator, the total; a first machine column keeps the ids. */
export function buildScoreSheetCsv(input: ScoreSheetInput): Buffer {
  const table = scoreSheetTable(input);
  return tableToCsv({
    ...table,
    columns: [{ header: "indicator_id", width: 14, kind: "text" }, ...table.columns],
    rows: table.rows.map((cells, i) => [input.rows[i]?.indicatorId ?? null, ...cells]),
    ...(table.totalRow ? { totalRow: [null, ...table.totalRow] } : {}),
  });
}

function scoreSheetTable(input: ScoreSheetInput): DocumentTable {
  const t = translator(input.lang);
  const column = columnsIn(input.lang);
  const numbers = input.rows.flatMap((r) => [r.points, r.max ?? 0, r.unreviewed ?? 0]);
  for (const row of [...numbers, input.total]) {
    if (!Number.isSafeInteger(row)) {
      throw new DocumentDataError(`Points must be integer hundredths, got ${row}`);
    }
  }
  const muted = new Set<number>();
  input.rows.forEach((row, i) => {
    if (!row.applicable) muted.add(i);
  });
  return {
    sheetName: t("documents:sheets.scoreSheet"),
    title: t("documents:titles.scoreSheet", {
      bodyName: input.bodyName,
      period: input.periodLabel,
    }),
    columns: [
      column("indicatorNumber", 12),
      column("project", 10),
      column("task", 10),
      column("title", 60),
      column("points", 10, "points"),
      column("max", 14, "points"),
      column("unreviewedPoints", 16, "points"),
      column("applicable", 18),
    ],
    rows: input.rows.map((row) => [
      row.number,
      String(row.project),
      String(row.task),
      row.title,
      row.points,
      row.max ?? null,
      // Blank rather than 0: the column flags points still waiting for review.
      row.unreviewed ? row.unreviewed : null,
      t(row.applicable ? "documents:applicable" : "documents:notApplicable"),
    ]),
    totalRow: [
      null,
      null,
      null,
      t("documents:total"),
      input.total,
      totalMax(input.rows),
      totalUnreviewed(input.rows),
      null,
    ],
    mutedRows: muted,
  };
}

/** The sheet's greatest possible total, when every applicable indicator has a maximum. */
function totalMax(rows: readonly ScoreSheetRow[]): number | null {
  const applicable = rows.filter((r) => r.applicable);
  if (applicable.some((r) => r.max === undefined)) return null;
  return applicable.reduce((sum, r) => sum + (r.max ?? 0), 0);
}

function totalUnreviewed(rows: readonly ScoreSheetRow[]): number | null {
  const sum = rows.reduce((total, r) => total + (r.applicable ? (r.unreviewed ?? 0) : 0), 0);
  return sum === 0 ? null : sum;
}
