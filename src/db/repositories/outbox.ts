import { createHash } from "node:crypto";
import type { OutboxStatus, PrismaClient } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import { fromBigInt, type Json, toJsonInput } from "./shared.ts";

export type { OutboxStatus };

export interface OutboxInput {
  chatId: number;
  text: string;
  parseMode?: string | null;
  attachments?: Json;
  /** The same key enqueued twice is one message. */
  idempotencyKey: string;
  /** Not sent before this time; defaults to now. */
  notBefore?: Date;
  at?: Date;
  /** Telegram's reply_markup (an inline keyboard). */
  replyMarkup?: Json;
  /** The broadcast or job run the message belongs to, for progress and cancelling. */
  batch?: string | null;
}

export interface OutboxItem {
  id: number;
  chatId: number;
  text: string;
  parseMode: string | null;
  attachments: Json;
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  claimedBy: string | null;
  claimedAt: Date | null;
  sentAt: Date | null;
  lastError: string | null;
  replyMarkup: Json;
  batch: string | null;
}

const STATUSES: readonly OutboxStatus[] = [
  "pending",
  "sending",
  "sent",
  "failed",
  "dead",
  "cancelled",
];

interface OutboxRow {
  id: number;
  chat_id: bigint;
  text: string;
  parse_mode: string | null;
  attachments: unknown;
  idempotency_key: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  claimed_by: string | null;
  claimed_at: Date | null;
  sent_at: Date | null;
  last_error: string | null;
  reply_markup: unknown;
  batch: string | null;
}

function fromRow(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    chatId: fromBigInt(row.chat_id),
    text: row.text,
    parseMode: row.parse_mode,
    attachments: (row.attachments ?? null) as Json,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    replyMarkup: (row.reply_markup ?? null) as Json,
    batch: row.batch,
  };
}

function toCreateData(input: OutboxInput) {
  const at = input.at ?? new Date();
  return {
    chatId: BigInt(input.chatId),
    text: input.text,
    parseMode: input.parseMode ?? null,
    attachments: input.attachments === undefined ? undefined : toJsonInput(input.attachments),
    replyMarkup: input.replyMarkup === undefined ? undefined : toJsonInput(input.replyMarkup),
    batch: input.batch ?? null,
    idempotencyKey: input.idempotencyKey,
    nextAttemptAt: input.notBefore ?? at,
    createdAt: at,
  };
}

function countByStatus(groups: { status: OutboxStatus; _count: { _all: number } }[]) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** The key the outbox stores a file's bytes under: their SHA-256, in hex. */
export const fileKeyOf = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/** The most file bytes one statement writes to the outbox. */
const FILE_CHUNK_BYTES = 16 * 2 ** 20;
/** The most files one statement writes (it has a place for each; the places left are nulls). */
const FILES_A_STATEMENT = 256;

// One text whatever the count, so it is prepared once; each file's bytes a parameter of its own,
// which the driver sends as they are (in an array they would go as text for the server to parse).
const INSERT_FILES = `INSERT INTO outbox_file (sha256, data, created_at)
  SELECT f.sha256, f.data, $1::timestamptz
  FROM (VALUES ${Array.from(
    { length: FILES_A_STATEMENT },
    (_, i) => `($${2 * i + 2}::text, $${2 * i + 3}::bytea)`,
  ).join(", ")}) AS f (sha256, data)
  WHERE f.sha256 IS NOT NULL
  ON CONFLICT (sha256) DO NOTHING`;

/** Messages to send, claimed by workers with FOR UPDATE SKIP LOCKED so no two workers get one row. */
export function createOutboxRepository(prisma: PrismaClient, sql: SqlRunner) {
  return {
    /** Adds a message; a repeated idempotency key is ignored (enqueued: false). */
    async enqueue(input: OutboxInput): Promise<{ enqueued: boolean }> {
      const { count } = await prisma.outboxMessage.createMany({
        data: [toCreateData(input)],
        skipDuplicates: true,
      });
      return { enqueued: count === 1 };
    },

    /** Adds many messages in one statement; returns how many were new (repeated keys are skipped). */
    async enqueueMany(inputs: readonly OutboxInput[]): Promise<number> {
      if (inputs.length === 0) return 0;
      const { count } = await prisma.outboxMessage.createMany({
        data: inputs.map(toCreateData),
        skipDuplicates: true,
      });
      return count;
    },

    /** Claims up to `limit` due messages for a worker (status → sending, attempts + 1), oldest due first. */
    async claimBatch(workerId: string, limit: number, now: Date): Promise<OutboxItem[]> {
      const rows = await prisma.$queryRaw<OutboxRow[]>`
        UPDATE outbox_message SET status = 'sending', claimed_by = ${workerId}, claimed_at = ${now},
               attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM outbox_message
          WHERE status IN ('pending', 'failed') AND next_attempt_at <= ${now}
          ORDER BY next_attempt_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING *`;
      return rows
        .map(fromRow)
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
    },

    /** Marks a claimed message sent; false if it was not in `sending` (e.g. released as stale). */
    async markSent(id: number, at: Date, workerId?: string): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id, status: "sending", claimedBy: workerId },
        data: { status: "sent", sentAt: at, lastError: null },
      });
      return count > 0;
    },

    /**
     * Schedules another attempt after a failure; `countAttempt: false` (a 429, or a message
     * claimed but never tried) gives the claim's attempt back.
     */
    async markRetry(
      id: number,
      nextAttemptAt: Date,
      error: string,
      options: { workerId?: string; countAttempt?: boolean } = {},
    ): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id, status: "sending", claimedBy: options.workerId },
        data: {
          attempts: options.countAttempt === false ? { decrement: 1 } : undefined,
          status: "failed",
          nextAttemptAt,
          lastError: error,
          claimedBy: null,
          claimedAt: null,
        },
      });
      return count > 0;
    },

    /** Gives up on a message (blocked bot, bad chat, too many attempts). */
    async markDead(id: number, error: string): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id, status: { in: ["sending", "pending", "failed"] } },
        data: { status: "dead", lastError: error },
      });
      return count > 0;
    },

    /** Returns messages claimed before `olderThan` by a worker that died to the queue. */
    async releaseStale(olderThan: Date): Promise<number> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { status: "sending", claimedAt: { lt: olderThan } },
        data: { status: "pending", claimedBy: null, claimedAt: null },
      });
      return count;
    },

    /** How many messages are in each status. */
    async depth(): Promise<Record<OutboxStatus, number>> {
      const groups = await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
      return countByStatus(groups);
    },

    /** How many messages of a batch are in each status (a broadcast's progress). */
    async batchProgress(batch: string): Promise<Record<OutboxStatus, number>> {
      const groups = await prisma.outboxMessage.groupBy({
        by: ["status"],
        where: { batch },
        _count: { _all: true },
      });
      return countByStatus(groups);
    },

    /** Cancels the messages of a batch not yet handed to a worker; returns how many. */
    async cancelBatch(batch: string, at: Date = new Date()): Promise<number> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { batch, status: { in: ["pending", "failed"] } },
        data: { status: "cancelled", lastError: `cancelled at ${at.toISOString()}` },
      });
      return count;
    },

    /** Gives up on every waiting message to a chat (the user blocked the bot); returns how many. */
    async dropChat(chatId: number, error: string): Promise<number> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { chatId: BigInt(chatId), status: { in: ["pending", "failed"] } },
        data: { status: "dead", lastError: error },
      });
      return count;
    },

    /** Stores attachment bytes once by content; returns the key messages refer to them by. */
    async storeFile(data: Buffer, at: Date = new Date()): Promise<string> {
      const sha256 = fileKeyOf(data);
      await prisma.outboxFile.createMany({
        data: [{ sha256, data: new Uint8Array(data), createdAt: at }],
        skipDuplicates: true,
      });
      return sha256;
    },

    /**
     * storeFile for many files: each distinct content written once, a few statements of up to
     * FILE_CHUNK_BYTES each; returns the files' hashes in their order. Plain statements (sql.ts):
     * Prisma's driver adapter keeps the arguments of its last hundred statements for its error
     * reports (@prisma/debug's history), which would hold a job's megabytes of charts and
     * workbooks for as long as the process runs quietly after it.
     */
    async storeFiles(files: readonly Buffer[], at: Date = new Date()): Promise<string[]> {
      const hashes = files.map(fileKeyOf);
      const distinct = new Map<string, Buffer>();
      for (const [i, data] of files.entries()) distinct.set(hashes[i] as string, data);
      let chunk: (string | Buffer | null)[] = [];
      let bytes = 0;
      const flush = async () => {
        if (chunk.length === 0) return;
        const unused = FILES_A_STATEMENT * 2 - chunk.length;
        await sql.query(INSERT_FILES, [at, ...chunk, ...Array<null>(unused).fill(null)]);
        chunk = [];
        bytes = 0;
      };
      for (const [sha256, data] of distinct) {
        chunk.push(sha256, data);
        bytes += data.length;
        if (bytes >= FILE_CHUNK_BYTES || chunk.length === FILES_A_STATEMENT * 2) await flush();
      }
      await flush();
      return hashes;
    },

    /**
     * Takes or renews the one sender lease (so several instances keep Telegram's overall limit):
     * true while this worker holds it; another worker gets it only once it is `ttlMs` old.
     */
    async holdSenderLease(workerId: string, now: Date, ttlMs: number): Promise<boolean> {
      const expired = new Date(now.getTime() - ttlMs);
      const rows = await prisma.$queryRaw<{ key: string }[]>`
        INSERT INTO bot_state (namespace, key, value, updated_at)
        VALUES ('outbox', 'sender-lease', jsonb_build_object('owner', ${workerId}::text), ${now})
        ON CONFLICT (namespace, key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
        WHERE bot_state.value->>'owner' = ${workerId}::text OR bot_state.updated_at < ${expired}
        RETURNING key`;
      return rows.length === 1;
    },

    /** Gives the sender lease up (a graceful stop), so another instance takes over at once. */
    async releaseSenderLease(workerId: string): Promise<void> {
      await prisma.$executeRaw`
        DELETE FROM bot_state WHERE namespace = 'outbox' AND key = 'sender-lease'
          AND value->>'owner' = ${workerId}::text`;
    },

    async readFile(sha256: string): Promise<Buffer | undefined> {
      const row = await prisma.outboxFile.findUnique({ where: { sha256 } });
      return row ? Buffer.from(row.data) : undefined;
    },

    async getMessage(id: number): Promise<OutboxItem | undefined> {
      const rows = await prisma.$queryRaw<
        OutboxRow[]
      >`SELECT * FROM outbox_message WHERE id = ${id}`;
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
  };
}
