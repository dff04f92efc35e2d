// The 14 steps every simulated commissioner takes, for the real bot and the minimal one alike.
import type { RushUser } from "./rush-client.ts";

export type Step = { name: string; run: (user: RushUser) => Promise<unknown> };

// The commissioner's path through /report, as in test/e2e/monthly-report.test.ts: one explanatory
// event, the other lists left empty, three wrong answers on the way (a date outside the month, a
// number in words, a negative count).
export const STEPS: Step[] = [
  { name: "/report", run: (u) => u.say("/report", "За какой период?") },
  { name: "pick month", run: (u) => u.press("октябрь 2026 — срок", "1/4 Разъяснительные") },
  { name: "add event", run: (u) => u.press("➕ Добавить", "Мероприятие №1: когда оно прошло?") },
  { name: "wrong date", run: (u) => u.say("15.11", "❗ Дата не входит в отчётный месяц") },
  { name: "date", run: (u) => u.say("12", "Мероприятие №1: какая у него тема?") },
  { name: "topic", run: (u) => u.say("Конфликт интересов", "сколько человек участвовало?") },
  { name: "words", run: (u) => u.say("сорок", "❗ Напишите число цифрами") },
  { name: "negative", run: (u) => u.say("-40", "❗ Число должно быть не меньше 1") },
  {
    name: "participants",
    run: (u) => u.say("40", "1. 12.10.2026 — Конфликт интересов, 40 участников"),
  },
  { name: "events done", run: (u) => u.press("✅ Готово", "2/4 Профилактическая работа") },
  { name: "no officials", run: (u) => u.press("✅ Готово", "3/4 Правовая пропаганда") },
  { name: "no outreach", run: (u) => u.press("✅ Готово", "4/4 Подтверждающие материалы") },
  { name: "no files", run: (u) => u.press("➡ Далее", "Итого за месяц") },
  { name: "submit", run: (u) => u.press("📤 Отправить отчёт", "отправлен (версия 1)") },
];
