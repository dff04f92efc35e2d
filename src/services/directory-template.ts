import ExcelJS from "exceljs";
import { type Lang, translator } from "../i18n.ts";
import { IMPORT_COLUMNS, type ImportColumn } from "./directory-import.ts";

type ExampleRow = Partial<Record<ImportColumn, string>>;

/** Example rows: what each record type looks like, in the admin's language where words are words. */
function exampleRows(lang: Lang): ExampleRow[] {
  const t = translator(lang);
  const type = (key: string) => t(`admin:import.types.${key}`);
  const yes = t("admin:import.yesNo.yes");
  return [
    {
      type: type("body"),
      code: "MIN-FIN",
      kind: t("admin:import.kinds.central"),
      name_kk: "Қаржы министрлігі",
      name_ru: "Министерство финансов",
      active: yes,
    },
    {
      type: type("body"),
      code: "KRG-AKM",
      kind: t("admin:import.kinds.regional"),
      name_kk: "Қарағанды облысының әкімдігі",
      name_ru: "Акимат Карагандинской области",
      region: "Қарағанды облысы",
      active: yes,
    },
    {
      type: type("body"),
      code: "KRG-TEM",
      parent_code: "KRG-AKM",
      kind: t("admin:import.kinds.regional"),
      name_kk: "Теміртау қаласының әкімдігі",
      name_ru: "Акимат города Темиртау",
      region: "Қарағанды облысы",
      active: yes,
    },
    {
      type: type("subdivision"),
      body_code: "MIN-FIN",
      code: "HR",
      name_kk: "Персоналды басқару департаменті",
      name_ru: "Департамент управления персоналом",
      active: yes,
    },
    {
      type: type("organisation"),
      body_code: "MIN-FIN",
      code: "QAZ-1",
      name_kk: "«Мысал» АҚ",
      name_ru: "АО «Пример»",
      active: yes,
    },
    {
      type: type("district"),
      body_code: "KRG-AKM",
      code: "D-01",
      name_kk: "Абай ауданы",
      name_ru: "Абайский район",
      active: yes,
    },
    {
      type: type("person"),
      body_code: "MIN-FIN",
      name: "Айгүл Сейітова",
      telegram_id: "123456789",
      role: t("admin:import.roles.commissioner"),
      language: t("admin:import.languages.kk"),
      active: yes,
    },
  ];
}

/** The directory import template: a sheet to fill (header and examples) and a sheet describing each column. */
export async function buildDirectoryTemplate(lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const workbook = new ExcelJS.Workbook();
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
  for (const example of exampleRows(lang))
    data.addRow(IMPORT_COLUMNS.map((column) => example[column] ?? ""));

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
  for (const note of ["allOrNothing", "idempotent", "csv"] as const) {
    help.addRow([t(`admin:import.template.notes.${note}`)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
