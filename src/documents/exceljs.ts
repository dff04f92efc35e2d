import type ExcelJSModule from "exceljs";

let loaded: Promise<typeof ExcelJSModule> | undefined;

/**
 * exceljs, loaded with the first workbook a process reads or writes: it is the largest module
 * the bot would load at start (a bot start spends about 40 % of its CPU loading modules), and
 * most processes, and most updates, never touch a workbook.
 */
export function loadExcel(): Promise<typeof ExcelJSModule> {
  loaded ??= import("exceljs").then((module) => module.default);
  return loaded;
}
