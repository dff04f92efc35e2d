import type { Context } from "grammy";

/** One thing the person sent, reduced to what the form reads. */
export type Answer =
  | { kind: "text"; text: string }
  | { kind: "button"; data: string }
  | { kind: "photo"; fileId: string; size: number | null }
  | {
      kind: "document";
      fileId: string;
      size: number | null;
      mime: string | null;
      fileName: string | null;
    }
  | { kind: "command"; command: string }
  | { kind: "other" };

/** Callback data of this conversation's buttons start with this. */
export const BUTTON_PREFIX = "mr:";

/** Reads an update as an answer; buttons of other features and other updates are "other". */
export function answerOf(ctx: Context): Answer {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    return data.startsWith(BUTTON_PREFIX)
      ? { kind: "button", data: data.slice(BUTTON_PREFIX.length) }
      : { kind: "other" };
  }
  const message = ctx.message;
  if (!message) return { kind: "other" };
  if (message.text !== undefined) {
    const command = /^\/([a-z_]+)(@\w+)?(\s|$)/i.exec(message.text);
    if (command?.[1]) return { kind: "command", command: command[1].toLowerCase() };
    return { kind: "text", text: message.text };
  }
  if (message.photo && message.photo.length > 0) {
    // Telegram sends every size it made; the last is the largest.
    const largest = message.photo[message.photo.length - 1];
    if (largest) return { kind: "photo", fileId: largest.file_id, size: largest.file_size ?? null };
  }
  if (message.document) {
    const d = message.document;
    return {
      kind: "document",
      fileId: d.file_id,
      size: d.file_size ?? null,
      mime: d.mime_type ?? null,
      fileName: d.file_name ?? null,
    };
  }
  return { kind: "other" };
}
