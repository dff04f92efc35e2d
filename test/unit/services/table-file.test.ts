import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkZipBudget } from "../../../src/documents/zip-budget.ts";
import { decodeText, readTableFile, readTableNow } from "../../../src/services/table-file.ts";
import { cp1251 } from "../../support/cp1251.ts";
import {
  tallSheetXlsx,
  wholeSheetClaimXlsx,
  wholeSheetXlsx,
  zipBombXlsx,
} from "../../support/hostile-xlsx.ts";

describe("reading a CSV in the encoding it was saved in", () => {
  it("reads UTF-8 with or without a BOM, UTF-16 with its BOM, and Windows-1251", () => {
    const text = "Тип;Код\nорган;МИН-1\n";
    expect(decodeText(Buffer.from(`\uFEFF${text}`))).toEqual({
      text,
      encoding: "utf-8",
    });
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: "utf-8" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeText(utf16)).toEqual({ text, encoding: "utf-16" });
    expect(decodeText(cp1251(text))).toEqual({ text, encoding: "windows-1251" });
  });

  it("refuses bytes that are no text at all", () => {
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toBeUndefined();
  });

  it("reads a Windows-1251 CSV into cells and says it was Windows-1251", async () => {
    const file = cp1251("Тип записи;Код;Наименование на русском\nорган;MIN;Министерство «Ёлка»\n");
    expect(await readTableNow(file, "справочник.csv")).toEqual({
      ok: true,
      encoding: "windows-1251",
      rows: [
        ["Тип записи", "Код", "Наименование на русском"],
        ["орган", "MIN", "Министерство «Ёлка»"],
      ],
    });
  });
});

describe("reading a hostile workbook", () => {
  it("reads a sheet that claims A1:XFD1048576 at the cost of what it holds", async () => {
    const file = wholeSheetClaimXlsx();
    expect(file.length).toBeLessThan(2500);
    expect(await readTableNow(file, "b.xlsx")).toEqual({ ok: true, rows: [["type", "code"]] });
  });

  it("refuses a value in the sheet's last cell by naming its column, and one far down by its row", async () => {
    const file = wholeSheetXlsx();
    expect(file.length).toBeLessThan(2500);
    expect(await readTableNow(file, "b.xlsx")).toEqual({
      ok: false,
      reason: "tooManyColumns",
      column: "XFD",
    });
    expect(await readTableNow(tallSheetXlsx(1_048_576), "b.xlsx")).toEqual({
      ok: false,
      reason: "tooManyRows",
      lastRow: 1_048_576,
    });
    expect((await readTableNow(tallSheetXlsx(10_001), "b.xlsx")).ok).toBe(true);
  });

  it("refuses a zip bomb before unpacking more than the limit", async () => {
    const file = zipBombXlsx(200);
    // Well under the 5 MB a file may weigh.
    expect(file.length).toBeLessThan(600_000);
    expect(checkZipBudget(file, { maxBytes: 50 * 1024 * 1024, maxEntries: 100 })).toEqual({
      ok: false,
      reason: "unpacksTooLarge",
    });
    expect(await readTableFile(file, "bomb.xlsx")).toEqual({
      ok: false,
      reason: "unpacksTooLarge",
    });
  });

  it("refuses what is not a zip, and an exceljs-made sheet with a value in XFD1048576", async () => {
    expect(await readTableFile(Buffer.from("not a zip"), "list.xlsx")).toEqual({
      ok: false,
      reason: "unreadable",
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("S");
    sheet.getCell("A1").value = "type";
    sheet.getCell("XFD1048576").value = "x";
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readTableFile(file, "s.xlsx")).toEqual({
      ok: false,
      reason: "tooManyColumns",
      column: "XFD",
    });
  });

  it("reads off the event loop: the bot's thread keeps running while a big file is read", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("S");
    sheet.addRow(["type", "code", "name_ru"]);
    for (let i = 0; i < 10_000; i++) sheet.addRow(["body", `B-${i}`, `Орган номер ${i}`]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    let turns = 0;
    let reading = true;
    const spin = () => {
      if (!reading) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const read = await readTableFile(file, "big.xlsx");
    reading = false;
    expect(read.ok && read.rows.length).toBe(10_001);
    // Read on this thread, the parse would hold it from start to end: no turn between.
    expect(turns).toBeGreaterThan(100);
  });
});
