// Plays an officer through the indicators conversation, one planned answer per indicator.
import { findIndicator } from "../../src/domain/methodology/lookup.ts";
import type { EmulatedUser } from "../support/emulated-user.ts";
import { V2026 } from "../support/methodology.ts";
import { runScoreCommand } from "../support/score-command.ts";

/** The methodology's number people read on an indicator's screen (p1.t3.s2 → 1.3.2). */
export function numberOf(id: string): string {
  const def = findIndicator(V2026, id);
  if (!def) throw new Error(`no indicator ${id}`);
  return def.number;
}

/** What the officer does on an indicator's screen. */
export type Answer =
  | { flag: boolean }
  | { tick: "all" | "none" | string[] }
  | { typed: string }
  | { numbers: number[] }
  | { press: string }
  | { gifts: number | false }
  | { commission: false | [number, number] }
  | "skip";

export const LABELS = {
  ru: {
    yes: "Да",
    no: "Нет",
    all: "Отметить все",
    none: "Снять все",
    done: "Готово ✓",
    skip: "Пропустить ⏭",
    submit: "📤 Отправить отчёт",
    total: /Всего: (−?[\d,]+)/,
  },
  kk: {
    yes: "Иә",
    no: "Жоқ",
    all: "Барлығын белгілеу",
    none: "Белгілерді алу",
    done: "Дайын ✓",
    skip: "Өткізіп жіберу ⏭",
    submit: "📤 Есепті жіберу",
    total: /Барлығы: (−?[\d,]+)/,
  },
} as const;

export type Labels = (typeof LABELS)[keyof typeof LABELS];

/** Waits for the screen of indicator `id` (it shows the methodology's number). */
export function waitForScreen(user: EmulatedUser, id: string) {
  const number = numberOf(id);
  return user.waitFor((m) => m.text.includes(`· ${number}\n`) && m.keyboard !== undefined);
}

/** Answers one indicator as planned and waits until the bot confirms (or moves on). */
export async function answerIndicator(
  user: EmulatedUser,
  id: string,
  answer: Answer,
  labels: Labels,
): Promise<void> {
  await waitForScreen(user, id);
  const number = numberOf(id);
  if (answer === "skip") {
    await user.press(labels.skip);
    return;
  }
  if ("flag" in answer) await user.press(answer.flag ? labels.yes : labels.no);
  else if ("tick" in answer) {
    if (answer.tick === "all") await user.press(labels.all);
    else if (answer.tick === "none") await user.press(labels.none);
    else
      for (const name of answer.tick) {
        await user.press(`☐ ${name}`);
        await user.waitFor((m) => m.keyboard?.flat().some((b) => b.text === `☑ ${name}`) ?? false);
      }
    await user.press(labels.done);
  } else if ("typed" in answer) await user.send(answer.typed);
  else if ("press" in answer) await user.press(answer.press);
  else if ("numbers" in answer) {
    for (const [i, n] of answer.numbers.entries()) {
      if (i > 0)
        await user.waitFor((m) => m.keyboard !== undefined && !m.text.includes(`· ${number}\n`));
      await user.send(String(n));
    }
  } else if ("gifts" in answer) {
    await user.press(answer.gifts === false ? labels.no : labels.yes);
    if (answer.gifts !== false) {
      await user.waitFor((m) => m.keyboard !== undefined);
      await user.send(String(answer.gifts));
    }
  } else if ("commission" in answer) {
    await user.press(answer.commission === false ? labels.no : labels.yes);
    if (answer.commission !== false) {
      for (const n of answer.commission) {
        await user.waitFor((m) => m.keyboard !== undefined && !m.text.includes(`· ${number}\n`));
        await user.send(String(n));
      }
    }
  }
  await user.waitFor(`✓ ${number}:`);
}

/** Walks every planned indicator in order, then waits for the summary and returns its total. */
export async function walkAndSummarize(
  user: EmulatedUser,
  plan: readonly [string, Answer][],
  labels: Labels,
): Promise<string> {
  for (const [id, answer] of plan) await answerIndicator(user, id, answer, labels);
  const summary = await user.waitFor(labels.total);
  return labels.total.exec(summary.text)?.[1] ?? "";
}

/** The score command on a scorecard (in-process, as `npm run score -- -`); its total with a decimal comma. */
export function scoreWithCli(scorecard: unknown): string {
  const run = runScoreCommand(["-"], JSON.stringify(scorecard));
  if (run.code !== 0) throw new Error(`score exited ${run.code}: ${run.stderr}`);
  const total = (JSON.parse(run.stdout) as { total: number }).total;
  return String(total).replace(".", ",").replace("-", "−");
}
