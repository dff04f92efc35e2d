import ExcelJS from "exceljs";
import { calendarDateOf } from "../domain/calendar/zone.ts";

/** A file's first table as text cells, row by row (row 1 is the header). */
export type TextTable = string[][];

export type ReadTableResult =
  | { ok: true; rows: TextTable }
  | { ok: false; reason: "unsupportedFormat" | "unreadable" | "empty" };

/** Reads a .csv (comma, semicolon or tab separated, UTF-8) or an .xlsx file's first sheet. */
export async function readTableFile(
  data: Buffer | Uint8Array,
  fileName: string,
): Promise<ReadTableResult> {
  const name = fileName.toLowerCase();
  let rows: TextTable;
  try {
    if (name.endsWith(".csv") || name.endsWith(".txt"))
      rows = parseCsv(Buffer.from(data).toString("utf8"));
    else if (name.endsWith(".xlsx")) rows = await readXlsx(data);
    else return { ok: false, reason: "unsupportedFormat" };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  // Spreadsheets often carry empty rows at the end; they are not records.
  while (rows.length > 0 && rows.at(-1)?.every((cell) => cell.trim() === "")) rows.pop();
  return rows.length === 0 ? { ok: false, reason: "empty" } : { ok: true, rows };
}

/** RFC 4180 CSV; the delimiter is whichever of , ; or tab the header line uses most. */
export function parseCsv(text: string): TextTable {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const delimiter = guessDelimiter(body.split(/\r?\n/, 1)[0] ?? "");
  const rows: TextTable = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function guessDelimiter(header: string): string {
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ",";
}

async function readXlsx(data: Buffer | Uint8Array): Promise<TextTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(data).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TextTable = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return calendarDateOf(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("hyperlink" in value) return String(value.text);
    if ("result" in value)
      return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
}
