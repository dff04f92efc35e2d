import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { main } from "../../../src/cli/methodology.ts";
import { describeDiff } from "../../../src/domain/methodology/describe-diff.ts";
import { diffVersions, isEmptyDiff } from "../../../src/domain/methodology/diff.ts";
import { translator } from "../../../src/i18n.ts";
import { byDataKeys } from "../../../src/i18n-keys.ts";
import { METHODOLOGY_DIR } from "../../../src/methodology/load.ts";
import { changedCopy, fileIndicator, V2026 } from "../../support/methodology.ts";

// biome-ignore lint/suspicious/noExplicitAny: the file's plain data, edited freely.
type File = any;

/** Next year's version as a methodologist would write it: a few numbers and titles changed. */
function edit2027(file: File) {
  const events = fileIndicator(file, "p4.t2.s3");
  events.rule.perItem = 3;
  events.cap = 12;
  fileIndicator(file, "p1.t1.s1").shortTitle.ru = "Утверждение графика";
  fileIndicator(file, "p2.t5.s4").variants.kk.rule.perFact = 4;
  fileIndicator(file, "p2.t2.s1").rule.brackets[1].points = 16;
  // Task 1.5 (the cartogram) is dropped, and 4.2 gets a fifth indicator.
  file.projects[0].tasks.splice(4, 1);
  file.projects[3].tasks[1].indicators.push({
    ...structuredClone(fileIndicator(file, "p4.t2.s2")),
    id: "p4.t2.s5",
    number: "4.2.5",
    shortTitle: { kk: "Жаңа онлайн-курс", ru: "Новый онлайн-курс" },
  });
}

const V2027 = changedCopy("2027.1", "2027", edit2027);
const diff = diffVersions(V2026, V2027);

describe("the difference of two versions", () => {
  it("names added, removed and changed indicators by the methodology's numbering, in Russian", () => {
    expect(describeDiff(diff, byDataKeys(translator("ru")), "ru")).toEqual([
      "Методика 2027.1 (оценивает с периода «2027 год») по сравнению с 2026.1 (с периода «2025 год»)",
      "",
      "Удалены задачи (1):",
      "− 1.5 «Ведение картограммы коррупции»",
      "",
      "Добавлены индикаторы оценки (1):",
      "+ 4.2.5 «Новый онлайн-курс» — Прохождение государственными служащими, в том числе впервые поступившими на государственную службу, антикоррупционного онлайн-курса в ИС «Documentolog»",
      "  за год; ЦГО, МИО; ввод: доля: выполнено из всего; считается по списку: работники",
      "  правило: «баллы за каждые 10 %»: за каждые 10 % — 1",
      "",
      "Удалены индикаторы оценки (1):",
      "− 1.5.1 «Актуализация картограммы»",
      "",
      "Изменены индикаторы оценки (4):",
      "• 1.1.1 «Утверждение графика»",
      "  – короткое название на русском: «Утверждение графика анализа» → «Утверждение графика»",
      "• 2.2.1 «Сверка правонарушений»",
      "  – интервалы: 0: 18; 1–5: 15; 6–20: 12; 21–40: 9; 41+: 6 → 0: 18; 1–5: 16; 6–20: 12; 21–40: 9; 41+: 6",
      "• 2.5.4 «Подарки и вознаграждения»",
      "  – вариант kk: за каждый факт: 3 → 4",
      "• 4.2.3 «Ежемесячные обучающие мероприятия»",
      "  – предел за отчёт: 10 → 12",
      "  – за каждую единицу: 2 → 3",
      "",
      "Без изменений индикаторов оценки: 35.",
    ]);
  });

  it("says the same in Kazakh", () => {
    expect(describeDiff(diff, byDataKeys(translator("kk")), "kk")).toEqual([
      "2027.1 әдістемесі («2027 жыл» кезеңінен бастап бағалайды) 2026.1 нұсқасымен («2025 жыл» кезеңінен) салыстырғанда",
      "",
      "Алынып тасталған тапсырмалар (1):",
      "− 1.5 «Сыбайлас жемқорлық картограммасы»",
      "",
      "Қосылған бағалау индикаторлары (1):",
      "+ 4.2.5 «Жаңа онлайн-курс» — Мемлекеттік қызметшілердің, оның ішінде мемлекеттік қызметке алғаш түскендердің «Documentolog» ақпараттық жүйесінде сыбайлас жемқорлыққа қарсы онлайн-курстан өтуі",
      "  жыл үшін; ОМО, ЖАО; енгізу: үлес: барлығынан орындалғаны; қай тізім бойынша есептеледі: қызметкерлер",
      "  ереже: «әрбір 10 % үшін балл»: әрбір 10 % үшін — 1",
      "",
      "Алынып тасталған бағалау индикаторлары (1):",
      "− 1.5.1 «Картограмманы өзектендіру»",
      "",
      "Өзгерген бағалау индикаторлары (4):",
      "• 1.1.1 «Ішкі талдау кестесін бекіту»",
      "  – орысша қысқа атауы: «Утверждение графика анализа» → «Утверждение графика»",
      "• 2.2.1 «Құқық бұзушылықтарды салыстырып тексеру»",
      "  – аралықтар: 0: 18; 1–5: 15; 6–20: 12; 21–40: 9; 41+: 6 → 0: 18; 1–5: 16; 6–20: 12; 21–40: 9; 41+: 6",
      "• 2.5.4 «Сыйақы мен сыйлықтарды қабылдау»",
      "  – kk нұсқасы: әрбір факт үшін: 3 → 4",
      "• 4.2.3 «Ай сайынғы түсіндіру іс-шаралары»",
      "  – есеп үшін шегі: 10 → 12",
      "  – әрбір бірлік үшін: 2 → 3",
      "",
      "Өзгермеген бағалау индикаторлары: 35.",
    ]);
  });

  it("says a rule changed kind as the whole rule, and a copy changes nothing", () => {
    const percent = changedCopy("2027.2", "2027", (file) => {
      fileIndicator(file, "p1.t1.s3").rule = { kind: "perPercent", perPercent: 0.03 };
    });
    const lines = describeDiff(diffVersions(V2026, percent), byDataKeys(translator("ru")), "ru");
    expect(lines).toContain(
      "  – правило: «баллы за каждые 10 %»: за каждые 10 % — 0,3 → «баллы за каждый процент»: за каждый процент — 0,03",
    );
    const copy = diffVersions(V2026, changedCopy("2027.3", "2027"));
    expect(isEmptyDiff(copy)).toBe(true);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});

describe("npm run methodology", () => {
  const scratch = mkdtempSync(join(tmpdir(), "adaldyq-methodology-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = main(args, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout, stderr };
  };
  const current = join(METHODOLOGY_DIR, "2026.1.yaml");

  it("checks a file: its id, indicators and first period, or each problem with its path", () => {
    expect(run("check", current)).toEqual({
      code: 0,
      stdout: `${current}: методика 2026.1 без ошибок — индикаторов оценки: 40, оценивает с периода «2025 год».\n`,
      stderr: "",
    });
    const broken = join(scratch, "broken.yaml");
    const file = structuredClone(changedCopyFile());
    fileIndicator(file, "p1.t1.s3").rule.perStep = 0.333;
    fileIndicator(file, "p1.t1.s1").shortTitle.kk = "ж".repeat(41);
    writeFileSync(broken, stringify(file));
    const refused = run("check", broken, "--lang", "kk");
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr.trim().split("\n")).toEqual([
      `${broken}: файл қабылданбады, қателер саны: 2:`,
      "  projects[0].tasks[0].indicators[0].shortTitle.kk: тым ұзын: ең көбі 40 таңба",
      "  projects[0].tasks[0].indicators[2].rule.perStep: нүктеден кейін екі таңбадан аспауы керек: балл жүздік үлеспен есептеледі (мысалы 0.25)",
    ]);
  });

  it("prints the difference of two files in the language asked", () => {
    const next = join(scratch, "2027.1.yaml");
    const file = changedCopyFile();
    edit2027(file);
    writeFileSync(next, stringify(file));
    const ru = run("diff", current, next);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toBe(
      `${describeDiff(diff, byDataKeys(translator("ru")), "ru").join("\n")}\n`,
    );
    const kk = run("diff", current, next, "--lang", "kk");
    expect(kk.stdout).toContain("Өзгерген бағалау индикаторлары (4):");
    expect(run("diff", current).code).toBe(2);
    expect(run("diff", current).stderr).toMatch(/^Использование:/);
  });
});

/** The 2026.1 file's plain data with next year's id and period, to edit and write. */
function changedCopyFile(): File {
  const file = parse(readFileSync(join(METHODOLOGY_DIR, "2026.1.yaml"), "utf8"));
  file.id = "2027.1";
  file.appliesFrom = "2027";
  return file;
}
