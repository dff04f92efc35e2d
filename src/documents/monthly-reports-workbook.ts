import { formatMonth } from "../domain/calendar/format.ts";
import { calendarDateOf, dateColumnOf } from "../domain/calendar/zone.ts";
import { type Lang, translator } from "../i18n.ts";
import {
  columnsIn,
  DocumentDataError,
  streamToWorkbook,
  type TableCell,
  type TableHead,
  tableToCsv,
} from "./table.ts";

/** Appendix 5 holds the ethics commissioner's explanatory events and preventive work; 6, propaganda. */
export type MonthlyReportSection = "explanatory" | "preventive" | "propaganda";

/** One event of a monthly report, as plain data. */
export type MonthlyReportRow = {
  bodyName: string;
  /** Month period key, "2026-03". */
  month: string;
  section: MonthlyReportSection;
  /** The day it was held: "2026-03-14" or a Date (its UTC day is used); none for a row of the whole month. */
  date?: string | Date;
  topic?: string;
  participants?: number;
  /** For preventive work: the position of the official worked with. */
  position?: string;
  audience?: string;
  published?: boolean;
  links: string[];
  views?: number;
  /** Evidence files or their descriptions. */
  evidence: string[];
  /** What a reader must know about the row ("links and views of the whole report"). */
  note?: string;
};

export type MonthlyReportsInput = {
  lang: Lang;
  /** In the order the sheets list them; read once, and as they come when asynchronous. */
  rows: Iterable<MonthlyReportRow> | AsyncIterable<MonthlyReportRow>;
  created?: Date;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The .xlsx of monthly reports: one sheet for Appendix 5 and one for Appendix 6, a row an event,
 * each row written as it comes (a country's year of events is never held whole).
 */
export async function buildMonthlyReportsWorkbook(input: MonthlyReportsInput): Promise<Buffer> {
  const { heads, cellsOf } = monthlyReportSheets(input.lang);
  return streamToWorkbook(
    heads,
    async ([appendix5, appendix6]) => {
      const numbers = { appendix5: 0, appendix6: 0 };
      for await (const row of input.rows) {
        const sheet = appendixOf(row);
        numbers[sheet] += 1;
        (sheet === "appendix5" ? appendix5 : appendix6)?.add(cellsOf(row, numbers[sheet]));
      }
    },
    input.created,
  );
}

/** The same two tables as CSV files, Appendix 5 and Appendix 6. */
export async function buildMonthlyReportsCsv(input: MonthlyReportsInput): Promise<{
  appendix5: Buffer;
  appendix6: Buffer;
}> {
  const { heads, cellsOf } = monthlyReportSheets(input.lang);
  const rows: Record<Appendix, TableCell[][]> = { appendix5: [], appendix6: [] };
  for await (const row of input.rows) {
    const sheet = rows[appendixOf(row)];
    sheet.push(cellsOf(row, sheet.length + 1));
  }
  const [head5, head6] = heads;
  return {
    appendix5: tableToCsv({ ...head5, rows: rows.appendix5 }),
    appendix6: tableToCsv({ ...head6, rows: rows.appendix6 }),
  };
}

type Appendix = "appendix5" | "appendix6";

const appendixOf = (row: MonthlyReportRow): Appendix =>
  row.section === "propaganda" ? "appendix6" : "appendix5";

/** The two sheets' heads, and the cells of a row numbered within its sheet. */
function monthlyReportSheets(lang: Lang): {
  heads: [TableHead, TableHead];
  cellsOf: (row: MonthlyReportRow, number: number) => TableCell[];
} {
  const t = translator(lang);
  const column = columnsIn(lang);
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? null : t(value ? "documents:yes" : "documents:no");
  const lines = (values: string[]) => (values.length > 0 ? values.join("\n") : null);
  const heads: [TableHead, TableHead] = [
    {
      sheetName: t("documents:sheets.appendix5"),
      title: t("documents:titles.appendix5"),
      columns: [
        column("number", 6, "integer"),
        column("body", 32),
        column("month", 16),
        column("section", 28),
        column("date", 12, "date"),
        column("topic", 48),
        column("participants", 14, "integer"),
        column("position", 30),
        column("evidence", 40),
      ],
    },
    {
      sheetName: t("documents:sheets.appendix6"),
      title: t("documents:titles.appendix6"),
      columns: [
        column("number", 6, "integer"),
        column("body", 32),
        column("month", 16),
        column("date", 12, "date"),
        column("topic", 48),
        column("audience", 28),
        column("participants", 14, "integer"),
        column("published", 18),
        column("links", 44),
        column("views", 12, "integer"),
        column("evidence", 40),
        column("note", 30),
      ],
    },
  ];
  const cellsOf = (row: MonthlyReportRow, number: number): TableCell[] =>
    row.section !== "propaganda"
      ? [
          number,
          row.bodyName,
          formatMonth(row.month, lang),
          t(`documents:sections.${row.section}`),
          row.date === undefined ? null : toDay(row.date),
          row.topic ?? null,
          row.participants ?? null,
          row.position ?? null,
          lines(row.evidence),
        ]
      : [
          number,
          row.bodyName,
          formatMonth(row.month, lang),
          row.date === undefined ? null : toDay(row.date),
          row.topic ?? null,
          row.audience ?? null,
          row.participants ?? null,
          yesNo(row.published),
          lines(row.links),
          row.views ?? null,
          lines(row.evidence),
          row.note ?? null,
        ];
  return { heads, cellsOf };
}

/** A day as a Date at UTC midnight: what a spreadsheet stores as a date without a time. */
function toDay(date: string | Date): Date {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new DocumentDataError("Invalid event date");
    return dateColumnOf(calendarDateOf(date));
  }
  const day = new Date(`${date}T00:00:00Z`);
  if (!ISO_DAY.test(date) || Number.isNaN(day.getTime()) || calendarDateOf(day) !== date) {
    throw new DocumentDataError(`Event date is not a day (YYYY-MM-DD): "${date}"`);
  }
  return day;
}
