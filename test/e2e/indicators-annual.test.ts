import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueIndicators } from "../../src/services/indicators-report.ts";
import { BotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { V2026 } from "../support/methodology.ts";
import { seedBody, seedDatabase, seedUser } from "../support/seed.ts";
import { type Answer, LABELS, scoreWithCli, walkAndSummarize } from "./indicators-driver.ts";

// 10 January 2026, 10:00 in Almaty: the 2025 annual report is due on 15 January.
const FAKE_NOW = "2026-01-10T10:00:00+05:00";
const REGIONAL_OFFICER = 5101;
const CENTRAL_OFFICER = 5102;

const members = (
  kind: "subdivision" | "subordinate" | "quasiPublic" | "district",
  n: number,
  ru: string,
  kk: string,
) =>
  Array.from({ length: n }, (_, i) => {
    const no = String(i + 1).padStart(2, "0");
    return { kind, code: `${kind}-${no}`, nameRu: `${ru} ${no}`, nameKk: `${kk} ${no}` };
  });

const REGIONAL_PLAN: [string, Answer][] = [
  ["p1.t1.s1", { flag: true }],
  ["p1.t1.s2", { flag: false }],
  ["p1.t1.s3", { tick: "all" }],
  ["p1.t2.s1", { tick: ["Бөлімше 01", "Бөлімше 02", "Бөлімше 03"] }],
  ["p1.t2.s2", { tick: "none" }],
  ["p1.t2.s3", { flag: true }],
  ["p1.t3.s1", { flag: true }],
  ["p1.t3.s2", { tick: "all" }],
  ["p1.t3.s3", { tick: ["Бөлімше 05", "Бөлімше 06"] }],
  ["p1.t3.risks", { numbers: [4, 3, 1] }],
  ["p1.t4.s1", { tick: "all" }],
  ["p1.t5.s1", { typed: "6" }],
  ["p2.t1.s1", { numbers: [1, 2] }],
  ["p2.t2.s1", { typed: "3" }],
  ["p2.t3.s1", { typed: "0" }],
  ["p2.t3.s2", { typed: "1" }],
  ["p2.t4.s1", { typed: "0" }],
  ["p2.t5.s1", { typed: "2" }],
  ["p2.t5.s2", { typed: "0" }],
  ["p2.t5.s3", { typed: "0" }],
  ["p2.t5.s4", { gifts: 0 }],
  ["p2.t5.s5", { typed: "0" }],
  ["p3.t1.s1", { tick: "all" }],
  ["p3.t2.s1", { tick: "all" }],
  ["p3.t2.s2", { tick: ["Ұйым 01"] }],
  ["p3.t2.s3", { tick: "all" }],
  ["p3.t2.s4", { tick: "none" }],
  ["p3.t2.s5", { tick: "all" }],
  ["p3.t2.s6", { tick: "all" }],
  ["p3.t2.s7", { tick: "all" }],
  ["p3.t2.s8", { tick: "all" }],
  ["p3.t2.s9", { tick: "all" }],
  ["p3.t3.s1", { typed: "1" }],
  ["p4.t1.s2", { tick: ["Аудан 01", "Аудан 02", "Аудан 03"] }],
  ["p4.t2.s1", { numbers: [400, 18] }],
  ["p4.t2.s2", { typed: "45/60" }],
];

const CENTRAL_PLAN: [string, Answer][] = REGIONAL_PLAN.filter(
  ([id]) => id !== "p1.t5.s1" && id !== "p4.t1.s2",
).map(([id, answer]): [string, Answer] => {
  // The central body's lists are in Russian and shorter.
  if (typeof answer === "object" && "tick" in answer && Array.isArray(answer.tick))
    return [id, { tick: [/^(p1\.t4|p3)/.test(id) ? "Организация 01" : "Подразделение 01"] }];
  return [id, answer];
});

describe("the annual indicators report", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  const shown: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = new BotProcess({
      emulator,
      env: { FAKE_NOW, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMIT_UPDATES: "0" },
    });
    await seedDatabase(bot.dataDir, async (repos) => {
      const region = await seedBody(repos, { code: "REG", kind: "regional" });
      await repos.directory.upsertDirectory([
        {
          code: "REG",
          kind: "regional",
          nameKk: region.nameKk,
          nameRu: region.nameRu,
          members: [
            ...members("subdivision", 23, "Подразделение", "Бөлімше"),
            ...members("subordinate", 2, "Нижестоящий орган", "Төмен тұрған орган"),
            ...members("quasiPublic", 3, "Организация", "Ұйым"),
            ...members("district", 4, "Район", "Аудан"),
          ],
        },
      ]);
      const central = await seedBody(repos, { code: "CEN", kind: "central" });
      for (const m of [
        ...members("subdivision", 5, "Подразделение", "Бөлімше"),
        ...members("quasiPublic", 2, "Организация", "Ұйым"),
        ...members("subordinate", 1, "Нижестоящий орган", "Төмен тұрған орган"),
      ])
        await repos.directory.addMember(central.id, m);
      await seedUser(repos, {
        telegramId: REGIONAL_OFFICER,
        role: "officer",
        bodyId: region.id,
        language: "kk",
      });
      await seedUser(repos, {
        telegramId: CENTRAL_OFFICER,
        role: "officer",
        bodyId: central.id,
        language: "ru",
      });
    });
    await bot.start();
  }, 120_000);

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("walks a regional body through its 36 annual indicators in Kazakh and submits", async () => {
    const labels = LABELS.kk;
    const user = emulator.user({ userId: REGIONAL_OFFICER, languageCode: "kk" });
    await user.command("indicators");
    await user.waitFor("Қай есепті толтырасыз?");
    await user.press("2025 жылғы жылдық есеп");
    await user.waitFor("2024 жылы органыңызда сыбайлас жемқорлық тәуекелдеріне сыртқы талдау");
    await user.press(labels.no);
    expect(REGIONAL_PLAN.map(([id]) => id)).toEqual(
      dueIndicators(V2026, "annual", "regional").map((d) => d.id),
    );
    shown.regional = await walkAndSummarize(user, REGIONAL_PLAN, labels);
    // 1.4.1 counts subordinate state bodies and quasi-public organisations together; project 3
    // the quasi-public organisations only.
    const saved = user.messages().map((m) => m.text);
    expect(saved.find((t) => t.startsWith("✓ 1.4.1:"))).toMatch(/^✓ 1\.4\.1: 5\D+5\D/);
    expect(saved.find((t) => t.startsWith("✓ 3.1.1:"))).toMatch(/^✓ 3\.1\.1: 3\D+3\D/);
    // Project 2 counts the facts the body found itself; 4.2.1 those who completed training.
    const screen = (n: string) => saved.find((t) => t.includes(`· ${n}\n`)) ?? "";
    expect(screen("2.3.1")).toContain(
      "мемлекеттік орган (квазимемлекеттік сектор субъектісі) дербес анықтады?",
    );
    expect(
      saved.some((t) =>
        t.includes("сыбайлас жемқорлыққа қарсы оқуды (курс немесе семинар) аяқтады?"),
      ),
    ).toBe(true);
    const summary = user.lastMessage()?.text ?? "";
    expect(summary).toContain("1-жоба.");
    expect(summary).toContain("шегерілді: −10 балл");
    await user.press(labels.submit);
    await user.waitFor(/жіберілді \(1-нұсқа\)/);
  }, 120_000);

  it("walks a central body through its annual indicators in Russian, never showing regional-only ones", async () => {
    const labels = LABELS.ru;
    const user = emulator.user({ userId: CENTRAL_OFFICER, languageCode: "ru" });
    await user.command("indicators");
    await user.waitFor("Какой отчёт заполняете?");
    // A central body has no quarterly indicators, so only the annual report is offered.
    expect(
      user
        .lastKeyboard()
        ?.flat()
        .map((b) => b.text),
    ).toEqual(["Годовой отчёт за 2025 год"]);
    await user.press("Годовой отчёт за 2025 год");
    await user.waitFor("Проводился ли в 2024 году внешний анализ");
    await user.press(labels.no);
    shown.central = await walkAndSummarize(user, CENTRAL_PLAN, labels);
    const texts = user.messages().map((m) => m.text);
    expect(texts.some((t) => t.includes("· 1.5.1\n") || t.includes("· 4.1.2\n"))).toBe(false);
    expect(texts.some((t) => t.includes("из 34 · 1.1.1\n"))).toBe(true);
    const screen = (n: string) => texts.find((t) => t.includes(`· ${n}\n`)) ?? "";
    expect(screen("2.5.1")).toContain("выявил самостоятельно? Выявленные другими");
    expect(
      texts.some((t) => t.includes("Сколько из них завершили антикоррупционное обучение")),
    ).toBe(true);
    await user.press(labels.submit);
    await user.waitFor(/отправлено \(версия 1\)/);
  }, 120_000);

  it("shows the same totals as `npm run score` on the stored values", async () => {
    await bot.stop();
    const stored = await seedDatabase(bot.dataDir, async (repos) => {
      const out: Record<string, { kind: string; values: unknown; meta: unknown }> = {};
      for (const code of ["REG", "CEN"]) {
        const body = await repos.directory.getBodyByCode(code);
        const current = body && (await repos.submissions.getCurrent(body.id, "annual", "2025"));
        out[code] = {
          kind: body?.kind ?? "",
          values: current?.version?.values,
          meta: current?.version?.meta,
        };
      }
      return out;
    });
    expect(stored.REG?.meta).toEqual({ p1Exempt: false });
    expect(stored.REG?.values).toMatchObject({
      "p1.t1.s3": { done: 23, total: 23 },
      "p1.t2.s1": { done: 3, total: 23 },
      "p1.t3.risks": { identified: 4, eliminated: 3, completed: 1 },
      "p4.t1.s2": { done: 3, total: 4 },
      "p4.t2.s2": { done: 45, total: 60 },
    });
    for (const [code, key] of [
      ["REG", "regional"],
      ["CEN", "central"],
    ] as const) {
      const card = { bodyKind: stored[code]?.kind, p1Exempt: false, values: stored[code]?.values };
      expect(scoreWithCli(card)).toBe(shown[key]);
    }
    await bot.start();
  }, 120_000);
});
