import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbookRows } from "../../../src/documents/read-workbook.ts";
import {
  type DocumentTable,
  streamToWorkbook,
  type TableHead,
  tablesToWorkbook,
} from "../../../src/documents/table.ts";

const heads: [TableHead, TableHead] = [
  {
    sheetName: "Первый",
    title: "Первый лист",
    columns: [
      { header: "№", width: 6, kind: "integer" },
      { header: "Текст", width: 20, kind: "text" },
      { header: "Дата", width: 12, kind: "date" },
    ],
  },
  {
    sheetName: "Второй",
    title: "Второй лист",
    columns: [
      { header: "Текст", width: 20, kind: "text" },
      { header: "Баллы", width: 12, kind: "points" },
    ],
  },
];

async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  return workbook;
}

describe("streamToWorkbook", () => {
  it("writes rows given to either sheet in any order, each sheet's in the order given", async () => {
    const day = new Date(Date.UTC(2026, 9, 5));
    const buffer = await streamToWorkbook(heads, async ([first, second]) => {
      first?.add([1, "а", day]);
      second?.add(["x", 8450]);
      await Promise.resolve();
      first?.add([2, null, null]);
      second?.add(["y", -25]);
      first?.add([3, "в", day]);
    });
    const [one, two] = await readWorkbookRows(buffer);
    expect(one?.name).toBe("Первый");
    expect(one?.rows).toEqual([
      ["Первый лист", null, null],
      ["№", "Текст", "Дата"],
      [1, "а", day],
      [2, null, null],
      [3, "в", day],
    ]);
    expect(two?.rows).toEqual([
      ["Второй лист", null],
      ["Текст", "Баллы"],
      ["x", 84.5],
      ["y", -0.25],
    ]);
  });

  it("styles each cell as a table's rows are styled: the column's format, top-aligned, wrapped", async () => {
    const table: DocumentTable = {
      ...heads[0],
      rows: [
        [1, "а", new Date(Date.UTC(2026, 9, 5))],
        [2, "б", null],
      ],
      mutedRows: new Set([1]),
    };
    const streamed = await streamToWorkbook([heads[0]], async ([sheet]) => {
      for (const [index, cells] of table.rows.entries())
        sheet?.add(cells, table.mutedRows?.has(index) ? "muted" : undefined);
    });
    for (const buffer of [streamed, await tablesToWorkbook([table])]) {
      const sheet = (await openWorkbook(buffer)).worksheets[0];
      const plain = sheet?.getRow(3);
      const muted = sheet?.getRow(4);
      expect(plain?.getCell(1).numFmt).toBe("0");
      expect(plain?.getCell(3).numFmt).toBe("dd.mm.yyyy");
      for (const column of [1, 2, 3]) {
        expect(plain?.getCell(column).alignment).toEqual({ vertical: "top", wrapText: true });
        expect(plain?.getCell(column).font?.italic).toBeUndefined();
        expect(muted?.getCell(column).alignment).toEqual({ vertical: "top", wrapText: true });
        expect(muted?.getCell(column).font?.italic).toBe(true);
      }
      expect(muted?.getCell(3).numFmt).toBe("dd.mm.yyyy");
    }
  });
});
