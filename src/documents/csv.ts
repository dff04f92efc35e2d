/** UTF-8 byte order mark: without it Excel reads a CSV as the local code page and garbles Cyrillic. */
const BOM = "\uFEFF";

// A cell starts wherever the reader's list separator falls: at the text's start, and after any "," or
// ";" in it when the spreadsheet's separator differs from the file's (Excel in ru-KZ and kk-KZ reads
// ";", in en-US ","), even inside a quoted field. Spaces and quotes there are skipped by the reader.
const FORMULA_START = /(^|[,;])([\s"]*)(?=[=+\-@\t\r])/g;

/**
 * Text that no spreadsheet reads as a formula, whichever list separator it splits on: an apostrophe
 * goes before a leading = + - @ tab or CR, at the start and after every , or ;
 * (`defuseFormulas("a;=1+1")` → `a;'=1+1`).
 */
export function defuseFormulas(text: string): string {
  return text.replace(FORMULA_START, "$1$2'");
}

/** One RFC 4180 field: quoted when it holds the delimiter, a quote or a line break. */
function escapeField(field: string, delimiter: string): string {
  if (field.includes(delimiter) || /["\r\n]/.test(field)) {
    return `"${field.replaceAll('"', '""')}"`;
  }
  return field;
}

/**
 * Rows as RFC 4180 CSV in UTF-8 with a BOM, records ended by CRLF:
 * `toCsv([["a", "b,c"]])` → BOM + `a,"b,c"\r\n`.
 */
export function toCsv(rows: string[][], options: { delimiter?: "," | ";" } = {}): Buffer {
  const delimiter = options.delimiter ?? ",";
  const text = rows
    .map((row) => `${row.map((field) => escapeField(field, delimiter)).join(delimiter)}\r\n`)
    .join("");
  return Buffer.from(BOM + text, "utf8");
}
