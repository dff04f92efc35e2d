import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { METHODOLOGY_DIR } from "../../src/methodology/load.ts";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import { fileIndicator } from "../support/methodology.ts";
import { seedDatabase } from "../support/seed.ts";
import { monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";
import { FAKE_NOW, NOW, submitScored } from "./manager-admin-seed.ts";

const ADMIN_RU = 7101;
const ADMIN_KK = 7102;
const COMMISSIONER = 7103;

// biome-ignore lint/suspicious/noExplicitAny: the file's plain data, edited freely.
type File = any;

/** A version file as a methodologist writes it: 2026.1 copied, its id and period changed, edited. */
function versionFile(id: string, appliesFrom: string, edit: (file: File) => void = () => {}) {
  const file = parse(readFileSync(join(METHODOLOGY_DIR, "2026.1.yaml"), "utf8"));
  file.id = id;
  file.appliesFrom = appliesFrom;
  edit(file);
  return { filename: `${id}.yaml`, data: Buffer.from(stringify(file)) };
}

// Next year: an explanatory event is worth 3 points instead of 2.
const next = versionFile("2027.1", "2027", (file) => {
  fileIndicator(file, "p4.t2.s3").rule.perItem = 3;
});

describe("loading a methodology version from the bot", () => {
  const { emulator, bot, user } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    seed: async (repos) => {
      const bodies = await seedBodies(repos);
      await seedPerson(repos, ADMIN_RU, "admin", null);
      await seedPerson(repos, ADMIN_KK, "admin", null, "kk");
      const author = await seedPerson(repos, COMMISSIONER, "commissioner", bodies.child.id);
      // October 2026 is scored: no new version may take it over.
      await submitScored(
        repos,
        monthlyReport(bodies.child.id, author.id, "2026-10", { at: NOW, explanatory: 2 }),
      );
    },
  });

  it("checks a file, names each problem's place, refuses one that would rescore October, shows the difference and activates it once confirmed", async () => {
    const admin = user(ADMIN_RU, "ru");
    await admin.command("methodology");
    const ask = await admin.waitFor(/Загрузка новой версии методики/);
    expect(ask.text).toContain("• 2026.1 — 2025 год");

    await admin.sendDocument(
      versionFile("2027.1", "2027", (file) => {
        fileIndicator(file, "p1.t1.s3").rule.perStep = 0.333;
        fileIndicator(file, "p1.t1.s1").shortTitle.ru = "я".repeat(41);
      }),
    );
    const refused = await admin.waitFor(/Файл не принят/);
    expect(refused.text.split("\n")).toEqual([
      "❌ Файл не принят, ошибок: 2. Место каждой ошибки указано в файле:",
      "• projects[0].tasks[0].indicators[0].shortTitle.ru: слишком длинно: не больше 40 символов",
      "• projects[0].tasks[0].indicators[2].rule.perStep: не больше двух знаков после точки: баллы считаются в сотых (например 0.25)",
    ]);
    await admin.waitFor(/Исправьте файл и отправьте его снова/);

    await admin.sendDocument(versionFile("2026.2", "2026-07"));
    // October was reported; the nightly job scored the missed reports before it too.
    const rescores = await admin.waitFor(/Версия 2026\.2 не принята/);
    expect(rescores.text).toMatch(
      /^❌ Версия 2026\.2 не принята: она изменила бы уже оценённые периоды \(III квартал 2026, .*октябрь 2026\)\. Укажите в appliesFrom период, за который ещё нет баллов\.$/,
    );

    await admin.sendDocument(next);
    const diff = await admin.waitFor(/Методика 2027\.1/);
    expect(diff.text.split("\n")).toEqual([
      "Методика 2027.1 (оценивает с периода «2027 год») по сравнению с 2026.1 (с периода «2025 год»)",
      "",
      "Изменены индикаторы оценки (1):",
      "• 4.2.3 «Ежемесячные обучающие мероприятия»",
      "  – за каждую единицу: 2 → 3",
      "",
      "Без изменений индикаторов оценки: 39.",
    ]);
    await admin.waitFor(
      "Включить версию 2027.1? Она будет оценивать периоды с «2027 год» вместо 2026.1; уже оценённое не изменится.",
    );
    await admin.press("✅ Включить версию");
    await admin.waitFor(
      "✅ Версия 2027.1 включена: периоды с «2027 год» оцениваются по ней. Запись добавлена в журнал действий.",
    );

    await admin.command("methodology");
    const again = await admin.waitFor(/Загрузка новой версии методики/);
    expect(again.text).toContain("• 2026.1 — 2025 год\n• 2027.1 — 2027 год");
    await admin.press("✖ Отмена");
    await admin.waitFor("Загрузка методики отменена, ничего не изменилось.");
  }, 120_000);

  it("speaks Kazakh to a Kazakh admin: the difference, a taken id, and cancel", async () => {
    const admin = user(ADMIN_KK, "kk");
    await admin.command("methodology");
    await admin.waitFor(/Әдістеменің жаңа нұсқасын жүктеу/);
    await admin.sendDocument(next);
    await admin.waitFor(
      "❌ 2027.1 нұсқасы бұрыннан бар. Жаңа нұсқаға басқа id беріңіз (мысалы, келесі нөмір).",
    );
    await admin.sendDocument(
      versionFile("2028.1", "2028", (file) => {
        fileIndicator(file, "p4.t2.s4").cap = 12;
      }),
    );
    const diff = await admin.waitFor(/2028\.1 әдістемесі/);
    expect(diff.text).toContain(
      "2028.1 әдістемесі («2028 жыл» кезеңінен бастап бағалайды) 2027.1 нұсқасымен («2027 жыл» кезеңінен) салыстырғанда",
    );
    expect(diff.text).toContain(
      "Өзгерген бағалау индикаторлары (2):\n• 4.2.3 «Ай сайынғы түсіндіру іс-шаралары»\n  – әрбір бірлік үшін: 3 → 2",
    );
    expect(diff.text).toContain("• 4.2.4 «Профилактикалық жұмыс»\n  – есеп үшін шегі: 10 → 12");
    await admin.waitFor(/2028\.1 нұсқасын қосу керек пе\?/);
    await admin.send("иә");
    await admin.waitFor("«Нұсқаны қосу» немесе «Болдырмау» батырмасын басыңыз.");
    await admin.press("✖ Болдырмау");
    await admin.waitFor("Әдістемені жүктеу болдырылмады, ештеңе өзгерген жоқ.");
  }, 120_000);

  it("lets no one but an admin in, and no admin outside a private chat", async () => {
    const commissioner = user(COMMISSIONER, "ru");
    await commissioner.command("methodology");
    await commissioner.waitFor("Это действие недоступно для вашей роли.");
    const inGroup = emulator().user({
      userId: ADMIN_RU,
      chatId: -5001,
      group: true,
      languageCode: "ru",
    });
    await inGroup.command("methodology");
    await inGroup.waitFor("Новую версию методики загружают только в личном чате с ботом.");
  });

  it("stored the version with its audit line and kept October's scores, and loads it at the next start", async () => {
    await bot().stop();
    const stored = await seedDatabase(bot().dataDir, async (repos) => ({
      uploads: await repos.methodology.listUploads(),
      audit: await repos.audit.list({ limit: 5 }),
      october: await repos.scores.listScores({ periodKeys: ["2026-10"] }),
    }));
    expect(stored.uploads.map((u) => [u.versionId, u.appliesFrom, u.fileName])).toEqual([
      ["2027.1", "2027", "2027.1.yaml"],
    ]);
    expect(stored.uploads[0]?.source).toBe(next.data.toString("utf8"));
    expect(stored.audit.find((a) => a.action === "methodology.activate")).toMatchObject({
      target: "methodology:2027.1",
      details: { version: "2027.1", appliesFrom: "2027", replaces: "2026.1", file: "2027.1.yaml" },
    });
    expect(stored.october.length).toBeGreaterThan(0);
    expect(stored.october.every((s) => s.methodologyVersion === "2026.1")).toBe(true);

    await bot().start();
    const started = bot().lines.findLast((line) => line.msg === "methodology loaded");
    expect(started?.versions).toEqual(["2026.1", "2027.1"]);
  }, 120_000);
});
