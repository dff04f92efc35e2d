import { loadExcel } from "../documents/exceljs.ts";
import { type Lang, translator } from "../i18n.ts";
import { exampleRows } from "./directory-examples.ts";
import { IMPORT_COLUMNS } from "./directory-file.ts";

/** The directory import template: a sheet to fill (header and examples) and a sheet describing each column. */
export async function buildDirectoryTemplate(lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Adaldyq";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const data = workbook.addWorksheet(t("admin:import.template.dataSheet"), {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
  });
  data.columns = IMPORT_COLUMNS.map((column) => ({ width: column.startsWith("name") ? 36 : 16 }));
  const header = data.addRow(IMPORT_COLUMNS.map((column) => t(`admin:import.columns.${column}`)));
  header.font = { bold: true };
  // Telegram ids are long numbers: kept as text so a spreadsheet does not round them.
  data.getColumn(IMPORT_COLUMNS.indexOf("telegram_id") + 1).numFmt = "@";
  // Grey italic, and named «пример» / «мысал»: an import refuses them sent back unchanged.
  for (const example of exampleRows(lang)) {
    const row = data.addRow(IMPORT_COLUMNS.map((column) => example[column] ?? ""));
    row.font = { italic: true, color: { argb: "FF808080" } };
  }

  const help = workbook.addWorksheet(t("admin:import.template.helpSheet"));
  help.columns = [{ width: 22 }, { width: 16 }, { width: 90 }];
  const helpHeader = help.addRow([
    t("admin:import.template.column"),
    t("admin:import.template.key"),
    t("admin:import.template.meaning"),
  ]);
  helpHeader.font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    const row = help.addRow([
      t(`admin:import.columns.${column}`),
      column,
      t(`admin:import.help.${column}`),
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  help.addRow([]);
  for (const note of ["examples", "allOrNothing", "idempotent", "csv"] as const) {
    help.addRow([t(`admin:import.template.notes.${note}`)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
