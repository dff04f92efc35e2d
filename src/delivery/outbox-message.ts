import { z } from "zod";
import type { Repositories } from "../db/index.ts";
import type { Json, OutboxInput } from "../db/repositories/index.ts";

/** A button of an inline keyboard that opens a conversation (callback) or a link. */
export type KeyboardButton =
  | { text: string; callback_data: string }
  | { text: string; url: string };

/**
 * A file sent with a message: a PNG chart (sendPhoto) or a workbook (sendDocument). Its bytes, or
 * the key (fileKeyOf) of bytes an earlier message of the same job carried: a job that sends one
 * chart to several people holds the key, not the chart, once the first message has it.
 */
export type Attachment = { kind: "photo" | "document"; filename: string } & (
  | { data: Buffer }
  | { file: string }
);

/** The bytes of an attachment that carries them, else undefined. */
export const attachmentBytes = (attachment: Attachment | undefined): Buffer | undefined =>
  attachment && "data" in attachment ? attachment.data : undefined;

export { fileKeyOf } from "../db/repositories/outbox.ts";

/**
 * One Telegram call to make: text (the caption when a file is attached), an optional inline
 * keyboard and at most one file. The idempotency key names it (job + period + recipient + part).
 */
export interface OutgoingMessage {
  chatId: number;
  text: string;
  keyboard?: KeyboardButton[][];
  attachment?: Attachment;
  idempotencyKey: string;
  /** The broadcast or job run ("broadcast:12", "digest:2026-10"). */
  batch?: string;
  /** Not sent before this instant (a scheduled broadcast). */
  notBefore?: Date;
}

/** How an attachment is stored with its outbox row: the bytes live once in outbox_file. */
export const storedAttachmentSchema = z.object({
  kind: z.enum(["photo", "document"]),
  file: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().min(1),
});
export type StoredAttachment = z.infer<typeof storedAttachmentSchema>;

/** Telegram's caption limit; a longer text goes as its own message before the file. */
export const CAPTION_LIMIT = 1024;
/** Telegram's message length limit. */
export const TEXT_LIMIT = 4096;

/** Thrown when a message cannot be sent as written (a caller's bug, not a delivery failure). */
export class OutgoingMessageError extends Error {
  override readonly name = "OutgoingMessageError";
  constructor(
    readonly idempotencyKey: string,
    reason: string,
  ) {
    super(`${idempotencyKey}: ${reason}`);
  }
}

/**
 * Writes messages to the outbox (files first, stored once by content); a key already in the outbox
 * is skipped, so re-running a job enqueues nothing twice. Returns how many were new. An attachment
 * given by its key must have come with its bytes in this call or an earlier one.
 */
export async function enqueueMessages(
  repos: Repositories,
  messages: readonly OutgoingMessage[],
  at: Date,
): Promise<number> {
  for (const message of messages) {
    const limit = message.attachment ? CAPTION_LIMIT : TEXT_LIMIT;
    if (message.text.length > limit) {
      throw new OutgoingMessageError(message.idempotencyKey, `text longer than ${limit}`);
    }
  }
  const withFiles = messages.filter((m) => attachmentBytes(m.attachment) !== undefined);
  const hashes = await repos.outbox.storeFiles(
    withFiles.map((m) => attachmentBytes(m.attachment) as Buffer),
    at,
  );
  const fileOf = new Map(withFiles.map((m, i) => [m, hashes[i] as string]));
  const rows: OutboxInput[] = [];
  for (const message of messages) {
    let attachments: Json | undefined;
    if (message.attachment) {
      const { kind, filename } = message.attachment;
      const file =
        fileOf.get(message) ?? ("file" in message.attachment ? message.attachment.file : "");
      attachments = [{ kind, file, filename } satisfies StoredAttachment];
    }
    rows.push({
      chatId: message.chatId,
      text: message.text,
      idempotencyKey: message.idempotencyKey,
      attachments,
      replyMarkup: message.keyboard ? { inline_keyboard: message.keyboard } : undefined,
      batch: message.batch ?? null,
      notBefore: message.notBefore,
      at,
    });
  }
  let added = 0;
  // One statement per chunk keeps a 5,000-recipient broadcast to a few round trips.
  for (let i = 0; i < rows.length; i += 500) {
    added += await repos.outbox.enqueueMany(rows.slice(i, i + 500));
  }
  return added;
}

/** The stored attachment of an outbox row, if any (rows hold at most one). */
export function storedAttachmentOf(attachments: Json): StoredAttachment | undefined {
  if (!Array.isArray(attachments) || attachments.length === 0) return undefined;
  return storedAttachmentSchema.parse(attachments[0]);
}
