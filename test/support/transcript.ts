// What people read, kept and measured: every end-to-end file writes the bot's messages, chat by
// chat, to test-output/transcripts/<file>.txt (to read as a commissioner on a phone would), and
// fails when a screen is longer than a phone shows at once: 1,000 characters, or 2,000 for a
// report's summary page (it is paged above that), or when a keyboard has an empty row. Issue 13
// item 3.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BotMessage } from "./emulator.ts";
import { wordProblems } from "./glossary.ts";
import { V2026 } from "./methodology.ts";

const OUTPUT = fileURLToPath(new URL("../../test-output/transcripts/", import.meta.url));

export const SCREEN_LIMIT = 1000;
export const SUMMARY_LIMIT = 2000;

/** A report's summary: the page with its submit button (both languages write it with 📤). */
function isSummary(message: BotMessage): boolean {
  return message.keyboard?.some((row) => row.some((b) => b.text.startsWith("📤"))) ?? false;
}

/** One line per message over its limit. */
export function screenLimitProblems(messages: readonly BotMessage[]): string[] {
  const problems: string[] = [];
  for (const m of messages) {
    // A document's caption is not a screen to read; Telegram limits it to 1,024 itself.
    if (m.raw.document !== undefined || m.raw.photo !== undefined) continue;
    const limit = isSummary(m) ? SUMMARY_LIMIT : SCREEN_LIMIT;
    const length = [...m.text].length;
    if (length > limit) {
      problems.push(
        `chat ${m.chatId}: ${length} characters (limit ${limit}): ${m.text.slice(0, 120)}…`,
      );
    }
  }
  return problems;
}

/** One line per message whose inline keyboard has an empty row (a gap on the phone). */
export function emptyRowProblems(messages: readonly BotMessage[]): string[] {
  return messages
    .filter((m) => m.keyboard?.some((row) => row.length === 0))
    .map((m) => `chat ${m.chatId}: an empty keyboard row under: ${m.text.slice(0, 120)}`);
}

/** Writes the transcript of a test file's chats; returns its path. */
export function writeTranscript(testFile: string | undefined, messages: readonly BotMessage[]) {
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${basename(testFile ?? "unknown").replace(/\.test\.ts$/, "")}.txt`);
  const chats = byChat(messages);
  const lines: string[] = [];
  for (const [chatId, list] of chats) {
    lines.push(`═══ chat ${chatId}`);
    for (const m of list) {
      lines.push(`── #${m.messageId}${m.edited ? " (edited)" : ""}`, m.text);
      for (const row of m.keyboard ?? [])
        lines.push(`   [ ${row.map((b) => b.text).join(" | ")} ]`);
    }
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;

// The methodology's own titles are its words, whatever they contain.
const TITLES = V2026.projects.flatMap((p) => [
  p.title.kk,
  p.title.ru,
  ...p.tasks.flatMap((t) => [
    t.title.kk,
    t.title.ru,
    ...t.indicators.flatMap((d) => [d.title.kk, d.title.ru]),
  ]),
]);

/**
 * Words outside the glossary, wrong Kazakh suffixes and doubled full stops in what the bot wrote,
 * chat by chat in the chat's language (Kazakh when the bot wrote Kazakh letters there).
 */
export function transcriptWordProblems(messages: readonly BotMessage[]): string[] {
  const chats = byChat(messages);
  const problems: string[] = [];
  for (const [chatId, list] of chats) {
    const lang = list.some((m) => KAZAKH_LETTERS.test(m.text)) ? "kk" : "ru";
    const read = list.map((m) => ({
      ...m,
      text: TITLES.reduce((text, title) => text.split(title).join("…"), m.text),
    }));
    for (const problem of wordProblems(read, lang)) problems.push(`chat ${chatId}: ${problem}`);
    // A value i18next was not given, or one that was not a text.
    for (const m of list) {
      const raw = /\{\{|\bundefined\b|\bNaN\b|\[object Object\]/.exec(m.text);
      if (raw) problems.push(`chat ${chatId}: «${raw[0]}» in: ${m.text.slice(0, 160)}`);
    }
  }
  return problems;
}

/** The messages of each chat, in the order sent. */
function byChat(messages: readonly BotMessage[]): Map<number, BotMessage[]> {
  const chats = new Map<number, BotMessage[]>();
  for (const m of messages) {
    const list = chats.get(m.chatId);
    if (list) list.push(m);
    else chats.set(m.chatId, [m]);
  }
  return chats;
}
