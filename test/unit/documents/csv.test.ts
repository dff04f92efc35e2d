import { describe, expect, it } from "vitest";
import { defuseFormulas, toCsv } from "../../../src/documents/csv.ts";
import { type DocumentTable, tableToCsv } from "../../../src/documents/table.ts";

describe("toCsv", () => {
  it("starts with a UTF-8 byte order mark and ends every record with CRLF", () => {
    const csv = toCsv([
      ["Орган", "Балл"],
      ["Қызылорда облысының әкімдігі", "84.5"],
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toBe("\uFEFFОрган,Балл\r\nҚызылорда облысының әкімдігі,84.5\r\n");
  });

  it("quotes fields with commas, quotes and line breaks, doubling inner quotes", () => {
    const text = toCsv([["a,b", 'say "hi"', "one\ntwo", "plain"]]).toString("utf8");
    expect(text).toBe('\uFEFF"a,b","say ""hi""","one\ntwo",plain\r\n');
  });

  it("quotes on the chosen delimiter", () => {
    const text = toCsv([["a;b", "c,d"]], { delimiter: ";" }).toString("utf8");
    expect(text).toBe('\uFEFF"a;b";c,d\r\n');
  });

  it("writes an empty file as just the mark", () => {
    expect(toCsv([]).toString("utf8")).toBe("\uFEFF");
  });
});

/**
 * How a spreadsheet splits a CSV line with its own list separator (Excel: "," in en-US, ";" in
 * ru-KZ and kk-KZ), whatever delimiter the file was written with: a quote opens a quoted field
 * only at the start of a field, and a quote anywhere else is an ordinary character.
 */
function readAsSpreadsheet(text: string, separator: "," | ";"): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    }
    while (i < text.length && text[i] !== separator && text[i] !== "\r") cell += text[i++];
    cells.push(cell);
    if (text[i] !== separator) break;
    i++;
  }
  return cells;
}

const table = (cells: string[]): DocumentTable => ({
  sheetName: "s",
  title: "t",
  columns: cells.map((_, i) => ({ header: `h${i}`, width: 10, kind: "text" as const })),
  rows: [cells],
});

// Texts that a reader's list separator could split into a cell that starts like a formula.
const hostile = [
  "=1+1",
  'Итого;=HYPERLINK("http://x";"y")',
  "a,=1+1",
  "x; @SUM(A1:A9)",
  "тема;+7 701",
  "q;\"=cmd|' /C calc'!A0\"",
  "n,\t=1",
  "m;-2+3",
  "ok",
];

describe("CSV formula defusing", () => {
  for (const written of [",", ";"] as const) {
    for (const reader of [",", ";"] as const) {
      it(`written with "${written}", read with "${reader}": no cell starts a formula`, () => {
        const text = tableToCsv(table(hostile), { delimiter: written })
          .toString("utf8")
          .replace(/^\uFEFF/, "")
          .split("\r\n")[1];
        const cells = readAsSpreadsheet(text ?? "", reader);
        expect(cells.length).toBeGreaterThan(1);
        for (const cell of cells) expect(cell.trimStart()).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
  }

  it("keeps the text otherwise as written", () => {
    expect(defuseFormulas("Итого;=SUM(A1)")).toBe("Итого;'=SUM(A1)");
    expect(defuseFormulas("=1+1")).toBe("'=1+1");
    expect(defuseFormulas('Права, "горячая линия", 1424')).toBe('Права, "горячая линия", 1424');
    expect(defuseFormulas("a - b; c")).toBe("a - b; c");
  });
});
