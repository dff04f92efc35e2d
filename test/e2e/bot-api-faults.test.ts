// Issue 16 item 2: one Bot API error used to end a form (an apology, then silence). A 429 with
// retry_after, a 500 or a 502 is now retried wherever the bot answers (the form's own steps and
// the conversation's entry questions); a send that still fails leaves the form open, and the
// person's next message shows the same question again, saying the connection broke.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useBotWithPeople } from "../support/bot-with-people.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { apiError, type SendAnswer } from "../support/emulator.ts";

const FAKE_NOW = "2026-11-03T11:00:00+05:00";

const FAULTS: Record<string, SendAnswer> = {
  tooMany: apiError(429, "Too Many Requests: retry after 1", { retry_after: 1 }),
  internal: apiError(500, "Internal Server Error"),
  badGateway: apiError(502, "Bad Gateway"),
  // Not retried by anyone: the step still fails.
  refused: apiError(400, "Bad Request: message is too long"),
};

const WORDS = {
  ru: {
    period: "За какой период?",
    month: "октябрь 2026 — срок 05.11.2026, 18:00",
    add: "➕ Добавить",
    when: "Мероприятие №1: когда оно прошло?",
    topic: "Мероприятие №1: какая у него тема?",
    people: "сколько человек участвовало?",
    resumed: "🔄 Связь прерывалась. Ваш прошлый ответ сохранён — продолжаем с того же места:",
    line: "1. 12.10.2026 — Конфликт интересов, 40 участников",
  },
  kk: {
    period: "Қай кезеңге?",
    month: "2026 ж. қазан — мерзімі 05.11.2026, 18:00",
    add: "➕ Қосу",
    when: "№1 іс-шара: ол қашан өтті?",
    topic: "№1 іс-шара: оның тақырыбы қандай?",
    people: "неше адам қатысты?",
    resumed: "🔄 Байланыс үзілді. Алдыңғы жауабыңыз сақталды — сол жерден жалғастырамыз:",
    line: "1. 12.10.2026 — Мүдделер қақтығысы, 40 қатысушы",
  },
} as const;

describe("a form that meets Bot API errors", () => {
  const { emulator } = useBotWithPeople({
    env: { FAKE_NOW, NODE_ENV: "test", RATE_LIMIT_UPDATES: "0" },
    bodies: [{ code: "F01" }, { code: "F02" }],
    people: [
      { telegramId: 9101, role: "commissioner", body: "F01" },
      { telegramId: 9102, role: "commissioner", body: "F02", language: "kk" },
    ],
  });
  // Per chat: the fault its next send gets, and how many sends were answered with one.
  const pending = new Map<number, SendAnswer>();
  const faulted = new Map<number, number>();
  const failNext = (chatId: number, fault: SendAnswer) => {
    faulted.set(chatId, 0);
    pending.set(chatId, fault);
  };

  // Registered after the helper's hooks: faults start once the bot runs and end before it stops.
  beforeAll(() => {
    emulator().interceptSend = (_method, body) => {
      const chatId = Number(body?.chat_id);
      const fault = pending.get(chatId);
      if (!fault) return undefined;
      pending.delete(chatId);
      faulted.set(chatId, (faulted.get(chatId) ?? 0) + 1);
      return fault;
    };
  });

  afterAll(() => {
    emulator().interceptSend = undefined;
  });

  for (const [lang, userId] of [
    ["ru", 9101],
    ["kk", 9102],
  ] as const) {
    // One language after the other: the emulator numbers messages across chats, and the
    // resume notice reads the message ids of the person's own chat, as Telegram numbers them.
    it(`retries a 429, a 500 and a 502, and resumes after a send that failed (${lang})`, async () => {
      const w = WORDS[lang];
      const user: EmulatedUser = emulator().user({ userId, languageCode: lang });
      // The entry's question comes from the conversation's own Bot API client.
      failNext(userId, FAULTS.tooMany as SendAnswer);
      await user.command("report");
      await user.waitFor(w.period);
      expect(faulted.get(userId)).toBe(1);

      failNext(userId, FAULTS.internal as SendAnswer);
      await user.press(w.month);
      await user.waitFor(w.add);
      expect(faulted.get(userId)).toBe(1);

      failNext(userId, FAULTS.badGateway as SendAnswer);
      await user.press(w.add);
      await user.waitFor(w.when);
      expect(faulted.get(userId)).toBe(1);

      await user.send("12");
      await user.waitFor(w.topic);
      // U+0000 is what PostgreSQL's jsonb refuses: the answer is kept without it.
      await user.send(lang === "ru" ? "Конфликт\u0000 интересов" : "Мүдделер\u0000 қақтығысы");
      await user.waitFor(w.people);

      // The list after "40" cannot be sent at all: the answer is kept, the form stays open.
      failNext(userId, FAULTS.refused as SendAnswer);
      const before = user.messages().length;
      await user.send("40");
      await expect.poll(() => faulted.get(userId), { timeout: 10_000 }).toBe(1);
      expect(user.messages()).toHaveLength(before);

      await user.send(lang === "ru" ? "алло?" : "сәлем?");
      const resumed = await user.waitFor(w.resumed);
      expect(resumed.text).toContain(w.line);
    });
  }
});
