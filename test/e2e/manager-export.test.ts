import { describe, expect, it } from "vitest";
import { readWorkbookRows } from "../../src/documents/read-workbook.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { BotMessage } from "../support/emulator.ts";
import { seedPerson } from "../unit/services/fixtures.ts";
import { FAKE_NOW, seedManagerWorld } from "./manager-admin-seed.ts";

const buttons = (message: BotMessage) => message.keyboard?.flat().map((b) => b.text) ?? [];
const fileNameOf = (message: BotMessage) =>
  (message.raw.document as { file_name?: string } | undefined)?.file_name;

describe("managers: exporting their own body and the bodies below it", () => {
  const { emulator, user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    seed: async (repos) => {
      const world = await seedManagerWorld(repos);
      await seedPerson(repos, 3005, "manager", world.child.id, "kk");
    },
    waitForCatchUp: true,
  });

  const filesOf = (chatId: number) => emulator().sentFiles.filter((f) => f.chatId === chatId);

  it("offers a manager their bodies' score sheets, without ids, and refuses another body", async () => {
    const manager = user(3001, "ru");
    await manager.command("export");
    const kinds = await manager.waitFor("Что выгрузить?");
    expect(buttons(kinds)).toEqual([
      "📑 Ежемесячные отчёты (прил. 5 и 6)",
      "📊 Оценка органа",
      "🏆 Рейтинг",
      "📋 Сдача отчётов (получено, в срок)",
    ]);
    await manager.press("📊 Оценка органа");
    await manager.waitFor(/Оценка органа: выберите период \(2026 год\)/);
    await manager.press("октябрь");
    const picker = await manager.waitFor(/Выберите орган/);
    expect(buttons(picker)).toEqual(["Акимат OBL", "Акимат CITY", "Акимат DIST", "⬅ Назад"]);
    await manager.press("Акимат CITY");
    await manager.waitFor(/Формат файла/);
    await manager.press("Excel (.xlsx)");
    await manager.waitFor((m) => fileNameOf(m) === "score-sheet-CITY-2026-10.xlsx");
    const [sheet] = await readWorkbookRows(filesOf(3001).at(-1)?.data ?? Buffer.alloc(0));
    expect(sheet?.rows[0]?.[0]).toBe("Оценка: Акимат CITY, октябрь 2026");
    // 2 explanatory events: 4 of at most 10.
    expect(sheet?.rows.find((r) => r[0] === "4.2.3")?.slice(4, 6)).toEqual([4, 10]);
    expect(JSON.stringify(sheet?.rows)).not.toMatch(/p\d\.t\d/);

    await manager.command("export", "OTHER");
    await manager.waitFor("Этот орган вне вашего ведения.");
  });

  it("exports Appendices 5 and 6 of the manager's bodies only", async () => {
    const manager = user(3001, "ru");
    await manager.command("export");
    await manager.waitFor("Что выгрузить?");
    await manager.press("📑 Ежемесячные отчёты (прил. 5 и 6)");
    await manager.waitFor(/выберите период/);
    await manager.press("IV квартал");
    await manager.waitFor(/Формат файла/);
    await manager.press("Excel (.xlsx)");
    await manager.waitFor((m) => fileNameOf(m) === "monthly-reports-2026-Q4.xlsx");
    const sheets = await readWorkbookRows(filesOf(3001).at(-1)?.data ?? Buffer.alloc(0));
    const bodies = new Set(sheets.flatMap((s) => s.rows.slice(2).map((r) => r[1])));
    expect([...bodies]).toEqual(["Акимат CITY"]);
  });

  it("gives a Kazakh-speaking manager reporting rates and the leaderboard of their kind", async () => {
    const manager = user(3005, "kk");
    await manager.command("export");
    await manager.waitFor("Не түсіреміз?");
    await manager.press("📋 Есептердің тапсырылуы (келіп түскені, мерзімінде)");
    await manager.waitFor(/кезеңді таңдаңыз \(2026 жыл\)/);
    await manager.press("қазан");
    await manager.waitFor(/Файл пішімі/);
    await manager.press("Excel (.xlsx)");
    await manager.waitFor((m) => fileNameOf(m) === "reporting-2026-10.xlsx");
    const [perBody, perRegion] = await readWorkbookRows(
      filesOf(3005).at(-1)?.data ?? Buffer.alloc(0),
    );
    expect(perBody?.rows[0]?.[0]).toBe("Есептердің тапсырылуы органдар бойынша, 2026 ж. қазан");
    // body, region, expected, received, on time … note
    expect(perBody?.rows.slice(2).map((r) => [r[0], r[2], r[3], r[4], r[10]])).toEqual([
      ["CITY әкімдігі", 1, 1, 1, null],
      ["DIST әкімдігі", 1, 0, 0, "есеп бермеді"],
    ]);
    expect(perRegion?.rows.slice(2)).toEqual([
      ["өңірі көрсетілмеген", "2026 ж. қазан", 2, 1, 1, 0, 0, 1, 50, 50],
    ]);

    await manager.command("export");
    await manager.waitFor("Не түсіреміз?");
    await manager.press("🏆 Рейтинг");
    await manager.waitFor(/кезеңді таңдаңыз/);
    await manager.press("қазан");
    await manager.waitFor(/Файл пішімі/);
    await manager.press("Excel (.xlsx)");
    await manager.waitFor((m) => fileNameOf(m) === "leaderboard-regional-2026-10.xlsx");
    expect(filesOf(3005).map((f) => f.filename)).not.toContain("leaderboard-central-2026-10.xlsx");
  });

  it("tells a Kazakh-speaking manager in /score and /leaderboard what came, what was accepted and who did not report", async () => {
    const manager = user(3005, "kk");
    await manager.command("score");
    const own = await manager.waitFor(/CITY әкімдігі/);
    expect(own.text).toContain("2026 ж. қазан үшін ай сайынғы есеп: ✅ қабылданды");
    expect(own.text).toContain("Келіп түскен есептер: ай бойынша 1 ішінен 1 ·");
    await manager.command("leaderboard");
    const board = await manager.waitFor(/Рейтинг: Жергілікті атқарушы органдар/);
    expect(board.text).toContain("3. DIST әкімдігі — есеп бермеді · 📥 0/1");
    expect(board.text).toContain("👉 2. CITY әкімдігі — 25 · 📥 1/1 — сіздің органыңыз");
    expect(board.text).toContain("📥 — кезең бойынша күтілген есептердің ішінен келіп түскені;");
  });
});
