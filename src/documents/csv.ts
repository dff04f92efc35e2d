/** UTF-8 byte order mark: without it Excel reads a CSV as the local code page and garbles Cyrillic. */
const BOM = "\uFEFF";

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
