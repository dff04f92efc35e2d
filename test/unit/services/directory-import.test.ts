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
      { row: 3, column: "kind", code: "badKind", value: "federal" },
      { row: 4, column: "type", code: "unknownType", value: "agency" },
      { row: 5, column: "code", code: "duplicateCode", value: "A" },
      { row: 6, column: "telegram_id", code: "badTelegramId", value: "12x" },
      { row: 7, column: "body_code", code: "required", value: "" },
      { row: 8, column: "name_kk", code: "required", value: "" },
      { row: 8, column: "parent_code", code: "ownParent", value: "D" },
      { row: 8, column: "active", code: "badActive", value: "maybe" },
    ]);
  });

  it("needs the type and code columns", () => {
    const result = parseDirectoryTable([["name_ru"], ["x"]]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 1, column: "type", code: "missingColumn" },
        { row: 1, column: "code", code: "missingColumn" },
      ],
    });
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

  it("skips empty rows without shifting the row numbers", () => {
    const result = parseDirectoryTable(csv(",,,,,,,,,,,,", "body,B,,,central,,Б,,,,,,"));
    expect(!result.ok && result.problems).toEqual([
      { row: 3, column: "name_kk", code: "required", value: "" },
    ]);
  });

  it("parses its own template, in both languages, without a problem", async () => {
    for (const lang of ["kk", "ru"] as const) {
      const table = await readTableFile(await buildDirectoryTemplate(lang), "template.xlsx");
      expect(table.ok).toBe(true);
      if (!table.ok) continue;
      const result = parseDirectoryTable(table.rows);
      expect(result.ok, lang).toBe(true);
      if (!result.ok) continue;
      expect(result.plan.bodies.map((b) => b.code)).toEqual(["MIN-FIN", "KRG-AKM", "KRG-TEM"]);
      expect(result.plan.members).toHaveLength(3);
      expect(result.plan.people).toEqual([
        expect.objectContaining({ telegramId: 123456789, role: "commissioner", language: "kk" }),
      ]);
    }
  });
});
