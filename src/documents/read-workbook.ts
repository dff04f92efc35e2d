import ExcelJS from "exceljs";

/** A cell as plain data: what a reader of the sheet sees, formulas replaced by their results. */
export type WorkbookCell = string | number | boolean | Date | null;

/** One sheet's rows, top to bottom, each as wide as the sheet's used columns. */
export type WorkbookSheetRows = { name: string; rows: WorkbookCell[][] };

/** Reopens an .xlsx with exceljs and returns every sheet's cell values in order. */
export async function readWorkbookRows(buffer: Buffer | Uint8Array): Promise<WorkbookSheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer as an ArrayBuffer, and JSZip under it reads one.
  await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: WorkbookCell[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: WorkbookCell[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(plainValue(row.getCell(c).value));
      rows.push(cells);
    }
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
