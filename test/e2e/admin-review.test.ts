import { describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import { seedDatabase } from "../support/seed.ts";
import { monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";
import { FAKE_NOW, NOW, submitScored } from "./manager-admin-seed.ts";

describe("admins: reviewing reports", () => {
  const { emulator, bot, user, seeded } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "debug", RATE_LIMIT_UPDATES: "0" },
    seed: async (repos) => {
      const { child } = await seedBodies(repos);
      const commissioner = await seedPerson(repos, 4002, "commissioner", child.id, "kk");
      await seedPerson(repos, 4001, "admin", null, "ru");
      await submitScored(repos, monthlyReport(child.id, commissioner.id, "2026-10", { at: NOW }));
      return { bodyId: child.id, commissionerId: commissioner.id };
    },
    waitForCatchUp: true,
  });

  const admin = () => user(4001, "ru");

  it("returns a report with a comment, accepts the correction, and keeps the whole history", async () => {
    const reviewer = admin();
    await reviewer.command("review");
    await reviewer.waitFor("📥 На проверке: 1");
    await reviewer.press(/Акимат CITY · ежемесячный отчёт · октябрь 2026 · версия 1/);
    const report = await reviewer.waitFor(/Версия 1/);
    expect(report.text).toContain("Акимат CITY — ежемесячный отчёт за октябрь 2026");
    expect(report.text).toMatch(/4\.2\.3 .*: 3 → 6 \/ 10/);
    expect(report.text).toContain(
      "1. 02.10.2026 · разъясняющее мероприятие · Конфликт интересов 1 · участников: 20",
    );
    expect(report.text).toContain("Подтверждения: файлов — 1, ссылок — 1");
    expect(report.text).toContain("Баллы по отчёту: 27");

    await reviewer.press("📎 Подтверждения");
    await reviewer.waitFor(/Ссылки:\nМероприятие 5: https:\/\/instagram\.com\/p\/1/);
    expect(emulator().sentFiles).toContainEqual(
      expect.objectContaining({
        method: "sendPhoto",
        chatId: 4001,
        reference: "photo-file-1",
        caption: "Мероприятие 1",
      }),
    );

    await reviewer.press("↩️ Вернуть");
    await reviewer.waitFor(/Напишите одним сообщением/);
    await reviewer.send("Добавьте фото с мероприятия 2");
    await reviewer.waitFor(
      "↩️ Возвращён на доработку: Акимат CITY — ежемесячный отчёт за октябрь 2026.",
    );

    const commissioner = user(4002, "kk");
    const notice = await commissioner.waitFor(/пысықтауға қайтарылды/);
    expect(notice.text).toBe(
      "↩️ CITY әкімдігі: 2026 ж. қазан үшін ай сайынғы есеп пысықтауға қайтарылды.\nПікір: Добавьте фото с мероприятия 2\nЕсепті түзетіп, қайта жіберіңіз.",
    );

    // The correction, as the monthly report conversation would submit it.
    await bot().stop();
    await seedDatabase(bot().dataDir, (repos) =>
      submitScored(
        repos,
        monthlyReport(seeded().bodyId, seeded().commissionerId, "2026-10", {
          at: new Date("2026-11-20T12:00:00Z"),
          explanatory: 4,
        }),
      ),
    );
    await bot().start();

    await reviewer.command("review");
    await reviewer.waitFor("📥 На проверке: 1");
    await reviewer.press(/версия 2/);
    const corrected = await reviewer.waitFor(/Версия 2/);
    expect(corrected.text).toContain("Баллы по отчёту: 29");
    await reviewer.press("✅ Принять");
    await reviewer.waitFor(
      "✅ Принят: Акимат CITY — ежемесячный отчёт за октябрь 2026. Автор получил уведомление.",
    );
    await commissioner.waitFor(
      "✅ CITY әкімдігі: 2026 ж. қазан үшін ай сайынғы есеп қабылданды. Есеп бойынша балл: 29.",
    );

    await reviewer.press("🕘 История");
    const history = await reviewer.waitFor(/История: Акимат CITY/);
    expect(history.text.split("\n").slice(2)).toEqual([
      expect.stringMatching(/^20\.11\.2026, \d\d:\d\d — версия 1, автор: Person 4002$/),
      expect.stringMatching(
        /— версия 1 возвращена \(Person 4001\): «Добавьте фото с мероприятия 2»$/,
      ),
      "20.11.2026, 17:00 — версия 2, автор: Person 4002",
      expect.stringMatching(/— версия 2 принята \(Person 4001\)$/),
    ]);

    await reviewer.command("review");
    await reviewer.waitFor("📥 На проверке: 0");
    await reviewer.command("audit");
    const audit = await reviewer.waitFor(/Журнал действий/);
    expect(audit.text).toMatch(
      /· Person 4001\nПринят ежемесячный отчёт: Акимат CITY, октябрь 2026, версия 2\./,
    );
    expect(audit.text).toMatch(
      /· Person 4001\nВозвращён на доработку ежемесячный отчёт: Акимат CITY, октябрь 2026, версия 1\. Комментарий: «Добавьте фото с мероприятия 2»\./,
    );
  });

  it("shows the leaderboard without unreviewed points once the report is accepted", async () => {
    const manager = user(4001, "ru");
    await manager.command("leaderboard");
    const board = await manager.waitFor(/Рейтинг: Центральные государственные органы/);
    expect(board.keyboard?.flat().map((b) => b.text)).toContain("Местные исполнительные органы");
    await manager.press("Местные исполнительные органы");
    const regional = await manager.waitFor(/Рейтинг: Местные исполнительные органы/);
    expect(regional.text).toContain("1. Акимат CITY — 29 · 📥 1/1\n");
  });
});
