import type ExcelJS from "exceljs";
import { loadExcel } from "./exceljs.ts";
import { checkZipBudget } from "./zip-budget.ts";

/** A cell as plain data: what a reader of the sheet sees, formulas replaced by their results. */
export type WorkbookCell = string | number | boolean | Date | null;

/** One sheet's rows, top to bottom, each as wide as the sheet's used columns. */
export type WorkbookSheetRows = { name: string; rows: WorkbookCell[][] };

/** How much of a workbook a reader takes before refusing it. */
export interface WorkbookLimits {
  /** All entries of the .xlsx unpacked (the sheet's XML above all). */
  maxUnpackedBytes: number;
  /** The last row that may hold a value (the header counts). */
  maxRows: number;
  /** The last column that may hold a value (A = 1). */
  maxColumns: number;
}

export type FirstSheetResult =
  | { ok: true; rows: WorkbookCell[][] }
  | { ok: false; reason: "unpacksTooLarge" | "unreadable" }
  | { ok: false; reason: "tooManyRows"; lastRow: number }
  | { ok: false; reason: "tooManyColumns"; column: string };

/**
 * The first sheet's cells, bounded: the file must unpack within the limit, and no value may sit
 * beyond the last row or column allowed. Only cells that exist are visited, so a sheet that claims
 * A1:XFD1048576 costs what it holds, not 17 billion empty cells.
 */
export async function readFirstSheet(
  data: Uint8Array,
  limits: WorkbookLimits,
): Promise<FirstSheetResult> {
  const budget = checkZipBudget(data, { maxBytes: limits.maxUnpackedBytes, maxEntries: 1000 });
  if (!budget.ok) {
    return {
      ok: false,
      reason: budget.reason === "unpacksTooLarge" ? budget.reason : "unreadable",
    };
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs declares its own Buffer as an ArrayBuffer, and JSZip under it reads one.
    await workbook.xlsx.load(Uint8Array.from(data).buffer);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, rows: [] };
  return collectCells(sheet, limits);
}

function collectCells(sheet: ExcelJS.Worksheet, limits: WorkbookLimits): FirstSheetResult {
  const rows: WorkbookCell[][] = [];
  let lastRow = 0;
  let beyond: FirstSheetResult | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (beyond) return;
    const cells: WorkbookCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = plainValue(cell.value);
      if (value === null || value === "") return;
      if (column > limits.maxColumns) {
        beyond ??= { ok: false, reason: "tooManyColumns", column: columnLetter(column) };
        return;
      }
      cells[column - 1] = value;
    });
    if (cells.length === 0) return;
    if (rowNumber > limits.maxRows) {
      beyond ??= { ok: false, reason: "tooManyRows", lastRow: lastRowWithValues(sheet) };
      return;
    }
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
    lastRow = rowNumber;
  });
  if (beyond) return beyond;
  return { ok: true, rows: Array.from({ length: lastRow }, (_, i) => rows[i] ?? []) };
}

function lastRowWithValues(sheet: ExcelJS.Worksheet): number {
  let last = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hasValues) last = rowNumber;
  });
  return last;
}

/** 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Reopens an .xlsx with exceljs and returns every sheet's cell values in order (for the files the
 * bot itself wrote; a file from outside goes through readFirstSheet). Only cells that exist are
 * visited; each row is as wide as the widest row of its sheet.
 */
export async function readWorkbookRows(buffer: Buffer | Uint8Array): Promise<WorkbookSheetRows[]> {
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  return workbook.worksheets.map((sheet) => {
    const found: WorkbookCell[][] = [];
    let width = 0;
    let height = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: WorkbookCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = plainValue(cell.value);
        width = Math.max(width, column);
      });
      found[rowNumber - 1] = cells;
      height = rowNumber;
    });
    const rows = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => found[r]?.[c] ?? null),
    );
    return { name: sheet.name, rows };
  });
}

function plainValue(value: ExcelJS.CellValue): WorkbookCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value instanceof Date
  ) {
    return value;
  }
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return String(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || (typeof result === "object" && !(result instanceof Date))) {
      return null;
    }
    return result;
  }
  if ("error" in value) return String(value.error);
  return null;
}
