import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkbookRows } from "../../src/documents/read-workbook.ts";
import { pointsToNumber } from "../../src/domain/points.ts";
import { scoreReport } from "../../src/domain/scoring/score-report.ts";
import type { IndicatorValue } from "../../src/domain/scoring/values.ts";
import { parseDirectoryTable } from "../../src/services/directory-import.ts";
import { parseCsv, readTableFile } from "../../src/services/table-file.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { BotMessage } from "../support/emulator.ts";
import { V2026 } from "../support/methodology.ts";
import { nodeArgsFor } from "../support/node-process.ts";
import { databaseUrlOf } from "../support/seed.ts";
import { bodiesCsv, monthlyReport, seedPerson } from "../unit/services/fixtures.ts";
import { FAKE_NOW, NOW, submitScored } from "./manager-admin-seed.ts";

const report = (bodyId: number, authorId: number) =>
  monthlyReport(bodyId, authorId, "2026-10", { at: NOW, explanatory: 4, views: 700 });

describe("admins: directory import and exports", () => {
  const { emulator, bot, user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    seed: async (repos) => {
      await seedPerson(repos, 5001, "admin", null);
      const body = await repos.directory.createBody({
        code: "SEED",
        kind: "central",
        nameKk: "Министрлік",
        nameRu: "Министерство",
      });
      if (!body.ok) throw new Error(body.reason);
      const author = await seedPerson(repos, 5002, "commissioner", body.body.id);
      await submitScored(repos, report(body.body.id, author.id));
    },
    waitForCatchUp: true,
  });

  const admin = () => user(5001, "ru");
  const filesTo = (chatId: number) => emulator().sentFiles.filter((f) => f.chatId === chatId);
  const lastFile = (chatId: number) => filesTo(chatId).at(-1);

  it("sends a template that documents the columns, with its examples marked", async () => {
    const user = admin();
    await user.command("import");
    await user.waitFor(/Шаблон справочника/);
    const template = lastFile(5001);
    expect(template?.filename).toBe("справочник-шаблон.xlsx");
    const table = await readTableFile(template?.data ?? Buffer.alloc(0), "t.xlsx");
    expect(table.ok && table.rows[0]?.slice(0, 3)).toEqual(["Тип записи", "Код", "Код органа"]);
    const parsed = table.ok ? parseDirectoryTable(table.rows) : undefined;
    expect(parsed && !parsed.ok && parsed.problems.every((p) => p.code === "exampleRow")).toBe(
      true,
    );
    const sheets = await readWorkbookRows(template?.data ?? Buffer.alloc(0));
    expect(sheets.map((s) => s.name)).toEqual(["Справочник", "Описание столбцов"]);
  });

  it("reports the three bad rows of 200 and imports nothing until the file is fixed; a second import changes nothing", async () => {
    const user = admin();
    const broken = bodiesCsv(200, (row, i) => {
      if (i === 10) return [...row.slice(0, 3), "federal", ...row.slice(4)];
      if (i === 50) return ["body", "", ...row.slice(2)];
      if (i === 120) return [...row.slice(0, 4), "", ...row.slice(5)];
      return row;
    });
    await user.sendDocument({
      filename: "bodies.csv",
      data: Buffer.from(broken),
      caption: "/import",
    });
    const refused = await user.waitFor(/Файл не импортирован/, { timeoutMs: 30_000 });
    expect(refused.text.split("\n")).toEqual([
      "❌ Файл не импортирован, ничего не изменено. Найдено 3 ошибки:",
      "Строка 12, столбец «Вид органа» (D12): вид органа «federal»: укажите «центральный» или «местный»",
      "Строка 52, столбец «Код» (B52): не заполнено",
      "Строка 122, столбец «Наименование на казахском» (E122): не заполнено",
    ]);
    await user.command("users");
    await user.waitFor("🏛 Органов: 1. Выберите орган:");

    await user.command("import");
    await user.waitFor(/Шаблон справочника/);
    await user.sendDocument({ filename: "bodies.csv", data: Buffer.from(bodiesCsv(200)) });
    // Writing 200 bodies to the embedded database takes seconds on a shared machine.
    const done = await user.waitFor(/Импорт выполнен/, { timeoutMs: 30_000 });
    expect(done.text).toContain("Органы: добавлено 200, изменено 0.");
    await user.sendDocument({
      filename: "bodies.csv",
      data: Buffer.from(bodiesCsv(200)),
      caption: "/import",
    });
    await user.waitFor(
      "✅ Файл проверен (записей: 200): всё совпадает со справочником, ничего не изменилось.",
      { timeoutMs: 30_000 },
    );
    await user.command("users");
    await user.waitFor("🏛 Органов: 201. Выберите орган:");
  });

  it("pages the entry's list of 201 bodies for an admin's /report, eight at a time", async () => {
    const user = admin();
    await user.command("report");
    const first = await user.waitFor("За какой орган заполнить отчёт?");
    const rows = first.keyboard?.map((row) => row.map((b) => b.text)) ?? [];
    expect(rows).toHaveLength(10);
    expect(rows.at(-2)).toEqual(["▶"]);
    expect(rows.at(-1)).toEqual(["✖ Отмена"]);
    await user.press("▶");
    const second = await user.waitFor("За какой орган заполнить отчёт?");
    expect(second.keyboard?.at(-2)?.map((b) => b.text)).toEqual(["◀", "▶"]);
    const body = second.keyboard?.[0]?.[0]?.text ?? "";
    expect(rows.flat()).not.toContain(body);
    // The body chosen from the second page: its periods, or that it owes none today.
    await user.press(body);
    await user.waitFor(/За какой период\?|Сейчас нет периода/);
  });

  it("changes a person's role from /users and records it", async () => {
    const user = admin();
    await user.command("users", "минист");
    await user.waitFor("🔎 «минист»: найдено органов — 1.");
    await user.press("Министерство");
    await user.waitFor(/Person 5002 — уполномоченный по этике/);
    await user.press(/Person 5002/);
    await user.waitFor(/Telegram ID: 5002/);
    await user.press("руководитель");
    await user.waitFor(/Роль: руководитель/);
    await user.command("audit");
    const audit = await user.waitFor(/Журнал действий/);
    expect(audit.text).toMatch(
      /· Person 5001\nИзменена роль: Person 5002 — была «уполномоченный по этике», стала «руководитель»\./,
    );
    expect(audit.text).toContain("Импортирован справочник из файла «bodies.csv»: строк — 200;");
    expect(audit.text).not.toMatch(/[{}]|user:\d/);
  });

  it("exports workbooks that hold the scoring engine's numbers", async () => {
    const user = admin();
    const engine = scoreReport(V2026, {
      bodyKind: "central",
      p1Exempt: false,
      kind: "monthly",
      values: report(0, 0).values as Record<string, IndicatorValue>,
    });

    await user.command("export");
    await user.waitFor("Что выгрузить?");
    await user.press("📊 Оценка органа");
    const periods = await user.waitFor(/Оценка органа: выберите период \(2026 год\)/);
    // The reporting month's year: its months so far, its quarters so far, the year, earlier years.
    expect(periods.keyboard?.flat().map((b) => b.text)).toEqual([
      ...["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август"],
      ...["сентябрь", "октябрь", "I квартал", "II квартал", "III квартал", "IV квартал"],
      ...["2026 год", "◀ 2025", "⬅ Назад"],
    ]);
    await user.press("◀ 2025");
    const earlier = await user.waitFor(/выберите период \(2025 год\)/);
    expect(earlier.keyboard?.flat().map((b) => b.text)).toContain("декабрь");
    expect(earlier.keyboard?.flat().map((b) => b.text)).toContain("2026 ▶");
    await user.press("2026 ▶");
    await user.waitFor(/выберите период \(2026 год\)/);
    await user.press("октябрь");
    const picker = await user.waitFor(/Выберите орган/);
    expect(picker.keyboard?.flat().map((b) => b.text)).toContain("1/26");
    await user.command("export", "SEED");
    await user.waitFor(/Оценка органа: выберите период/);
    await user.press("октябрь");
    await user.waitFor(/Формат файла/);
    await user.press("Excel (.xlsx)");
    await user.waitFor("Оценка органа, октябрь 2026");
    const sheet = await readWorkbookRows(lastFile(5001)?.data ?? Buffer.alloc(0));
    const rows = sheet[0]?.rows ?? [];
    expect(rows[0]?.[0]).toBe("Оценка: Министерство, октябрь 2026");
    for (const indicator of engine.indicators) {
      const number = V2026.indicators.find((d) => d.id === indicator.id)?.number;
      expect(rows.find((r) => r[0] === number)?.[4], indicator.id).toBe(
        pointsToNumber(indicator.points),
      );
    }
    expect(JSON.stringify(rows)).not.toMatch(/p\d\.t\d/);
    expect(rows.at(-1)?.slice(3, 5)).toEqual(["Итого", pointsToNumber(engine.total)]);

    await user.command("export");
    await user.waitFor("Что выгрузить?");
    await user.press("📑 Ежемесячные отчёты (прил. 5 и 6)");
    await user.waitFor(/выберите период/);
    await user.press("октябрь");
    await user.waitFor(/Формат файла/);
    await user.press("CSV");
    await user.waitFor((m) => fileNameOf(m) === "appendix6-2026-10.csv");
    const [appendix5, appendix6] = filesTo(5001).slice(-2);
    expect(appendix5?.filename).toBe("appendix5-2026-10.csv");
    expect(parseCsv(appendix5?.data?.toString("utf8") ?? "")).toHaveLength(1 + 5);
    expect(parseCsv(appendix6?.data?.toString("utf8") ?? "")[1]?.slice(4, 10)).toEqual([
      "Адалдық — жол",
      "Молодёжь",
      "150",
      "Да",
      "https://t.me/adaldyq/1\nhttps://instagram.com/p/1",
      "700",
    ]);

    await user.command("export");
    await user.waitFor("Что выгрузить?");
    await user.press("🏆 Рейтинг");
    await user.waitFor(/выберите период/);
    await user.press("2026 год");
    await user.waitFor(/Формат файла/);
    await user.press("Excel (.xlsx)");
    await user.waitFor((m) => fileNameOf(m) === "leaderboard-regional-2026.xlsx");
    const central = filesTo(5001).at(-2);
    const board = (await readWorkbookRows(central?.data ?? Buffer.alloc(0)))[0]?.rows ?? [];
    // Not reviewed yet: all of its points are marked as such.
    const total = pointsToNumber(engine.total);
    expect(board[2]?.slice(0, 4)).toEqual([1, "Министерство", total, total]);
    expect(board[3]?.slice(0, 4)).toEqual([2, "Головной орган", 0, null]);
  });

  it("exports from the command line with the same numbers", async () => {
    expect(await bot().stop()).toBe(0);
    const out = join(bot().dataDir, "scores.xlsx");
    const result = await runCli(
      [
        "src/cli/export.ts",
        "scores",
        "--period",
        "2026-10",
        "--body",
        "SEED",
        "--format",
        "xlsx",
        "--out",
        out,
      ],
      databaseUrlOf(bot().dataDir),
    );
    expect(result).toMatchObject({ code: 0, stdout: `${out}\n` });
    const rows = (await readWorkbookRows(readFileSync(out)))[0]?.rows ?? [];
    expect(rows.find((r) => r[0] === "4.2.3")?.[4]).toBe(8);
  });

  it("imports from the command line all or nothing, through npm run admin -- import too", async () => {
    const good = join(bot().dataDir, "bodies.csv");
    writeFileSync(good, bodiesCsv(200));
    const again = await runCli(["src/cli/admin.ts", "import", good], databaseUrlOf(bot().dataDir));
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain("ничего не изменилось");
    const bad = join(bot().dataDir, "bad.csv");
    writeFileSync(
      bad,
      bodiesCsv(3, (row, i) =>
        i === 2 ? [...row.slice(0, 3), "федеральный", ...row.slice(4)] : row,
      ),
    );
    const refused = await runCli(
      ["src/cli/import.ts", bad, "--lang", "kk"],
      databaseUrlOf(bot().dataDir),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("4-жол, «Орган түрі» бағаны (D4): «федеральный» орган түрі");
  });
});

/** The name of the document a bot message carries (the emulator keeps what the bot sent). */
function fileNameOf(message: BotMessage): string | undefined {
  return (message.raw.document as { file_name?: string } | undefined)?.file_name;
}

function runCli(
  [entry = "", ...args]: string[],
  databaseUrl: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...nodeArgsFor(entry), ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}
