import { describe, expect, it } from "vitest";
import { parseDirectoryTable } from "../../../src/services/directory-import.ts";
import { buildDirectoryTemplate } from "../../../src/services/directory-template.ts";
import { parseCsv, readTableFile } from "../../../src/services/table-file.ts";

const HEADER =
  "type,code,body_code,parent_code,kind,name_kk,name_ru,region,name,telegram_id,role,language,active";

function csv(...lines: string[]) {
  return parseCsv([HEADER, ...lines].join("\r\n"));
}

describe("reading table files", () => {
  it("reads quoted CSV fields with commas, quotes and line breaks, and drops the BOM", () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n');
    expect(rows).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\nlines"],
    ]);
  });

  it("reads semicolon-separated CSV as Excel saves it in Russian locales", () => {
    expect(parseCsv("type;code\nbody;A-1\n")).toEqual([
      ["type", "code"],
      ["body", "A-1"],
    ]);
  });

  it("refuses files that are neither CSV nor xlsx, and unreadable workbooks", async () => {
    expect(await readTableFile(Buffer.from("x"), "list.pdf")).toEqual({
      ok: false,
      reason: "unsupportedFormat",
    });
    expect(await readTableFile(Buffer.from("not a zip"), "list.xlsx")).toEqual({
      ok: false,
      reason: "unreadable",
    });
    expect(await readTableFile(Buffer.from("\n\n"), "list.csv")).toEqual({
      ok: false,
      reason: "empty",
    });
  });
});

describe("parsing a directory table", () => {
  it("turns bodies, members and people into a plan", () => {
    const result = parseDirectoryTable(
      csv(
        "body,MIN-FIN,,,central,Қаржы министрлігі,Министерство финансов,,,,,,",
        "body,KRG,,MIN-FIN,regional,Қарағанды,Караганда,Қарағанды облысы,,,,,нет",
        "subdivision,HR,MIN-FIN,,,Кадр,Кадры,,,,,,",
        "person,,MIN-FIN,,,,,,Айгүл,123456789,уполномоченный,kk,",
        "person,,,,,,,,Admin,42,admin,,",
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.bodies).toEqual([
      expect.objectContaining({ code: "MIN-FIN", kind: "central", parentCode: null, active: true }),
      expect.objectContaining({
        code: "KRG",
        kind: "regional",
        parentCode: "MIN-FIN",
        region: "Қарағанды облысы",
        active: false,
      }),
    ]);
    expect(result.plan.members).toEqual([
      expect.objectContaining({ row: 4, bodyCode: "MIN-FIN", kind: "subdivision", code: "HR" }),
    ]);
    expect(result.plan.people).toEqual([
      {
        row: 5,
        telegramId: 123456789,
        name: "Айгүл",
        role: "commissioner",
        bodyCode: "MIN-FIN",
        language: "kk",
        active: true,
      },
      {
        row: 6,
        telegramId: 42,
        name: "Admin",
        role: "admin",
        bodyCode: null,
        language: "ru",
        active: true,
      },
    ]);
  });

  it("names every bad row with its row number, column and value", () => {
    const result = parseDirectoryTable(
      csv(
        "body,A,,,central,А,А,,,,,,",
        "body,B,,,federal,Б,Б,,,,,,",
        "agency,C,,,central,В,В,,,,,,",
        "body,A,,,central,Г,Г,,,,,,",
        "person,,A,,,,,,Иван,12x,officer,,",
        "person,,,,,,,,Пётр,77,officer,,",
        "body,D,,D,regional,,Д,,,,,,maybe",
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { row: 3, column: "kind", cell: "E3", code: "badKind", value: "federal" },
      { row: 4, column: "type", cell: "A4", code: "unknownType", value: "agency" },
      { row: 5, column: "code", cell: "B5", code: "duplicateCode", value: "A" },
      { row: 6, column: "telegram_id", cell: "J6", code: "badTelegramId", value: "12x" },
      { row: 7, column: "body_code", cell: "C7", code: "required", value: "" },
      { row: 8, column: "name_kk", cell: "F8", code: "required", value: "" },
      { row: 8, column: "parent_code", cell: "D8", code: "ownParent", value: "D" },
      { row: 8, column: "active", cell: "M8", code: "badActive", value: "maybe" },
    ]);
    // The rows that were right are planned, so the rest of the checks run in the same answer.
    expect(result.plan.bodies.map((b) => b.code)).toEqual(["A"]);
    expect(result.plan.faultyBodyCodes).toEqual(["B", "D"]);
  });

  it("needs the type and code columns", () => {
    const result = parseDirectoryTable([["name_ru"], ["x"]]);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { row: 1, column: "type", code: "missingColumn" },
        { row: 1, column: "code", code: "missingColumn" },
      ],
    });
  });

  it("names a column the rows need but the header lacks once, not on every row", () => {
    const result = parseDirectoryTable([
      ["type", "code", "kind", "name_ru"],
      ["body", "A", "central", "А"],
      ["body", "B", "central", "Б"],
      ["body", "C", "galactic", "В"],
    ]);
    expect(!result.ok && result.problems).toEqual([
      { row: 1, column: "name_kk", code: "missingColumn" },
      { row: 4, column: "kind", cell: "C4", code: "badKind", value: "galactic" },
    ]);
  });

  it("finds the Kazakh letters a Windows-1251 file lost, by cell", () => {
    const table = csv("body,A,,,central,Алматы облысыны? әкімдігі,Акимат,,,,,,");
    expect(parseDirectoryTable(table).ok).toBe(true);
    const result = parseDirectoryTable(table, { encoding: "windows-1251" });
    expect(!result.ok && result.problems).toEqual([
      {
        row: 2,
        column: "name_kk",
        cell: "F2",
        code: "lostLetters",
        value: "Алматы облысыны? әкімдігі",
      },
    ]);
  });

  it("accepts Kazakh or Russian headers and words in any order of columns", () => {
    const result = parseDirectoryTable([
      ["Орысша атауы", "Жазба түрі", "Коды", "Орган түрі", "Наименование на казахском"],
      ["Акимат", "орган", "X-1", "жергілікті", "Әкімдік"],
    ]);
    expect(result.ok && result.plan.bodies[0]).toMatchObject({
      code: "X-1",
      kind: "regional",
      nameKk: "Әкімдік",
      nameRu: "Акимат",
    });
  });

  it("reads the two lists the denominators need, and the earlier template's organisations", () => {
    const result = parseDirectoryTable([
      ["Тип записи", "Код", "Код органа", "Наименование на казахском", "Наименование на русском"],
      ["нижестоящий государственный орган", "KGD", "MF", "Комитет", "Комитет"],
      ["курируемый субъект квазигосударственного сектора", "Q-1", "MF", "АҚ", "АО"],
      ["жетекшілік ететін квазимемлекеттік сектор субъектісі", "Q-2", "MF", "АҚ", "АО"],
      // Files filled from the earlier template: its one list was the quasi-public organisations.
      ["подведомственная организация", "Q-3", "MF", "АҚ", "АО"],
      ["organisation", "Q-4", "MF", "АҚ", "АО"],
    ]);
    expect(result.ok && result.plan.members.map((m) => [m.code, m.kind])).toEqual([
      ["KGD", "subordinate"],
      ["Q-1", "quasiPublic"],
      ["Q-2", "quasiPublic"],
      ["Q-3", "quasiPublic"],
      ["Q-4", "quasiPublic"],
    ]);
  });

  it("skips empty rows without shifting the row numbers", () => {
    const result = parseDirectoryTable(csv(",,,,,,,,,,,,", "body,B,,,central,,Б,,,,,,"));
    expect(!result.ok && result.problems).toEqual([
      { row: 3, column: "name_kk", cell: "F3", code: "required", value: "" },
    ]);
  });

  it("refuses its own template's examples sent back unchanged, in both languages", async () => {
    for (const lang of ["kk", "ru"] as const) {
      const table = await readTableFile(await buildDirectoryTemplate(lang), "template.xlsx");
      expect(table.ok).toBe(true);
      if (!table.ok) continue;
      const result = parseDirectoryTable(table.rows);
      expect(!result.ok && result.problems, lang).toEqual(
        [2, 3, 4, 5, 6, 7, 8, 9].map((row) => ({ row, code: "exampleRow" })),
      );
    }
  });

  it("parses its own template once the examples are made real, in both languages", async () => {
    for (const lang of ["kk", "ru"] as const) {
      const table = await readTableFile(await buildDirectoryTemplate(lang), "template.xlsx");
      if (!table.ok) throw new Error(table.reason);
      const real = table.rows.map((row) =>
        row.map((cell) => cell.replace(/ \((мысал|пример)\)$/, "")),
      );
      const result = parseDirectoryTable(real);
      expect(result.ok, lang).toBe(true);
      if (!result.ok) continue;
      expect(result.plan.bodies.map((b) => b.code)).toEqual(["MIN-FIN", "KRG-AKM", "KRG-TEM"]);
      expect(result.plan.bodies[0]?.nameRu).toBe("Министерство финансов");
      expect(result.plan.members.map((m) => m.kind)).toEqual([
        "subdivision",
        "subordinate",
        "quasiPublic",
        "district",
      ]);
      expect(result.plan.people).toEqual([
        expect.objectContaining({ telegramId: 123456789, role: "commissioner", language: "kk" }),
      ]);
    }
  });
});
