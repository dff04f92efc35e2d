import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  buildLeaderboardCsv,
  buildLeaderboardWorkbook,
} from "../../../src/documents/leaderboard-workbook.ts";
import {
  buildMonthlyReportsCsv,
  buildMonthlyReportsWorkbook,
  type MonthlyReportRow,
} from "../../../src/documents/monthly-reports-workbook.ts";
import { readWorkbookRows } from "../../../src/documents/read-workbook.ts";
import {
  buildReportingCsv,
  buildReportingWorkbook,
} from "../../../src/documents/reporting-workbook.ts";
import {
  buildScoreSheetCsv,
  buildScoreSheetWorkbook,
  type ScoreSheetRow,
} from "../../../src/documents/score-sheet-workbook.ts";
import { DocumentDataError } from "../../../src/documents/table.ts";

async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  return workbook;
}

function expectHeaderFrozenAndBold(sheet: ExcelJS.Worksheet): void {
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  expect(sheet.getRow(2).getCell(1).font?.bold).toBe(true);
  for (let c = 1; c <= sheet.columnCount; c += 1) {
    expect(sheet.getColumn(c).width).toBeGreaterThan(0);
  }
}

const reportRows: MonthlyReportRow[] = [
  {
    bodyName: "Қызылорда облысының әкімдігі",
    month: "2026-03",
    section: "explanatory",
    date: "2026-03-14",
    topic: "Сыбайлас жемқорлыққа қарсы мәдениет: әғқңөұүһі",
    participants: 45,
    links: [],
    evidence: ["protocol-14.pdf", "photo.jpg"],
  },
  {
    bodyName: "Қызылорда облысының әкімдігі",
    month: "2026-03",
    section: "propaganda",
    date: "2026-03-20",
    topic: 'Права предпринимателей, "горячая линия", 1424',
    audience: "предприниматели",
    participants: 30,
    published: true,
    links: ["https://t.me/example/1", "https://instagram.com/p/x"],
    views: 1520,
    evidence: [],
  },
  {
    bodyName: "Қызылорда облысының әкімдігі",
    month: "2026-03",
    section: "preventive",
    date: new Date(Date.UTC(2026, 2, 21)),
    position: "главный специалист отдела госзакупок",
    participants: 1,
    links: [],
    evidence: ['=HYPERLINK("x")'],
  },
];

describe("buildMonthlyReportsWorkbook", () => {
  it("puts Appendix 5 and Appendix 6 on their own sheets, one row an event, with real dates", async () => {
    const buffer = await buildMonthlyReportsWorkbook({ lang: "ru", rows: reportRows });
    const [appendix5, appendix6, ...more] = await readWorkbookRows(buffer);
    expect(more).toEqual([]);
    expect(appendix5!.name).toBe("Приложение 5");
    expect(appendix6!.name).toBe("Приложение 6");

    expect(appendix5!.rows[1]).toEqual([
      "№",
      "Государственный орган",
      "Месяц",
      "Вид работы",
      "Дата",
      "Тема",
      "Количество участников",
      "Должность",
      "Подтверждающие материалы",
    ]);
    expect(appendix5!.rows.slice(2)).toEqual([
      [
        1,
        "Қызылорда облысының әкімдігі",
        "март 2026",
        "Разъясняющее и обучающее мероприятие",
        new Date(Date.UTC(2026, 2, 14)),
        "Сыбайлас жемқорлыққа қарсы мәдениет: әғқңөұүһі",
        45,
        null,
        "protocol-14.pdf\nphoto.jpg",
      ],
      [
        2,
        "Қызылорда облысының әкімдігі",
        "март 2026",
        "Профилактическая работа",
        new Date(Date.UTC(2026, 2, 21)),
        null,
        1,
        "главный специалист отдела госзакупок",
        '=HYPERLINK("x")',
      ],
    ]);
    expect(appendix6!.rows.slice(2)).toEqual([
      [
        1,
        "Қызылорда облысының әкімдігі",
        "март 2026",
        new Date(Date.UTC(2026, 2, 20)),
        'Права предпринимателей, "горячая линия", 1424',
        "предприниматели",
        30,
        "Да",
        "https://t.me/example/1\nhttps://instagram.com/p/x",
        1520,
        null,
        null,
      ],
    ]);
  });

  it("writes rows that come one at a time as it would the same rows given at once", async () => {
    async function* oneAtATime() {
      for (const row of reportRows) {
        await Promise.resolve();
        yield row;
      }
    }
    const streamed = await buildMonthlyReportsWorkbook({ lang: "ru", rows: oneAtATime() });
    const atOnce = await buildMonthlyReportsWorkbook({ lang: "ru", rows: reportRows });
    expect(await readWorkbookRows(streamed)).toEqual(await readWorkbookRows(atOnce));
    const csv = await buildMonthlyReportsCsv({ lang: "ru", rows: oneAtATime() });
    expect(csv).toEqual(await buildMonthlyReportsCsv({ lang: "ru", rows: reportRows }));
  });

  it("localizes sheets and headers in Kazakh and freezes a bold header", async () => {
    const buffer = await buildMonthlyReportsWorkbook({ lang: "kk", rows: reportRows });
    const workbook = await openWorkbook(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["5-қосымша", "6-қосымша"]);
    for (const sheet of workbook.worksheets) expectHeaderFrozenAndBold(sheet);
    const appendix5 = workbook.getWorksheet("5-қосымша")!;
    expect(appendix5.getRow(2).getCell(2).value).toBe("Мемлекеттік орган");
    expect(appendix5.getRow(3).getCell(3).value).toBe("2026 ж. наурыз");
    expect(appendix5.getRow(3).getCell(5).numFmt).toBe("dd.mm.yyyy");
    // The text is stored as text: a formula-like evidence name never becomes a formula.
    expect(appendix5.getRow(4).getCell(9).type).toBe(ExcelJS.ValueType.String);
  });

  it("refuses a date that is not a calendar day", async () => {
    const bad = [{ ...reportRows[0]!, date: "2026-02-30" }];
    await expect(buildMonthlyReportsWorkbook({ lang: "ru", rows: bad })).rejects.toBeInstanceOf(
      DocumentDataError,
    );
  });

  it("writes both appendices as CSV with ISO dates and guards formula-like text", async () => {
    const { appendix5, appendix6 } = await buildMonthlyReportsCsv({ lang: "ru", rows: reportRows });
    const lines5 = appendix5
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines5[0]).toBe(
      "№,Государственный орган,Месяц,Вид работы,Дата,Тема,Количество участников,Должность,Подтверждающие материалы",
    );
    expect(lines5[1]).toContain(",2026-03-14,");
    expect(lines5[2]).toContain(`"'=HYPERLINK(""x"")"`);
    const text6 = appendix6.toString("utf8");
    expect(text6).toContain('"Права предпринимателей, ""горячая линия"", 1424"');
    expect(text6).toContain('"https://t.me/example/1\nhttps://instagram.com/p/x",1520,,\r\n');
  });
});

const scoreRows: ScoreSheetRow[] = [
  {
    indicatorId: "p1.t1.s3",
    number: "1.1.3",
    project: 1,
    task: "1.1",
    title: "Старт анализа объявлен",
    points: 210,
    max: 300,
    unreviewed: 210,
    applicable: true,
  },
  {
    indicatorId: "p1.t1.s1",
    number: "1.1.1",
    project: 1,
    task: "1.1",
    title: "График утверждён",
    points: -1000,
    applicable: true,
  },
  {
    indicatorId: "p1.t5.s1",
    number: "1.5.1",
    project: 1,
    task: "1.5",
    title: "Картограмма",
    points: 0,
    applicable: false,
  },
  {
    indicatorId: "p4.t2.s3",
    number: "4.2.3",
    project: 4,
    task: "4.2",
    title: "Мероприятия с уполномоченным по этике",
    points: 1001,
    max: 1000,
    applicable: true,
  },
];

describe("buildScoreSheetWorkbook", () => {
  it("keeps points as numbers equal to the hundredths given, marks what does not apply, totals", async () => {
    const buffer = await buildScoreSheetWorkbook({
      lang: "ru",
      bodyName: "Акимат Абайской области",
      periodLabel: "2026 год",
      rows: scoreRows,
      total: 211,
    });
    const [sheet] = await readWorkbookRows(buffer);
    expect(sheet!.name).toBe("Оценка");
    expect(sheet!.rows[0]![0]).toBe("Оценка: Акимат Абайской области, 2026 год");
    expect(sheet!.rows[1]).toEqual([
      "№ индикатора оценки",
      "Проект",
      "Задача",
      "Наименование",
      "Баллы",
      "Максимум",
      "Баллы на проверке",
      "Применимость",
    ]);
    expect(sheet!.rows.slice(2)).toEqual([
      ["1.1.3", "1", "1.1", "Старт анализа объявлен", 2.1, 3, 2.1, "применяется"],
      ["1.1.1", "1", "1.1", "График утверждён", -10, null, null, "применяется"],
      ["1.5.1", "1", "1.5", "Картограмма", 0, null, null, "не применяется"],
      [
        "4.2.3",
        "4",
        "4.2",
        "Мероприятия с уполномоченным по этике",
        10.01,
        10,
        null,
        "применяется",
      ],
      [null, null, null, "Итого", 2.11, null, 2.1, null],
    ]);
    expect(JSON.stringify(sheet!.rows)).not.toMatch(/p\d\.t\d/);
    const workbook = await openWorkbook(buffer);
    const styled = workbook.worksheets[0]!;
    expectHeaderFrozenAndBold(styled);
    expect(styled.getRow(3).getCell(5).numFmt).toBe("0.00");
    expect(styled.getRow(5).font?.italic).toBe(true);
    expect(styled.getRow(7).font?.bold).toBe(true);
  });

  it("writes Kazakh headers, and the CSV with exact dot decimals", () => {
    const csv = buildScoreSheetCsv({
      lang: "kk",
      bodyName: "Абай облысының әкімдігі",
      periodLabel: "2026 жыл",
      rows: scoreRows,
      total: 211,
    })
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(csv[0]).toBe(
      "indicator_id,Бағалау индикаторының №,Жоба,Тапсырма,Атауы,Балл,Ең жоғары балл,Тексерілмеген баллдар,Қолданылуы",
    );
    expect(csv[1]).toBe("p1.t1.s3,1.1.3,1,1.1,Старт анализа объявлен,2.1,3,2.1,қолданылады");
    expect(csv[2]).toBe("p1.t1.s1,1.1.1,1,1.1,График утверждён,-10,,,қолданылады");
    expect(csv[3]).toBe("p1.t5.s1,1.5.1,1,1.5,Картограмма,0,,,қолданылмайды");
    expect(csv[5]).toBe(",,,,Барлығы,2.11,,2.1,");
  });

  it("refuses points that are not integer hundredths", async () => {
    const rows = [{ ...scoreRows[0]!, points: 2.1 }];
    await expect(
      buildScoreSheetWorkbook({ lang: "ru", bodyName: "x", periodLabel: "y", rows, total: 0 }),
    ).rejects.toBeInstanceOf(DocumentDataError);
  });
});

describe("buildLeaderboardWorkbook", () => {
  const rows = [
    {
      rank: 1,
      bodyName: "Жамбыл облысының әкімдігі",
      points: 10210,
      unreviewedPoints: 500,
      change: 2,
      reporting: { expected: 3, received: 3, onTime: 2 },
    },
    { rank: 2, bodyName: "Акимат Абайской области", points: 8450, change: -1 },
    { rank: 3, bodyName: "Акимат города Шымкента", points: -1000, unreviewedPoints: 0, change: 0 },
    {
      rank: 4,
      bodyName: "Акимат города Алматы",
      points: -2000,
      reporting: { expected: 3, received: 0, onTime: 0 },
      notReported: true,
    },
  ];

  it("holds ranks, points and changes as the numbers given", async () => {
    const buffer = await buildLeaderboardWorkbook({
      lang: "kk",
      kindLabel: "Жергілікті атқарушы органдар",
      rows,
    });
    const [sheet] = await readWorkbookRows(buffer);
    expect(sheet!.name).toBe("Рейтинг");
    expect(sheet!.rows[0]![0]).toBe("Рейтинг: Жергілікті атқарушы органдар");
    expect(sheet!.rows[1]).toEqual([
      "Орны",
      "Мемлекеттік орган",
      "Балл",
      "Тексерілмеген баллдар",
      "Орнының өзгерісі",
      "Келіп түскен есептер",
      "Күтілген есептер",
      "Мерзімінде тапсырылды",
      "Ескертпе",
    ]);
    expect(sheet!.rows.slice(2)).toEqual([
      [1, "Жамбыл облысының әкімдігі", 102.1, 5, 2, 3, 3, 2, null],
      [2, "Акимат Абайской области", 84.5, null, -1, null, null, null, null],
      [3, "Акимат города Шымкента", -10, 0, 0, null, null, null, null],
      [4, "Акимат города Алматы", null, null, null, 0, 3, 0, "есеп бермеді"],
    ]);
    const styled = (await openWorkbook(buffer)).worksheets[0]!;
    expectHeaderFrozenAndBold(styled);
    expect(styled.getRow(3).getCell(5).numFmt).toBe("+0;-0;0");
  });

  it("writes the CSV with signed changes", () => {
    const lines = buildLeaderboardCsv({ lang: "ru", kindLabel: "МИО", rows })
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines).toEqual([
      "Место,Государственный орган,Баллы,Баллы на проверке,Изменение места,Получено отчётов,Ожидалось отчётов,Сдано в срок,Примечание",
      "1,Жамбыл облысының әкімдігі,102.1,5,+2,3,3,2,",
      "2,Акимат Абайской области,84.5,,-1,,,,",
      "3,Акимат города Шымкента,-10,0,0,,,,",
      "4,Акимат города Алматы,,,,0,3,0,не отчитался",
      "",
    ]);
  });
});

describe("every workbook prints as the forms do", () => {
  it("sets A4 landscape, one page wide, the title and header repeated on each page", async () => {
    const buffers = [
      await buildMonthlyReportsWorkbook({ lang: "ru", rows: reportRows }),
      await buildScoreSheetWorkbook({
        lang: "kk",
        bodyName: "x",
        periodLabel: "y",
        rows: scoreRows,
        total: 211,
      }),
      await buildLeaderboardWorkbook({ lang: "ru", kindLabel: "МИО", rows: [] }),
      await buildReportingWorkbook({
        lang: "ru",
        periodLabel: "2026 год",
        bodies: [],
        regions: [],
      }),
    ];
    for (const buffer of buffers) {
      for (const sheet of (await openWorkbook(buffer)).worksheets) {
        expect(sheet.pageSetup, sheet.name).toMatchObject({
          paperSize: 9,
          orientation: "landscape",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: "1:2",
        });
      }
    }
  });
});

describe("buildReportingWorkbook", () => {
  const tally = (expected: number, onTime: number, late: number, missing: number) => ({
    expected,
    received: onTime + late,
    onTime,
    late,
    returned: expected - onTime - late - missing,
    missing,
    pending: 0,
  });
  const input = {
    lang: "ru" as const,
    periodLabel: "IV квартал 2026",
    bodies: [
      { bodyName: "Акимат Абайской области", region: "Абай", tally: tally(3, 2, 1, 0) },
      { bodyName: "Министерство юстиции", region: null, tally: tally(2, 0, 0, 2) },
    ],
    regions: [
      { region: "Абай", periodLabel: "октябрь 2026", tally: tally(4, 3, 0, 1) },
      { region: null, periodLabel: "октябрь 2026", tally: tally(1, 0, 0, 1) },
    ],
  };

  it("counts reports per body and per region × period, naming bodies that sent nothing", async () => {
    const [bodies, regions, ...more] = await readWorkbookRows(await buildReportingWorkbook(input));
    expect(more).toEqual([]);
    expect(bodies!.rows[0]![0]).toBe("Сдача отчётов по органам, IV квартал 2026");
    expect(bodies!.rows[1]).toEqual([
      "Государственный орган",
      "Регион",
      "Ожидалось отчётов",
      "Получено отчётов",
      "Сдано в срок",
      "С опозданием",
      "На доработке",
      "Не сдано",
      "Получено, %",
      "В срок, %",
      "Примечание",
    ]);
    expect(bodies!.rows.slice(2)).toEqual([
      ["Акимат Абайской области", "Абай", 3, 3, 2, 1, 0, 0, 100, 66, null],
      ["Министерство юстиции", "без региона", 2, 0, 0, 0, 0, 2, 0, 0, "не отчитался"],
    ]);
    expect(regions!.rows.slice(2)).toEqual([
      ["Абай", "октябрь 2026", 4, 3, 3, 0, 0, 1, 75, 75],
      ["без региона", "октябрь 2026", 1, 0, 0, 0, 0, 1, 0, 0],
    ]);
  });

  it("writes the same as two CSV files in Kazakh", () => {
    const csv = buildReportingCsv({ ...input, lang: "kk" });
    const lines = csv.bodies
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe(
      'Мемлекеттік орган,Өңір,Күтілген есептер,Келіп түскен есептер,Мерзімінде тапсырылды,Кешігіп тапсырылды,Пысықтауда,Тапсырылмады,"Келіп түскені, %","Мерзімінде, %",Ескертпе',
    );
    expect(lines[2]).toBe("Министерство юстиции,өңірі көрсетілмеген,2,0,0,0,0,2,0,0,есеп бермеді");
    expect(csv.regions.toString("utf8")).toContain("Абай,октябрь 2026,4,3,3,0,0,1,75,75");
  });
});
