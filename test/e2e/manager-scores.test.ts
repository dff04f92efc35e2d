import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import { FAKE_NOW, seedManagerWorld } from "./manager-admin-seed.ts";

describe("managers: scores at a glance", () => {
  const { emulator, user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    seed: seedManagerWorld,
    waitForCatchUp: true,
  });

  it("shows a manager their body's points, and a subordinate's with a drill-down edited in place", async () => {
    const manager = user(3001, "ru");
    await manager.command("score");
    const own = await manager.waitFor(/Акимат OBL/);
    expect(own.text).toContain("Баллы: октябрь 2026 · IV квартал 2026 · с начала 2026 года");
    // OBL sent nothing: "not reported", never a zero score.
    expect(own.text).toContain("Итого: — · — · —\n«—» — отчётов за период не получено");
    expect(own.text).toContain(
      "Ежемесячный отчёт за октябрь 2026: ⛔ не сдан\nГодовой отчёт за 2025 год: ⛔ не сдан",
    );
    expect(own.text).toContain(
      "Получено отчётов: за месяц 0 из 1 · за квартал 0 из 1 · с начала года 0 из 13, в срок — 0",
    );
    expect(own.text).toContain("⛔ Не сданы ежемесячные отчёты: январь 2026, февраль 2026,");
    expect(own.text).toMatch(/сентябрь 2026, октябрь 2026\n/);

    await manager.press("🏛 Другие органы");
    const picker = await manager.waitFor(/Выберите орган/);
    expect(picker.keyboard?.flat().map((b) => b.text)).toEqual([
      "Акимат OBL",
      "Акимат CITY",
      "Акимат DIST",
    ]);

    await manager.press("Акимат CITY");
    const city = await manager.waitFor(/Акимат CITY/);
    // 2 explanatory events (4), a preventive talk (1) and propaganda with 1500 views (20).
    expect(city.text).toContain("4. Формирование антикоррупционной культуры: 25 · 25 · 25");
    expect(city.text).toContain("Итого: 25 · 25 · 25");
    expect(city.text).toContain("Ежемесячный отчёт за октябрь 2026: ✅ принят");
    expect(city.edited).toBe(true);

    await manager.press(/^4\. /);
    const project = await manager.waitFor((m) => m.text.includes("4.2 ") && m.edited === true);
    expect(project.text).toMatch(/4\. .*: 25 · 25 · 25/);
    await manager.press(/^4\.2 /);
    const task = await manager.waitFor(/4\.2\.3 /);
    expect(task.text).toMatch(/4 · 4 · 4 \(макс\. 10 в месяц\)/);
    await manager.press("4.2.3");
    const indicator = await manager.waitFor(/Ежемесячный индикатор оценки/);
    expect(indicator.text).toContain("октябрь 2026: 4");
    expect(indicator.text).toContain("(макс. 10 в месяц)");
    await manager.press("⬅ Назад");
    await manager.waitFor(/4\.2\.3 /);
    // A reading the texts leave open is shown as the rulebook's decision, not the methodology's.
    await manager.press("⬅ Назад");
    await manager.waitFor((m) => m.text.includes("4.3 ") && m.edited === true);
    await manager.press(/^4\.3 /);
    await manager.waitFor(/4\.3\.1 /);
    await manager.press("4.3.1");
    const propaganda = await manager.waitFor(/Так решили правила подсчёта/);
    expect(propaganda.text).toContain(
      "Так решили правила подсчёта — в текстах методики об этом не сказано:\n• Оценивается помесячно, с ежемесячным отчётом",
    );
  });

  it("refuses a manager another body's data, and a commissioner their parent body's", async () => {
    const manager = user(3001, "ru");
    await manager.command("score", "OTHER");
    await manager.waitFor("Данные этого органа вам недоступны.");

    const commissioner = user(3002, "ru");
    await commissioner.command("score", "OBL");
    await commissioner.waitFor("Данные этого органа вам недоступны.");
    await commissioner.command("score");
    const own = await commissioner.waitFor(/Акимат CITY/);
    // The author sees their report accepted.
    expect(own.text).toContain("Ежемесячный отчёт за октябрь 2026: ✅ принят");
    expect(own.keyboard?.flat().some((b) => b.text.includes("Другие органы"))).toBe(false);
  });

  it("ranks bodies of the manager's kind with theirs highlighted and unreviewed points marked", async () => {
    const manager = user(3001, "ru");
    await manager.command("leaderboard");
    const board = await manager.waitFor(/Рейтинг: Местные исполнительные органы/);
    const lines = board.text.split("\n");
    // OTHER: 5 events reach the cap (10), + 1 + 20; still waiting for review.
    expect(lines).toContain("1. Акимат OTHER — 31 (на проверке: 31) · 📥 1/1");
    expect(lines).toContain("2. Акимат CITY — 25 · 📥 1/1");
    // Nothing sent: "not reported", never a zero score.
    expect(lines).toContain("👉 3. Акимат OBL — не отчитался · 📥 0/1 — ваш орган");
    expect(lines).toContain("3. Акимат DIST — не отчитался · 📥 0/1");
    await manager.press("С начала года");
    const year = await manager.waitFor(/С начала 2026 года/);
    expect(year.edited).toBe(true);
  });

  it("does not let a commissioner call admin commands", async () => {
    const commissioner = user(3002, "ru");
    for (const command of ["review", "import", "export", "users", "audit"]) {
      await commissioner.command(command);
      await commissioner.waitFor("Это действие недоступно для вашей роли.");
    }
    expect(emulator().sentFiles.filter((f) => f.chatId === 3002)).toEqual([]);
  });
});
