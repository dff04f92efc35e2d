import type { Conversation } from "@grammyjs/conversations";
import type { InlineKeyboard } from "grammy";
import type { DraftEvidence } from "../../services/indicators-draft.ts";
import type { BotContext, ConversationContext } from "../context.ts";

export type IndicatorsConversation = Conversation<BotContext, ConversationContext>;

/** What the user did next: pressed one of our buttons, wrote text, or sent a file. */
export type UserInput =
  | { kind: "button"; data: string; ctx: ConversationContext }
  | { kind: "text"; text: string; ctx: ConversationContext }
  | { kind: "file"; evidence: DraftEvidence; ctx: ConversationContext };

/**
 * Waits for the next button press (answering it at once), text, document or photo. Any command
 * leaves the conversation and is handled as usual — the draft is saved after every answer, so
 * nothing is lost. Buttons of other features are passed on the same way.
 */
export async function waitInput(conversation: IndicatorsConversation): Promise<UserInput> {
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      if (!data.startsWith("ind:")) await conversation.halt({ next: true });
      await ctx.answerCallbackQuery();
      return { kind: "button", data, ctx };
    }
    const message = ctx.message;
    if (!message) continue;
    if (message.text !== undefined) {
      if (message.text.startsWith("/")) await conversation.halt({ next: true });
      return { kind: "text", text: message.text.trim(), ctx };
    }
    if (message.document) {
      const d = message.document;
      return {
        kind: "file",
        ctx,
        evidence: {
          type: "document",
          telegramFileId: d.file_id,
          ...(d.mime_type ? { mime: d.mime_type } : {}),
          ...(d.file_size !== undefined ? { size: d.file_size } : {}),
        },
      };
    }
    const photo = message.photo?.at(-1);
    if (photo) {
      return {
        kind: "file",
        ctx,
        evidence: {
          type: "photo",
          telegramFileId: photo.file_id,
          ...(photo.file_size !== undefined ? { size: photo.file_size } : {}),
        },
      };
    }
    await ctx.reply(ctx.t("indicators:input.unsupported"));
  }
}

/** Sends a message with a keyboard. */
export async function say(
  ctx: ConversationContext,
  text: string,
  keyboard?: InlineKeyboard,
): Promise<void> {
  await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
}

/** A whole number as typed ("12", "1 200"), or a decimal the schema will refuse; undefined for words. */
export function readNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(",", "."));
}

/** "7/10", "7 из 10", "7 of 10", "7 10" → done and total; undefined otherwise. */
export function readDoneOfTotal(text: string): { done: number; total: number } | undefined {
  const m = /^(\d+)\s*(?:\/|из|of|ішінен|\s)\s*(\d+)$/iu.exec(text.trim());
  if (!m) return undefined;
  return { done: Number(m[1]), total: Number(m[2]) };
}

/** Whether a text is a link to keep as evidence. */
export function isLink(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}
