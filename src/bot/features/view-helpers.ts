import { InlineKeyboard } from "grammy";
import type { BodyRecord } from "../../db/repositories/directory.ts";
import { formatPoints, type Points } from "../../domain/points.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { BotContext } from "../context.ts";

/** Telegram refuses texts over 4096 characters; long lists are cut with an ellipsis. */
export function clip(text: string, limit = 4000): string {
  return truncateGraphemes(text, limit);
}

/** A short button label: buttons show about 40 characters before Telegram cuts them. */
export function shorten(text: string, limit = 48): string {
  return truncateGraphemes(text, limit);
}

/** Points with a decimal comma. */
export const pts = (points: Points): string => formatPoints(points);

/** Edits the message a button belongs to, or replies (for a command, or when `fresh`). */
export async function show(
  ctx: BotContext,
  text: string,
  keyboard?: InlineKeyboard,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const extra = keyboard ? { reply_markup: keyboard } : {};
  if (ctx.callbackQuery && !options.fresh) {
    await ctx.answerCallbackQuery().catch(() => undefined);
    try {
      await ctx.editMessageText(clip(text), extra);
    } catch (error) {
      // "message is not modified" is harmless: the screen already shows this.
      if (!String(error).includes("not modified")) throw error;
    }
    return;
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  await ctx.reply(clip(text), extra);
}

/** Refuses a button press or a command politely. */
export async function refuse(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}

/** A paged list of bodies as buttons; `select` and `page` build each button's callback data. */
export function bodyPicker(
  ctx: BotContext,
  bodies: readonly BodyRecord[],
  page: number,
  data: { select: (body: BodyRecord) => string; page: (page: number) => string },
  perPage = 8,
): InlineKeyboard {
  const pages = Math.max(1, Math.ceil(bodies.length / perPage));
  const current = Math.min(Math.max(0, page), pages - 1);
  const keyboard = new InlineKeyboard();
  for (const body of bodies.slice(current * perPage, (current + 1) * perPage)) {
    const mark = body.active ? "" : "⏸ ";
    keyboard
      .text(shorten(`${mark}${ctx.lang === "kk" ? body.nameKk : body.nameRu}`), data.select(body))
      .row();
  }
  if (pages > 1) {
    if (current > 0) keyboard.text("◀", data.page(current - 1));
    keyboard.text(`${current + 1}/${pages}`, data.page(current));
    if (current < pages - 1) keyboard.text("▶", data.page(current + 1));
  }
  return keyboard;
}
