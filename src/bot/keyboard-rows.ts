import type { Transformer } from "grammy";

type Markup = { inline_keyboard?: unknown[][] };

/**
 * An API transformer: inline keyboards leave without empty rows. grammY's builder leaves one
 * after a trailing .row(), and an empty InlineKeyboard (to take a message's buttons away) is one
 * empty row; phones show them as gaps, or a bare strip under the text.
 */
export const dropEmptyKeyboardRows: Transformer = (prev, method, payload, signal) => {
  const markup = (payload as { reply_markup?: Markup } | undefined)?.reply_markup;
  const rows = markup?.inline_keyboard;
  if (!rows?.some((row) => row.length === 0)) return prev(method, payload, signal);
  const inline_keyboard = rows.filter((row) => row.length > 0);
  return prev(method, { ...payload, reply_markup: { ...markup, inline_keyboard } }, signal);
};
