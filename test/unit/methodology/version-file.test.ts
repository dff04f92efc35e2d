import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readPoints } from "../../../src/domain/methodology/points-text.ts";
import { readMethodologyVersion } from "../../../src/domain/methodology/read-version.ts";
import {
  describeMethodologyProblems,
  METHODOLOGY_DIR,
  parseVersionText,
} from "../../../src/methodology/load.ts";
import { V2026 } from "../../support/methodology.ts";

const TEXT = readFileSync(join(METHODOLOGY_DIR, "2026.1.yaml"), "utf8");

/** A fresh copy of 2026.1 as plain data, to break on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: a test mutates the file's plain data freely.
const copy = (): any => parse(TEXT);

function problemsOf(raw: unknown, lang: "kk" | "ru" = "ru"): string[] {
  const read = readMethodologyVersion(raw);
  if (read.ok) return [];
  return describeMethodologyProblems(read.problems, lang);
}

describe("points as the methodology writes them", () => {
  it("become exact integer hundredths", () => {
    expect(readPoints(0.3)).toEqual({ ok: true, points: 30 });
    expect(readPoints(-10)).toEqual({ ok: true, points: -1000 });
    expect(readPoints("4,5")).toEqual({ ok: true, points: 450 });
    expect(readPoints("\u22125")).toEqual({ ok: true, points: -500 });
    expect(readPoints(0.07)).toEqual({ ok: true, points: 7 });
    expect(readPoints(0)).toEqual({ ok: true, points: 0 });
  });

  it("are refused with more than two decimals or when they are not numbers", () => {
    expect(readPoints(0.333)).toEqual({ ok: false, reason: "tooManyDecimals" });
    expect(readPoints(0.1 + 0.2)).toEqual({ ok: false, reason: "tooManyDecimals" });
    expect(readPoints("three")).toEqual({ ok: false, reason: "notPoints" });
    expect(readPoints(1e21)).toEqual({ ok: false, reason: "notPoints" });
    expect(readPoints(true)).toEqual({ ok: false, reason: "notPoints" });
  });
});

describe("a version file", () => {
  it("reads 2026.1 with no problem", () => {
    const read = parseVersionText(TEXT);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.version).toEqual(V2026);
  });

  it("names each wrong value by its path inside the file, one line each", () => {
    const raw = copy();
    raw.id = 2027.1;
    raw.projects[0].tasks[0].indicators[2].rule.perStep = -0.3;
    raw.projects[0].tasks[0].indicators[0].shortTitle.ru = "x".repeat(41);
    delete raw.projects[0].tasks[1].indicators[0].title;
    raw.projects[0].tasks[1].indicators[2].colour = "red";
    raw.projects[0].tasks[2].indicators[0].rule = { kind: "flagFine", notDone: -5 };
    raw.projects[1].tasks[2].indicators[0].rule.perItem = 0.333;
    raw.projects[3].tasks[1].indicators[2].period = "weekly";
    expect(problemsOf(raw)).toEqual([
      'id: id версии пишите в кавычках, например "2027.1"',
      "projects[0].tasks[0].indicators[0].shortTitle.ru: слишком длинно: не больше 40 символов",
      "projects[0].tasks[0].indicators[2].rule.perStep: должно быть больше нуля",
      "projects[0].tasks[1].indicators[0].title: не указано, а это поле обязательно",
      "projects[0].tasks[1].indicators[2].colour: лишнее поле: в формате версии такого нет",
      expect.stringMatching(
        /^projects\[0]\.tasks\[2]\.indicators\[0]\.rule\.kind: неизвестный вид правила \(kind\); возможные: flagPenalty, shareSteps,/,
      ),
      "projects[1].tasks[2].indicators[0].rule.perItem: не больше двух знаков после точки: баллы считаются в сотых (например 0.25)",
      "projects[3].tasks[1].indicators[2].period: нужно одно из: annual, quarterly, monthly",
    ]);
  });

  it("names what only the whole file shows: ids, nesting, rules that fit, the monthly form", () => {
    const raw = copy();
    const t2 = raw.projects[0].tasks[1];
    t2.indicators[1].id = "p1.t1.s1";
    t2.indicators[2].number = "1.3.3";
    t2.indicators[0].rule = { kind: "flagPenalty", notDone: -5 };
    raw.projects[1].tasks[1].indicators[0].rule.brackets[4].upTo = 50;
    raw.projects[3].tasks[1].indicators[2].cap = undefined;
    expect(problemsOf(raw)).toEqual([
      "projects[0].tasks[1].indicators[0].rule.kind: правило flagPenalty не подходит к вводу share",
      "projects[0].tasks[1].indicators[1].id: id p1.t1.s1 уже встречается в файле",
      "projects[0].tasks[1].indicators[1].id: id должен начинаться с id того, во что он входит: p1.t2",
      "projects[0].tasks[1].indicators[2].number: нумерация должна начинаться с 1.2.",
      "projects[1].tasks[1].indicators[0].rule.brackets[4].upTo: последний интервал должен быть открытым (upTo: null)",
      "projects[3].tasks[1].indicators[2]: p4.t2.s3 заполняет ежемесячный отчёт (Приложения №5 и №6), поэтому нужны period: monthly, input: count, rule: perCount, cap",
    ]);
  });

  it("speaks Kazakh to a Kazakh reader", () => {
    const raw = copy();
    raw.projects[0].tasks[0].indicators[0].rule.notDone = 10;
    expect(problemsOf(raw, "kk")).toEqual([
      "projects[0].tasks[0].indicators[0].rule.notDone: бұл шегерілетін балл: теріс сан немесе 0 керек (мысалы -10)",
    ]);
  });

  it("names the line of a YAML mistake", () => {
    const read = parseVersionText('id: "2027.1"\nid: "2027.2"\ntitle: [\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const lines = describeMethodologyProblems(read.problems, "ru");
    expect(lines[0]).toMatch(/^\(line 2\): поле повторяется: /);
    expect(lines.some((l) => /^\(line \d\): ошибка записи YAML: /.test(l))).toBe(true);
  });

  it("accepts points written with a comma or a minus sign, the way people type them", () => {
    const raw = copy();
    raw.projects[0].tasks[0].indicators[2].rule.perStep = "0,4";
    raw.projects[0].tasks[0].indicators[0].rule.notDone = "\u221212";
    const read = readMethodologyVersion(raw);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.version.indicators[2]?.rule).toMatchObject({ perStep: 40 });
    expect(read.version.indicators[0]?.rule).toEqual({ kind: "flagPenalty", notDone: -1200 });
  });
});
