// Issue 16 item 1: SIGKILLs at random moments and just after bot messages, while a commissioner
// fills in the monthly report the way a person would (answering whatever the bot shows last, and
// sending again when no answer comes). Every stored answer must be the one given to its question.
// One file per database (kill-loop-embedded, kill-loop-postgres), so the two loops, which spend
// most of their time waiting for restarts, run side by side.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import {
  createRepositories,
  migrateDatabase,
  openDatabase,
  type Repositories,
} from "../../src/db/index.ts";
import { BotProcess } from "../support/bot-process.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import type { BotMessage } from "../support/emulator.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { type PostgresServer, postgresAvailable, startPostgres } from "../support/postgres.ts";
import { databaseUrlOf, seedBody, seedUser } from "../support/seed.ts";

const FAKE_NOW = "2026-11-03T11:00:00+05:00";
const KILLS = 20;

// What the person means to report: every field differs from every other, so a shift shows.
const EXPLANATORY = [1, 2, 3].map((k) => ({
  date: `2026-10-0${k + 1}`,
  topic: `Тема ${k}`,
  participants: 10 + k,
}));
const PREVENTIVE = [1, 2].map((k) => ({ position: `Должность ${k}`, date: `2026-10-1${k}` }));
const PROPAGANDA = [1, 2].map((k) => ({
  date: `2026-10-2${k}`,
  topic: `Пропаганда ${k}`,
  audience: `Аудитория ${k}`,
  participants: 100 + k,
  links: k === 1 ? [`https://t.me/k/${k}`] : [],
  views: k === 1 ? 700 + k : null,
}));

type Action = { text: string } | { press: string } | "done";

/** How many lines "N. …" the screen's list holds. */
const listed = (text: string) => (text.match(/^\d+\. /gm) ?? []).length;
const day = (iso: string) => String(Number(iso.slice(8, 10)));
const numberIn = (text: string) => Number(/№(\d+)/.exec(text)?.[1] ?? "0") - 1;

/** What a person does on seeing this screen, from what it shows alone. */
function actionFor(screen: BotMessage): Action {
  const text = screen.text;
  const k = numberIn(text);
  if (/отправлен \(версия \d+\)/.test(text)) return "done";
  if (text.includes("За какой период?")) return { press: "октябрь 2026" };
  if (text.includes("проверьте перед отправкой")) return { press: "📤 Отправить отчёт" };
  if (text.includes("4/4")) return { press: "➡ Далее" };
  if (text.includes("1/4"))
    return listed(text) < EXPLANATORY.length ? { press: "➕ Добавить" } : { press: "✅ Готово" };
  if (text.includes("2/4"))
    return listed(text) < PREVENTIVE.length ? { press: "➕ Добавить" } : { press: "✅ Готово" };
  if (text.includes("3/4"))
    return listed(text) < PROPAGANDA.length ? { press: "➕ Добавить" } : { press: "✅ Готово" };
  if (text.includes("Должностное лицо")) {
    const talk = PREVENTIVE[k];
    if (!talk) throw new Error(`no official ${k + 1}: ${text}`);
    return text.includes("какую должность") ? { text: talk.position } : { text: day(talk.date) };
  }
  return eventAction(text, k);
}

/** Explanatory and propaganda questions share their wording; the part they belong to decides. */
let part: "explanatory" | "propaganda" = "explanatory";
function eventAction(text: string, k: number): Action {
  const e = part === "explanatory" ? EXPLANATORY[k] : PROPAGANDA[k];
  if (!e) throw new Error(`no ${part} event ${k + 1}: ${text}`);
  if (text.includes("когда оно прошло")) return { text: day(e.date) };
  if (text.includes("какая у него тема")) return { text: e.topic };
  if (text.includes("сколько человек участвовало")) return { text: String(e.participants) };
  const p = PROPAGANDA[k];
  if (!p) throw new Error(`no propaganda event ${k + 1}`);
  if (text.includes("для кого")) return { text: p.audience };
  if (text.includes("освещалось")) return { press: p.links.length > 0 ? "Да" : "Нет" };
  if (text.includes("Пришлите ещё или нажмите")) return { press: "✅ Готово" };
  if (text.includes("пришлите ссылки")) return { text: p.links.join("\n") };
  if (text.includes("просмотров набрали")) return { text: String(p.views ?? 0) };
  throw new Error(`no answer for: ${text}`);
}

/** The latest screen a person would act on: the last bot message that asks something. */
function latestScreen(user: EmulatedUser): BotMessage | undefined {
  return user
    .messages()
    .filter((m) => !m.text.startsWith("📎"))
    .at(-1);
}

async function fillWithKills(user: EmulatedUser, bot: BotProcess, seed: number): Promise<number> {
  let random = seed;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    return random / 2 ** 31;
  };
  let kills = 0;
  part = "explanatory";
  await user.command("report");
  await user.waitFor("За какой период?");
  for (let steps = 0; steps < 400; steps++) {
    const screen = latestScreen(user);
    if (!screen) throw new Error("no screen");
    if (screen.text.includes("3/4")) part = "propaganda";
    const action = actionFor(screen);
    if (action === "done") return kills;
    const seen = user.messages().length;
    if ("text" in action) await user.send(action.text);
    else await user.press(action.press);
    // Every other step until the kills are spent, half at a random moment, half after a message.
    const killNow = kills < KILLS && steps % 2 === 0;
    const atRandom = next() < 0.5;
    if (killNow && atRandom) {
      // A random moment after the answer was sent: before, during or after its handling.
      await sleep(Math.floor(next() * 120));
      await bot.kill();
      kills++;
      await bot.start();
    }
    const answered = await waitForMore(user, seen, 3_000);
    if (killNow && !atRandom && answered) {
      // Just after a bot message, before the person acts on it.
      await bot.kill();
      kills++;
      await bot.start();
    }
  }
  throw new Error("the report never finished");
}

async function waitForMore(user: EmulatedUser, count: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (user.messages().length > count) {
      // Let a screen that comes in two messages (a notice, then the question) arrive whole.
      await sleep(150);
      return true;
    }
    await sleep(25);
  }
  return false;
}

async function expectStoredAsGiven(repos: Repositories, bodyId: number) {
  const current = await repos.submissions.getCurrent(bodyId, "monthly", "2026-10");
  expect(current?.submission.versionCount).toBe(1);
  const events = current?.version?.events ?? [];
  expect(
    events
      .filter((e) => e.kind === "explanatory")
      .map(({ date, topic, participants }) => ({ date, topic, participants })),
  ).toEqual(EXPLANATORY);
  expect(
    events.filter((e) => e.kind === "preventive").map(({ position, date }) => ({ position, date })),
  ).toEqual(PREVENTIVE);
  expect(
    events
      .filter((e) => e.kind === "propaganda")
      .map(({ date, topic, audience, participants, views }) => ({
        date,
        topic,
        audience,
        participants,
        views: views ?? null,
      })),
  ).toEqual(PROPAGANDA.map(({ links: _, ...e }) => e));
  expect(current?.version?.evidence.filter((e) => e.type === "link").map((e) => e.link)).toEqual([
    "https://t.me/k/1",
  ]);
}

export interface KillLoopRun {
  /** The test's title. */
  title: string;
  /** A PostgreSQL database of a server this run starts; else the embedded database. */
  postgres: boolean;
  userId: number;
  /** Seeds the moments of the kills: each run kills at moments of its own. */
  seed: number;
}

/** One loop of KILLS kills while the report is filled in, then a check of every stored answer. */
export function describeKillLoop(loop: KillLoopRun): void {
  describe("SIGKILLs while a monthly report is filled in", () => {
    let emulator: Emulator | undefined;
    let postgres: PostgresServer | undefined;
    let bot: BotProcess | undefined;

    afterAll(async () => {
      await bot?.dispose();
      await postgres?.stop();
      await emulator?.stop();
    });

    it.skipIf(loop.postgres && !postgresAvailable())(
      loop.title,
      async () => {
        emulator = await startEmulator();
        let databaseUrl: string | undefined;
        if (loop.postgres) {
          postgres = await startPostgres();
          databaseUrl = await postgres.createDatabase("kill_loop");
        }
        bot = new BotProcess({
          emulator,
          env: {
            FAKE_NOW,
            NODE_ENV: "test",
            RATE_LIMIT_UPDATES: "0",
            ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
          },
        });
        const url = databaseUrl ?? databaseUrlOf(bot.dataDir);
        const bodyId = await seedCommissioner(url, loop.userId);
        await bot.start();
        const user = emulator.user({ userId: loop.userId, languageCode: "ru" });
        const kills = await fillWithKills(user, bot, loop.seed);
        expect(kills).toBe(KILLS);
        await bot.stop();
        const db = await openDatabase(url);
        try {
          await expectStoredAsGiven(createRepositories(db), bodyId);
        } finally {
          await db.close();
        }
      },
      600_000,
    );
  });
}

/** A body and its commissioner; returns the body's id. */
async function seedCommissioner(url: string, userId: number): Promise<number> {
  const db = await openDatabase(url);
  try {
    await migrateDatabase(db);
    const repos = createRepositories(db);
    const body = await seedBody(repos, { code: `K${userId}` });
    await seedUser(repos, { telegramId: userId, role: "commissioner", bodyId: body.id });
    return body.id;
  } finally {
    await db.close();
  }
}
