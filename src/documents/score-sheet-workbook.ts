import { type Lang, translator } from "../i18n.ts";
import {
  addTableSheet,
  createWorkbook,
  DocumentDataError,
  type DocumentTable,
  type TableColumn,
  tableToCsv,
  workbookToBuffer,
} from "./table.ts";

/** One indicator on a body's score sheet; `points` and `max` in integer hundredths. */
export type ScoreSheetRow = {
  indicatorId: string;
  project: string | number;
  task: string | number;
  title: string;
  points: number;
  max?: number;
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
  const workbook = createWorkbook(input.created);
  addTableSheet(workbook, scoreSheetTable(input));
  return workbookToBuffer(workbook);
}

/** The score sheet as CSV: header, one row an indicator, the total. */
export function buildScoreSheetCsv(input: ScoreSheetInput): Buffer {
  return tableToCsv(scoreSheetTable(input));
}

function scoreSheetTable(input: ScoreSheetInput): DocumentTable {
  const t = translator(input.lang);
  const column = (key: string, width: number, kind: TableColumn["kind"] = "text") => ({
    header: t(`documents:columns.${key}`),
    width,
    kind,
  });
  for (const row of [...input.rows.flatMap((r) => [r.points, r.max ?? 0]), input.total]) {
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
      column("indicator", 14),
      column("project", 10),
      column("task", 10),
      column("title", 60),
      column("points", 10, "points"),
      column("max", 14, "points"),
      column("applicable", 18),
    ],
    rows: input.rows.map((row) => [
      row.indicatorId,
      String(row.project),
      String(row.task),
      row.title,
      row.points,
      row.max ?? null,
      t(row.applicable ? "documents:applicable" : "documents:notApplicable"),
    ]),
    totalRow: [null, null, null, t("documents:total"), input.total, null, null],
    mutedRows: muted,
  };
}
