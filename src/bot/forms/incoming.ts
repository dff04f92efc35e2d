import type { Context } from "grammy";
import type { FormAnswer } from "../../domain/forms/answer.ts";
import { decodeFormButton } from "./screen.ts";

/** An update as a form reads it. */
export type Incoming =
  /** An answer; `revision` for a button (the draft revision its screen showed), `messageId` for a message. */
  | { kind: "answer"; answer: FormAnswer; revision?: number; messageId?: number }
  /** A command: /cancel stops the form, any other is handled as usual (the form pauses). */
  | { kind: "command"; command: string }
  /** Another feature's button (the main menu, a reminder): the form pauses and lets it through. */
  | { kind: "elsewhere" }
  /** Nothing a form can read (a sticker, a location): the person is asked for text or a button. */
  | { kind: "unreadable" };

/** Reads an update for the form whose buttons start with `prefix`. */
export function readIncoming(ctx: Context, prefix: string): Incoming {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    const button = decodeFormButton(prefix, data);
    if (!button) return { kind: "elsewhere" };
    return {
      kind: "answer",
      answer: { kind: "button", data: button.action },
      revision: button.revision,
    };
  }
  const message = ctx.message;
  if (!message) return { kind: "elsewhere" };
  const messageId = message.message_id;
  if (message.text !== undefined) {
    const command = commandOf(message.text);
    if (command) return { kind: "command", command };
    return { kind: "answer", answer: { kind: "text", text: message.text }, messageId };
  }
  // Telegram sends every size of a photo it made; the last is the largest.
  const photo = message.photo?.at(-1);
  if (photo) {
    const file = {
      type: "photo" as const,
      telegramFileId: photo.file_id,
      size: photo.file_size ?? null,
      mime: "image/jpeg",
      name: null,
    };
    return { kind: "answer", answer: { kind: "file", file }, messageId };
  }
  const d = message.document;
  if (d) {
    const file = {
      type: "document" as const,
      telegramFileId: d.file_id,
      size: d.file_size ?? null,
      mime: d.mime_type ?? null,
      name: d.file_name ?? null,
    };
    return { kind: "answer", answer: { kind: "file", file }, messageId };
  }
  return { kind: "unreadable" };
}

/** The command a text is ("help" for "/help@adaldyq_bot"), lower case, if it is one. */
export function commandOf(text: string): string | undefined {
  return /^\/([a-z_]+)(@\w+)?(\s|$)/i.exec(text)?.[1]?.toLowerCase();
}

/**
 * Commands that only answer (the rules in /help): an open entry or form stays open behind them,
 * so the next answer goes on where it was. Every other command closes it, its draft kept.
 */
export function keepsDialogOpen(command: string | undefined): boolean {
  return command === "help";
}
