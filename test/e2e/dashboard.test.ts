// The dashboard Mini App in a real headless Chromium against the real bot process: figures equal to
// the scoring engine's and the stored scores, both languages, the print view on one A4 page, and
// refusals of forged, expired and out-of-scope requests. Screenshots go to test-output/screenshots.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories } from "../../src/db/index.ts";
import { formatPoints } from "../../src/domain/points.ts";
import { periodKeysWithin } from "../../src/services/body-scores.ts";
import { rankBodiesOfKind } from "../../src/services/leaderboard.ts";
import { BotProcess } from "../support/bot-process.ts";
import { launchChromium } from "../support/browser.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { findFreePort } from "../support/free-port.ts";
import { initDataFor, signInitData } from "../support/init-data.ts";
import { runScoreCommand } from "../support/score-command.ts";
import { SCREENSHOT_DIR, saveScreenshot } from "../support/screenshots.ts";
import { seedDatabase } from "../support/seed.ts";
import { monthlyReport } from "../unit/services/fixtures.ts";
import { FAKE_NOW, NOW, seedManagerWorld, submitScored } from "./manager-admin-seed.ts";

type Values = Record<string, unknown>;

const CITY_SEPTEMBER = { explanatory: 1, views: 200 };
const OBL_QUARTER = { "p4.t1.s1": { held: true, districts: 20, districtsNotHeld: 2 } };
const OBL_ANNUAL_2025: Values = {
  "p1.t1.s1": true,
  "p1.t3.risks": { identified: 4, eliminated: 3, completed: 1 },
  "p2.t1.s1": { administrative: 1, criminal: 2 },
  "p3.t3.s1": 1,
  "p4.t2.s1": { headcount: 400, trained: 18 },
};

/** What the seed leaves for the assertions: ids and the stored sums, read before the bot owns the database. */
interface World {
  ids: Record<"OBL" | "CITY" | "DIST" | "OTHER", number>;
  stored: Record<string, number>;
  cityRank: number;
  monthValues: Record<string, Values>;
}

async function seedDashboardWorld(repos: Repositories): Promise<World> {
  const world = await seedManagerWorld(repos);
  const september = new Date("2026-10-03T05:00:00Z");
  // The region itself: September on time, October late, the third quarter's commission, 2025's annual report.
  const obl = world.parent.id;
  const author = world.manager.id;
  await submitScored(
    repos,
    monthlyReport(obl, author, "2026-09", { at: september, explanatory: 4 }),
  );
  await submitScored(
    repos,
    monthlyReport(obl, author, "2026-10", { at: NOW, late: true, explanatory: 3 }),
  );
  await submitScored(repos, {
    bodyId: obl,
    kind: "quarterly",
    periodKey: "2026-Q3",
    authorUserId: author,
    values: OBL_QUARTER,
    late: false,
    at: september,
  });
  await submitScored(repos, {
    bodyId: obl,
    kind: "annual",
    periodKey: "2025",
    authorUserId: author,
    values: OBL_ANNUAL_2025,
    late: false,
    at: new Date("2026-01-10T05:00:00Z"),
  });
  await submitScored(
    repos,
    monthlyReport(world.child.id, world.cityCommissioner.id, "2026-09", {
      at: september,
      ...CITY_SEPTEMBER,
    }),
  );
  const stored: Record<string, number> = {};
  for (const [code, body] of [
    ["OBL", world.parent],
    ["CITY", world.child],
    ["OTHER", world.sibling],
  ] as const) {
    for (const period of ["2026-10", "2026-09", "2026-Q3", "2026", "2025", "2025-10"]) {
      const rows = await repos.scores.listScores({
        periodKeys: periodKeysWithin(period),
        bodyId: body.id,
      });
      stored[`${code} ${period}`] = rows
        .filter((r) => r.applicable)
        .reduce((sum, r) => sum + r.points, 0);
    }
  }
  const ranked = await rankBodiesOfKind(repos, "regional", "2026-10");
  return {
    ids: {
      OBL: obl,
      CITY: world.child.id,
      DIST: world.grandchild.id,
      OTHER: world.sibling.id,
    },
    stored,
    cityRank: ranked.find((line) => line.body.id === world.child.id)?.rank ?? -1,
    monthValues: {
      "CITY 2026-10": monthlyReport(world.child.id, 0, "2026-10", { at: NOW, explanatory: 2 })
        .values,
      "OBL 2026-09": monthlyReport(obl, 0, "2026-09", { at: september, explanatory: 4 }).values,
    },
  };
}

/** The engine's points (hundredths) for a scorecard, indicator by indicator, from `npm run score`. */
function engine(values: Record<string, unknown>): Record<string, number> {
  const result = runScoreCommand(
    ["-"],
    JSON.stringify({ bodyKind: "regional", p1Exempt: false, values }),
  );
  expect(result.code, result.stderr).toBe(0);
  const output = JSON.parse(result.stdout) as {
    total: number;
    indicators: Record<string, { points: number; applicable: boolean }>;
  };
  return {
    total: Math.round(output.total * 100),
    ...Object.fromEntries(
      Object.entries(output.indicators).map(([id, s]) => [id, Math.round(s.points * 100)]),
    ),
  };
}

/** A monthly report's values as a scorecard's lists (one entry a month). */
function asMonthEntries(...months: Values[]): Values {
  const entries: Record<string, unknown[]> = {};
  for (const month of months)
    for (const [id, value] of Object.entries(month)) entries[id] = [...(entries[id] ?? []), value];
  return entries;
}

const sumOf = (points: Record<string, number>, ids: string[]) =>
  ids.reduce((sum, id) => sum + (points[id] ?? 0), 0);
const MONTHLY = ["p4.t2.s3", "p4.t2.s4", "p4.t3.s1"];

/** Counts the pages of a PDF (its /Type /Page objects). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe("the dashboard Mini App", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let base: string;
  let world: World;

  const initData = (id: number, at = NOW, lang = "ru") =>
    initDataFor({ id, languageCode: lang }, emulator.token, at);
  const pageUrl = (query: string, data: string) =>
    `${base}?${query}#tgWebAppData=${encodeURIComponent(data)}&tgWebAppVersion=8.0&tgWebAppPlatform=android`;

  async function openPage(query: string, data: string, page?: Page): Promise<Page> {
    const tab = page ?? (await browser.context.newPage());
    await tab.goto(pageUrl(query, data));
    await tab.waitForSelector(
      "#app[data-state=ready] .view[data-ready=true], #app[data-state=error]",
    );
    return tab;
  }

  const api = (path: string, authorization?: string) =>
    fetch(`${base}api/${path}`, authorization ? { headers: { authorization } } : {});

  beforeAll(async () => {
    emulator = await startEmulator();
    const port = await findFreePort();
    base = `http://127.0.0.1:${port}/dashboard/`;
    bot = new BotProcess({
      emulator,
      env: {
        FAKE_NOW,
        NODE_ENV: "test",
        LOG_LEVEL: "info",
        RATE_LIMIT_UPDATES: "0",
        HTTP_PORT: String(port),
        DASHBOARD_URL: base,
      },
    });
    world = await seedDatabase(bot.dataDir, seedDashboardWorld);
    await bot.start();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.dispose();
    await emulator?.stop();
  });

  it("opens for a manager with Telegram's signed initData and shows the region's figures", async () => {
    const page = await openPage("", initData(3001));
    expect(await page.locator("h1").textContent()).toBe("Акимат OBL");
    expect(await page.locator("[data-period-label]").textContent()).toBe("октябрь 2026");
    const total = await page.locator("[data-total]").getAttribute("data-total");
    expect(Number(total)).toBe(world.stored["OBL 2026-10"]);
    // The engine scores the same October report to the same points.
    const obl = engine(
      asMonthEntries(monthlyReport(0, 0, "2026-10", { at: NOW, explanatory: 3 }).values),
    );
    expect(Number(total)).toBe(sumOf(obl, MONTHLY));
    expect(await page.locator(".big").textContent()).toBe(formatPoints(sumOf(obl, MONTHLY)));
    // Its subordinate side by side; the late October report is named; DIST sent nothing.
    expect(await page.locator(`[data-subordinate="${world.ids.CITY}"]`).textContent()).toContain(
      "Акимат CITY",
    );
    const reporting = await page.locator(".reporting").textContent();
    expect(reporting).toContain("Акимат DIST: ежемесячный отчёт за октябрь 2026 — не сдан");
    expect(reporting).toMatch(/Получено \d+ из \d+/);
    saveScreenshot("dashboard-phone-ru", await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it("drills down from a project to its indicators with what was reported, equal to the engine", async () => {
    const page = await openPage(`body=${world.ids.CITY}&period=2026-10`, initData(3001));
    const cityEngine = engine(asMonthEntries(world.monthValues["CITY 2026-10"]!));
    expect(Number(await page.locator("[data-total]").getAttribute("data-total"))).toBe(
      world.stored["CITY 2026-10"],
    );
    expect(world.stored["CITY 2026-10"]).toBe(sumOf(cityEngine, MONTHLY));
    expect(await page.locator(".total .rank").textContent()).toBe(
      `${world.cityRank}-е место из 4 среди местных исполнительных органов`,
    );
    await page.locator('[data-project="p4"] summary').click();
    const indicator = page.locator('[data-indicator="4.2.3"]');
    expect(await indicator.textContent()).toContain(
      `${formatPoints(cityEngine["p4.t2.s3"]!)} из 10`,
    );
    expect(await indicator.textContent()).toContain("Отчитано: 2 мероприятия");
    expect(await page.locator('[data-indicator="4.3.1"]').textContent()).toContain(
      "1 мероприятие; опубликовано; просмотров: 1500",
    );
    // Change against September, which the engine scores too.
    const september = engine(
      asMonthEntries(monthlyReport(0, 0, "2026-09", { at: NOW, ...CITY_SEPTEMBER }).values),
    );
    expect(await page.locator(".total .change").first().textContent()).toContain(
      `было ${formatPoints(sumOf(september, MONTHLY))} за сентябрь 2026`,
    );
    saveScreenshot("dashboard-drilldown-ru", await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it("adds a quarter's months and its quarterly report, and a year's annual report, as the engine does", async () => {
    const page = await openPage(`body=${world.ids.OBL}&period=2026-Q3`, initData(3001));
    const quarter = engine({
      ...asMonthEntries(world.monthValues["OBL 2026-09"]!),
      "p4.t1.s1": [OBL_QUARTER["p4.t1.s1"]],
    });
    const shown = Number(await page.locator("[data-total]").getAttribute("data-total"));
    expect(shown).toBe(world.stored["OBL 2026-Q3"]);
    expect(shown).toBe(sumOf(quarter, [...MONTHLY, "p4.t1.s1"]));
    expect(await page.locator("[data-period-label]").textContent()).toBe("III квартал 2026");
    await page.locator('[data-project="p4"] summary').click();
    expect(await page.locator('[data-indicator="4.1.1"]').textContent()).toContain(
      "заседание проведено; районов без заседания: 2 из 20",
    );

    await page.locator('[data-step="previous"]').click();
    await page.waitForSelector('.view[data-period="2026-Q2"][data-ready=true]');
    await page.locator('[data-unit="year"]').click();
    await page.waitForSelector('.view[data-period="2026"][data-ready=true]');
    await page.locator('[data-step="previous"]').click();
    await page.waitForSelector('.view[data-period="2025"][data-ready=true]');
    const year = engine(OBL_ANNUAL_2025);
    expect(Number(await page.locator("[data-total]").getAttribute("data-total"))).toBe(
      world.stored["OBL 2025"],
    );
    expect(world.stored["OBL 2025"]).toBe(year.total);
    await page.locator('[data-project="p1"] summary').click();
    // The risk counts are listed under sub-task 1.3.3, as the methodology writes them.
    const risks = page.locator('[data-project="p1"] li', { hasText: "выявлено 4" });
    expect(await risks.textContent()).toContain(
      "1.3.3 Выявленные, устранённые и доведённые до фактического завершения",
    );
    expect(await risks.textContent()).toContain(
      "выявлено 4, устранено 3, доведено до завершения 1",
    );
    saveScreenshot("dashboard-year-ru", await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it("switches to Kazakh and back, every word and number in the chosen language", async () => {
    const page = await openPage("", initData(3001));
    await page.locator('[data-lang="kk"]').click();
    await page.waitForSelector('.view[data-lang="kk"][data-ready=true]');
    expect(await page.locator("h1").textContent()).toBe("OBL әкімдігі");
    expect(await page.locator("[data-period-label]").textContent()).toBe("2026 ж. қазан");
    expect(await page.locator(".total h2").textContent()).toBe("Жалпы балл");
    expect(await page.locator(".total .rank").textContent()).toMatch(
      /^Жергілікті атқарушы органдар арасында 4 органның ішінде \d-орын$/,
    );
    const text = (await page.locator("#app").textContent()) ?? "";
    expect(text).not.toMatch(/p\d\.t\d/);
    expect(text).not.toMatch(/Получено|мероприят/);
    expect(Number(await page.locator("[data-total]").getAttribute("data-total"))).toBe(
      world.stored["OBL 2026-10"],
    );
    saveScreenshot("dashboard-phone-kk", await page.screenshot({ fullPage: true }));
    await page.locator('[data-lang="ru"]').click();
    await page.waitForSelector('.view[data-lang="ru"][data-ready=true]');
    expect(await page.locator(".total h2").textContent()).toBe("Всего баллов");
    await page.close();
  });

  it("prints on one A4 page", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 794, height: 1123 });
    await openPage("print=1", initData(3001), page);
    await page.emulateMedia({ media: "print" });
    saveScreenshot("dashboard-print-ru", await page.screenshot({ fullPage: true }));
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(SCREENSHOT_DIR, "dashboard-print-ru.pdf"), pdf);
    expect(pdfPages(pdf)).toBe(1);
    await page.close();
  });

  it("refuses forged, expired and missing initData with 401", async () => {
    const good = initData(3001);
    const forged = good.replace(/%22id%22%3A3001/, "%22id%22%3A3004");
    expect(forged).not.toBe(good);
    const otherBot = initDataFor({ id: 3001 }, "654321:OTHER-BOT", NOW);
    const expired = initData(3001, new Date(NOW.getTime() - 2 * 24 * 3600 * 1000));
    const unsignedUser = signInitData(
      { auth_date: String(Math.floor(NOW.getTime() / 1000)) },
      emulator.token,
    );
    for (const data of [forged, otherBot, expired, unsignedUser]) {
      const response = await api("session", `tma ${data}`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toBe("unauthorized");
    }
    expect((await api("session")).status).toBe(401);
    expect((await api(`body/${world.ids.OBL}`)).status).toBe(401);
    const page = await openPage("", expired);
    expect(await page.locator("[data-error]").getAttribute("data-error")).toBe("unauthorized");
    expect(await page.locator("[data-error]").textContent()).toContain("Сессия устарела");
    await page.close();
  });

  it("refuses a body outside the manager's scope, and people who are not managers, with 403", async () => {
    const manager = `tma ${initData(3001)}`;
    expect((await api(`body/${world.ids.OTHER}?period=2026-10`, manager)).status).toBe(403);
    expect((await api(`body/${world.ids.DIST}?period=2026-10`, manager)).status).toBe(200);
    const commissioner = `tma ${initData(3002)}`;
    const refused = await api(`body/${world.ids.CITY}`, commissioner);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe("notAllowed");
    expect((await api("session", commissioner)).status).toBe(403);
    const page = await openPage(`body=${world.ids.OTHER}`, initData(3001));
    expect(await page.locator("[data-error]").getAttribute("data-error")).toBe("forbidden");
    saveScreenshot("dashboard-forbidden-ru", await page.screenshot());
    await page.close();
  });

  it("lets an admin start from the top-level bodies and see any of them, points under review marked", async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl("", initData(3004)));
    await page.waitForSelector("#app[data-state=ready] .roots");
    expect(await page.locator(".roots").textContent()).toContain("Акимат OTHER");
    await page.locator(".roots button", { hasText: "Акимат OTHER" }).click();
    await page.waitForSelector(".view[data-ready=true]");
    expect(Number(await page.locator("[data-total]").getAttribute("data-total"))).toBe(
      world.stored["OTHER 2026-10"],
    );
    expect(await page.locator(".total").textContent()).toContain(
      `из них ещё на проверке: ${formatPoints(world.stored["OTHER 2026-10"]!)}`,
    );
    await page.close();
  });

  it("opens from /score and the chat's menu button for managers only", async () => {
    const manager = emulator.user({ userId: 3001, languageCode: "ru" });
    await manager.command("score");
    const screen = await manager.waitFor(/Акимат OBL/);
    const markup = screen.raw.reply_markup as {
      inline_keyboard: { text: string; web_app?: { url: string } }[][];
    };
    const first = markup.inline_keyboard[0]?.[0];
    expect(first?.text).toBe("📊 Панель оценки");
    expect(first?.web_app?.url).toBe(`${base}?body=${world.ids.OBL}&period=2026-10`);
    expect(emulator.menuButtons.get(3001)).toMatchObject({
      type: "web_app",
      text: "Оценка",
      web_app: { url: base },
    });
    const commissioner = emulator.user({ userId: 3002, languageCode: "ru" });
    await commissioner.command("score");
    const own = await commissioner.waitFor(/Акимат CITY/);
    const buttons = (own.raw.reply_markup as { inline_keyboard: { web_app?: unknown }[][] })
      .inline_keyboard;
    expect(buttons.flat().some((b) => b.web_app)).toBe(false);
    expect(emulator.menuButtons.has(3002)).toBe(false);
  });

  it("serves a page with no secret in it and its script compressed", async () => {
    const html = await (await fetch(base)).text();
    expect(html).not.toContain(emulator.token);
    expect(html).toContain('<script type="module" src="app.js?v=');
    const script = await fetch(`${base}app.js`, { headers: { "accept-encoding": "gzip" } });
    expect(script.status).toBe(200);
    expect(await script.text()).not.toContain(emulator.token.split(":")[1]!);
    expect((await fetch(`${base.slice(0, -1)}`, { redirect: "manual" })).status).toBe(308);
  });
});

describe("the dashboard in webhook mode", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    const port = await findFreePort();
    base = `http://127.0.0.1:${port}/dashboard/`;
    bot = new BotProcess({
      emulator,
      env: {
        FAKE_NOW,
        NODE_ENV: "test",
        LOG_LEVEL: "info",
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
        WEBHOOK_SECRET: "dashboard",
        PORT: String(port),
        HOST: "127.0.0.1",
        DASHBOARD_URL: base,
      },
    });
    await seedDatabase(bot.dataDir, seedManagerWorld);
    await bot.start();
  });

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("serves the page and its API next to the webhook, checking initData the same way", async () => {
    expect((await fetch(base)).status).toBe(200);
    const data = initDataFor({ id: 3001 }, emulator.token, NOW);
    const session = await fetch(`${base}api/session`, {
      headers: { authorization: `tma ${data}` },
    });
    expect(session.status).toBe(200);
    expect(((await session.json()) as { role: string }).role).toBe("manager");
    const forged = data.replace("3001", "3004");
    expect(
      (await fetch(`${base}api/session`, { headers: { authorization: `tma ${forged}` } })).status,
    ).toBe(401);
    // The webhook path is still the webhook's.
    expect((await fetch(`http://127.0.0.1:${new URL(base).port}/telegram/hook`)).status).toBe(405);
  });
});
