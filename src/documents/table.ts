import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import { calendarDateOf } from "../domain/calendar/zone.ts";
import { type AnyLang, translator } from "../i18n.ts";
import type { KeysUnder } from "../i18n-keys.ts";
import { defuseFormulas, toCsv } from "./csv.ts";
import { loadExcel } from "./exceljs.ts";
import { formatHundredths, hundredthsToNumber } from "./labels.ts";

/**
 * How a column's values are kept and shown. `points` cells hold integer hundredths in the table
 * and become numbers in a workbook (84.5) and exact decimals in a CSV ("84.5").
 */
export type ColumnKind = "text" | "integer" | "signedInteger" | "points" | "date";

export type TableColumn = { header: string; width: number; kind: ColumnKind };
export type TableCell = string | number | Date | null;

/** One sheet's worth of data, rendered both as a workbook sheet and as a CSV. */
export type DocumentTable = {
  sheetName: string;
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** A last row set in bold (a total), when there is one. */
  totalRow?: TableCell[];
  /** Rows (indexes into `rows`) shown in grey italics, such as indicators that do not apply. */
  mutedRows?: ReadonlySet<number>;
};

/** Thrown for document input that cannot be written (a caller's bug, not a user's mistake). */
export class DocumentDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocumentDataError";
  }
}

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  integer: "0",
  signedInteger: "+0;-0;0",
  // Excel shows the user's decimal separator, so Kazakh and Russian readers see a comma.
  points: "0.00",
  date: "dd.mm.yyyy",
};

/** A sheet's title, header and columns: a table whose rows are added one at a time. */
export type TableHead = Pick<DocumentTable, "sheetName" | "title" | "columns">;

/** One sheet of a workbook being written: each row is serialised as it is added. */
export interface SheetRows {
  add(cells: readonly TableCell[], look?: "muted"): void;
}

/**
 * The tables as an .xlsx, one sheet each: a title in row 1, a bold frozen header in row 2, then
 * the rows. Written through ExcelJS's streaming writer, each row serialised as it is added, so a
 * year of a country's events never sits in memory as a whole workbook. `created` is fixed by the
 * caller so documents are reproducible.
 */
export async function tablesToWorkbook(
  tables: readonly DocumentTable[],
  created = new Date(0),
): Promise<Buffer> {
  const book = await openWorkbook(created);
  for (const table of tables) {
    const sheet = openSheet(book.workbook, table);
    table.rows.forEach((cells, index) => {
      sheet.add(cells, table.mutedRows?.has(index) ? "muted" : undefined);
    });
    if (table.totalRow) sheet.total(table.totalRow);
    sheet.commit();
  }
  return book.finish();
}

/**
 * An .xlsx of sheets laid out like tablesToWorkbook's, whose rows `fill` adds as it reads them, to
 * any of the sheets in any order: a document of a country's year is written while it is read, and
 * no more of it is held than what `fill` holds (the rows of a sheet after the first wait as
 * written bytes until the sheets before it are done).
 */
export async function streamToWorkbook(
  heads: readonly TableHead[],
  fill: (sheets: SheetRows[]) => Promise<void>,
  created = new Date(0),
): Promise<Buffer> {
  const book = await openWorkbook(created);
  const sheets = heads.map((head) => openSheet(book.workbook, head));
  await fill(sheets);
  for (const sheet of sheets) sheet.commit();
  return book.finish();
}

async function openWorkbook(created: Date) {
  const { stream: excelStream } = await loadExcel();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new excelStream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = "Adaldyq";
  workbook.created = created;
  workbook.modified = created;
  return {
    workbook,
    async finish(): Promise<Buffer> {
      await workbook.commit();
      return Buffer.concat(chunks);
    },
  };
}

const ROW_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };
const MUTED_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: "FF7B8794" } };

function openSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: TableHead) {
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: "frozen", ySplit: 2, xSplit: 0 }],
    // Printed for a meeting: A4 landscape, every column on the page, title and header on each.
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:2",
    },
  });
  sheet.columns = table.columns.map((column) => ({
    width: column.width,
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: table.columns.length } };
  const titleRow = sheet.addRow([table.title]);
  titleRow.font = { bold: true, size: 13 };
  titleRow.commit();
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE4E7EB" } };
    cell.border = { bottom: { style: "thin" } };
  });
  header.commit();
  const looks = { plain: rowLook(table.columns), muted: rowLook(table.columns, MUTED_FONT) };
  return {
    add(cells: readonly TableCell[], look?: "muted"): void {
      const values = toSheetCells(table.columns, cells);
      const row = sheet.addRow(values);
      const { font, cellStyle } = look === "muted" ? looks.muted : looks.plain;
      row.alignment = ROW_ALIGNMENT;
      if (font) row.font = font;
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.style = cellStyle(column - 1, values[column - 1]);
      });
      row.commit();
    },
    total(cells: readonly TableCell[]): void {
      const total = sheet.addRow(toSheetCells(table.columns, cells));
      total.font = { bold: true };
      total.eachCell((cell) => {
        cell.border = { top: { style: "thin" } };
      });
      total.commit();
    },
    commit: () => sheet.commit(),
  };
}

/**
 * The cell styles of a body row: one object per column shared by every row, where the row's
 * alignment (and font) alone would give each cell a copy that ExcelJS serialises again to find
 * its style id. A column without a number format keeps a fresh copy for a number or a date, whose
 * default format ExcelJS picks by the cell's type (its cache of styles knows only the object).
 */
function rowLook(columns: readonly TableColumn[], font?: Partial<ExcelJS.Font>) {
  const extra = font ? { font } : {};
  const shared = columns.map((column): Partial<ExcelJS.Style> => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return { ...(numFmt ? { numFmt } : {}), alignment: ROW_ALIGNMENT, ...extra };
  });
  return {
    font,
    cellStyle(index: number, value: ExcelJS.CellValue): Partial<ExcelJS.Style> {
      const style = shared[index] ?? {};
      const typed = typeof value === "number" || value instanceof Date;
      return typed && style.numFmt === undefined ? { ...style } : style;
    },
  };
}

function toSheetCells(
  columns: readonly TableColumn[],
  cells: readonly TableCell[],
): ExcelJS.CellValue[] {
  return columns.map((column, i) => {
    const cell = cells[i] ?? null;
    if (column.kind === "points" && typeof cell === "number") return hundredthsToNumber(cell);
    return cell;
  });
}

/** The table's header, rows and total as CSV (no title: a CSV is read by programs). */
export function tableToCsv(table: DocumentTable, options: { delimiter?: "," | ";" } = {}): Buffer {
  const header = table.columns.map((column) => column.header);
  const rows = [...table.rows, ...(table.totalRow ? [table.totalRow] : [])].map((cells) =>
    table.columns.map((column, i) => toCsvField(column.kind, cells[i] ?? null)),
  );
  return toCsv([header, ...rows], options);
}

function toCsvField(kind: ColumnKind, cell: TableCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return calendarDateOf(cell);
  if (typeof cell === "number") {
    if (kind === "points") return formatHundredths(cell, ".");
    return kind === "signedInteger" && cell > 0 ? `+${cell}` : String(cell);
  }
  // A text starting like a formula would run as one when a spreadsheet opens the CSV.
  return defuseFormulas(cell);
}

/**
 * The column maker of one language: `column("body", 30)` is the «Орган» / «Орган» column of the
 * documents namespace, 30 characters wide.
 */
export function columnsIn(lang: AnyLang) {
  const t = translator(lang);
  return (
    key: KeysUnder<"documents", "columns.">,
    width: number,
    kind: TableColumn["kind"] = "text",
  ): TableColumn => ({ header: t(`documents:columns.${key}`), width, kind });
}
