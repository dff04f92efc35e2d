// Plays a responsible officer through the indicators report, one planned answer per indicator,
// and checks what a person read on the way: no internal id, short screens, the methodology's words.
import { findIndicator } from "../../src/domain/methodology/lookup.ts";
import type { IndicatorDef } from "../../src/domain/methodology/types.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import type { BotMessage } from "../support/emulator.ts";
import { wordProblems } from "../support/glossary.ts";
import { V2026 } from "../support/methodology.ts";
import { runScoreCommand } from "../support/score-command.ts";

export type Lang = "kk" | "ru";

export function defOf(id: string): IndicatorDef {
  const def = findIndicator(V2026, id);
  if (!def) throw new Error(`no indicator ${id}`);
  return def;
}

/** What the officer does on an indicator's screen. */
export type Answer =
  | { flag: boolean }
  | { tick: "all" | "none" | string[] }
  | { typed: string; confirm?: true }
  | { numbers: string[] }
  | { press: string }
  | { gifts: string | false }
  | { commission: false | [string, string] }
  | "skip";

export const LABELS = {
  ru: {
    yes: "Да",
    no: "Нет",
    all: "Отметить все",
    none: "Снять все",
    done: "Готово ✓",
    skip: "Пропустить ⏭",
    next: "Далее ⏭",
    list: "☰ Список",
    summaryButton: "✅ Итоги",
    back: "◀ Назад",
    evidence: "📎 Файлы и комментарий",
    submit: "📤 Отправить отчёт",
    later: "⏸ Продолжить позже",
    change: "✏️ Изменить ответ",
    notReconciled: "Сверка не проведена",
    confirm: "✔ Да, всё верно",
    fix: "✏️ Исправить",
    summary: "— проверьте перед отправкой",
    nextPage: "Следующая страница ▶",
    total: /Всего: (−?[\d,]+) балл/,
  },
  kk: {
    yes: "Иә",
    no: "Жоқ",
    all: "Барлығын белгілеу",
    none: "Белгілерді алу",
    done: "Дайын ✓",
    skip: "Өткізіп жіберу ⏭",
    next: "Әрі қарай ⏭",
    list: "☰ Тізім",
    summaryButton: "✅ Қорытынды",
    back: "◀ Артқа",
    evidence: "📎 Файлдар және түсініктеме",
    submit: "📤 Есепті жіберу",
    later: "⏸ Кейін жалғастыру",
    change: "✏️ Жауапты өзгерту",
    notReconciled: "Салыстыру жүргізілмеді",
    confirm: "✔ Иә, дұрыс",
    fix: "✏️ Түзету",
    summary: "— жіберер алдында тексеріңіз",
    nextPage: "Келесі бет ▶",
    total: /Барлығы: (−?[\d,]+) балл/,
  },
} as const;

/** The line an indicator's screen names it by: its number and full title. */
export function titleLine(id: string, lang: Lang): string {
  const def = defOf(id);
  return `${def.number} ${def.title[lang]}`;
}

/** Waits for the screen of indicator `id`. */
export function waitForIndicator(user: EmulatedUser, id: string, lang: Lang): Promise<BotMessage> {
  const line = titleLine(id, lang);
  return user.waitFor((m) => m.text.split("\n").includes(line) && m.keyboard !== undefined);
}

/** The echo of a kept answer on the next screen: "✓ 1.1.3 Анонсирование начала анализа: …". */
export function echoOf(id: string, lang: Lang): string {
  const def = defOf(id);
  return `✓ ${def.number} ${def.shortTitle[lang]}: `;
}

const anyScreen = (m: BotMessage) => m.keyboard !== undefined;

/** Answers one indicator as planned and waits until the bot shows the next screen. */
export async function answerIndicator(
  user: EmulatedUser,
  id: string,
  answer: Answer,
  lang: Lang,
): Promise<BotMessage> {
  const labels = LABELS[lang];
  await waitForIndicator(user, id, lang);
  if (answer === "skip") {
    await user.press(labels.skip);
    return user.waitFor(anyScreen);
  }
  if ("flag" in answer) await user.press(answer.flag ? labels.yes : labels.no);
  else if ("tick" in answer) {
    if (answer.tick === "all") await user.press(labels.all);
    else if (answer.tick === "none") await user.press(labels.none);
    for (const name of Array.isArray(answer.tick) ? answer.tick : []) {
      await user.press(`☐ ${name}`);
      await user.waitFor((m) => m.keyboard?.flat().some((b) => b.text === `☑ ${name}`) ?? false);
    }
    if (!Array.isArray(answer.tick)) await user.waitFor(anyScreen);
    await user.press(labels.done);
  } else if ("typed" in answer) {
    await user.send(answer.typed);
    if (answer.confirm) {
      await user.waitFor((m) => m.keyboard?.flat().some((b) => b.text === labels.confirm) ?? false);
      await user.press(labels.confirm);
    }
  } else if ("press" in answer) await user.press(answer.press);
  else if ("numbers" in answer) {
    for (const [i, n] of answer.numbers.entries()) {
      if (i > 0) await user.waitFor(anyScreen);
      await user.send(n);
    }
  } else if ("gifts" in answer) {
    await user.press(answer.gifts === false ? labels.no : labels.yes);
    if (answer.gifts !== false) {
      await user.waitFor(anyScreen);
      await user.send(answer.gifts);
    }
  } else if ("commission" in answer) {
    await user.press(answer.commission === false ? labels.no : labels.yes);
    for (const n of answer.commission || []) {
      await user.waitFor(anyScreen);
      await user.send(n);
    }
  }
  return user.waitFor(echoOf(id, lang));
}

/** Walks every planned indicator in order, then waits for the summary and returns its total. */
export async function walkToSummary(
  user: EmulatedUser,
  plan: readonly [string, Answer][],
  lang: Lang,
): Promise<string> {
  for (const [id, answer] of plan) await answerIndicator(user, id, answer, lang);
  const summary = await user.waitFor(LABELS[lang].summary);
  return LABELS[lang].total.exec(summary.text)?.[1] ?? "";
}

/** Every page of the summary on screen, turned in place one after another, joined. */
export async function readSummary(user: EmulatedUser, lang: Lang): Promise<string> {
  const labels = LABELS[lang];
  const pages = [user.lastMessage()?.text ?? ""];
  const hasNext = () =>
    user
      .lastKeyboard()
      ?.flat()
      .some((b) => b.text === labels.nextPage) ?? false;
  while (hasNext()) {
    const before = pages.at(-1);
    await user.press(labels.nextPage);
    const page = await user.waitFor((m) => m.text !== before);
    pages.push(page.text);
  }
  return pages.join("\n\n");
}

/**
 * The score command on a scorecard (in-process, as `npm run score -- -`): its total, or the sum of
 * the indicators named, with a decimal comma as the bot shows points.
 */
export function scoreWithCli(scorecard: unknown, ids?: readonly string[]): string {
  const run = runScoreCommand(["-"], JSON.stringify(scorecard));
  if (run.code !== 0) throw new Error(`score exited ${run.code}: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as {
    total: number;
    indicators: Record<string, { points: number }>;
  };
  const hundredths = ids
    ? ids.reduce((sum, id) => sum + Math.round((out.indicators[id]?.points ?? 0) * 100), 0)
    : Math.round(out.total * 100);
  return pointsText(hundredths);
}

/** Hundredths as the bot shows them: 4550 → "45,5", −1000 → "−10". */
export function pointsText(hundredths: number): string {
  const sign = hundredths < 0 ? "−" : "";
  const abs = Math.abs(hundredths);
  const cents = abs % 100;
  const fraction = cents === 0 ? "" : `,${String(cents).padStart(2, "0").replace(/0$/, "")}`;
  return `${sign}${Math.floor(abs / 100)}${fraction}`;
}

/**
 * What is wrong with the screens a person read: an internal id (p1.t3.s2) anywhere, a screen over
 * 1,000 characters (a summary page over 2,000), a button with a cut title, a word outside the
 * glossary or a wrong Kazakh suffix. One line per finding.
 */
export function screenProblems(messages: BotMessage[], lang: Lang): string[] {
  // The methodology's own titles are its words ("лауазымдық міндеттер" are duties, not a task).
  const titles = V2026.projects.flatMap((p) => [
    p.title[lang],
    ...p.tasks.flatMap((t) => [t.title[lang], ...t.indicators.map((d) => d.title[lang])]),
  ]);
  const withoutTitles = messages.map((m) => ({
    ...m,
    text: titles.reduce((text, title) => text.split(title).join("…"), m.text),
  }));
  const problems = wordProblems(withoutTitles, lang);
  for (const m of messages) {
    const buttons = m.keyboard?.flat().map((b) => b.text) ?? [];
    const all = [m.text, ...buttons].join("\n");
    if (/\bp\d\.t\d/.test(all)) problems.push(`an internal id in: ${all}`);
    const summary = buttons.includes(LABELS[lang].submit);
    const limit = summary ? 2000 : 1000;
    if (m.text.length > limit)
      problems.push(`${m.text.length} characters: ${m.text.slice(0, 80)}…`);
    for (const b of buttons) if (b.endsWith("…")) problems.push(`a cut button: ${b}`);
  }
  return problems;
}
