import { columnLetter, readFirstSheet, type WorkbookCell } from "../documents/read-workbook.ts";
import { calendarDateOf } from "../domain/calendar/zone.ts";
import { readInThread } from "./table-file-thread.ts";

/** A file's first table as text cells, row by row (row 1 is the header). */
export type TextTable = string[][];

/** The encodings a CSV is read in: what Excel saves as «CSV UTF-8», «CSV» (Windows) and «Unicode». */
export type TextEncoding = "utf-8" | "windows-1251" | "utf-16";

export type ReadTableResult =
  | { ok: true; rows: TextTable; encoding?: TextEncoding }
  | {
      ok: false;
      reason: "unsupportedFormat" | "unreadable" | "empty" | "unpacksTooLarge" | "tooComplex";
    }
  | { ok: false; reason: "tooManyRows"; lastRow: number }
  | { ok: false; reason: "tooManyColumns"; column: string };

/** What a table file may hold: a directory of 10,000 records and its header, 64 columns wide. */
export const TABLE_LIMITS = {
  maxRows: 10_001,
  maxColumns: 64,
  maxUnpackedBytes: 50 * 1024 * 1024,
};

/**
 * Reads a .csv (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1251) or an .xlsx
 * file's first sheet, off the event loop: a worker thread with a bounded heap and a time limit
 * does the work (table-file-thread.ts), so a hostile file costs that thread, never the bot's
 * answers to everyone else.
 */
export function readTableFile(
  data: Buffer | Uint8Array,
  fileName: string,
): Promise<ReadTableResult> {
  if (!/\.(csv|txt|xlsx)$/i.test(fileName)) {
    return Promise.resolve({ ok: false, reason: "unsupportedFormat" });
  }
  return readInThread(data, fileName);
}

/** The reading itself, in whichever thread calls it (readTableFile's worker thread). */
export async function readTableNow(data: Uint8Array, fileName: string): Promise<ReadTableResult> {
  const name = fileName.toLowerCase();
  let rows: TextTable;
  let encoding: TextEncoding | undefined;
  if (name.endsWith(".xlsx")) {
    const sheet = await readFirstSheet(data, TABLE_LIMITS);
    if (!sheet.ok) return sheet;
    rows = sheet.rows.map((row) => row.map(cellText));
  } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
    const decoded = decodeText(data);
    if (!decoded) return { ok: false, reason: "unreadable" };
    encoding = decoded.encoding;
    rows = parseCsv(decoded.text);
    const beyond = beyondLimits(rows);
    if (beyond) return beyond;
  } else return { ok: false, reason: "unsupportedFormat" };
  // Spreadsheets often carry empty rows at the end; they are not records.
  while (rows.length > 0 && rows.at(-1)?.every((cell) => cell.trim() === "")) rows.pop();
  if (rows.length === 0) return { ok: false, reason: "empty" };
  return encoding ? { ok: true, rows, encoding } : { ok: true, rows };
}

function beyondLimits(rows: TextTable): ReadTableResult | undefined {
  let lastRow = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let last = row.length;
    while (last > 0 && (row[last - 1] ?? "").trim() === "") last--;
    if (last > TABLE_LIMITS.maxColumns)
      return { ok: false, reason: "tooManyColumns", column: columnLetter(last) };
    if (last > 0) lastRow = r + 1;
  }
  return lastRow > TABLE_LIMITS.maxRows ? { ok: false, reason: "tooManyRows", lastRow } : undefined;
}

/**
 * A CSV's text: UTF-8 (with or without a BOM), UTF-16 with its BOM (Excel's «Unicode text»), else
 * Windows-1251, what Excel's plain «CSV» is in Kazakhstan's Russian and Kazakh locales. Undefined
 * for bytes that are text in none of them (control characters a table does not hold).
 */
export function decodeText(data: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const bytes = Uint8Array.from(data);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16" };
  let text: string;
  let encoding: TextEncoding = "utf-8";
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1251").decode(bytes);
    encoding = "windows-1251";
  }
  if (hasControlCharacters(text)) return undefined;
  return { text, encoding };
}

/** Tabs and line breaks belong in a table; other control characters mean it is not text. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
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

function cellText(value: WorkbookCell): string {
  if (value === null) return "";
  if (value instanceof Date) return calendarDateOf(value);
  return String(value);
}
