import type { OutboxStatus, PrismaClient } from "../generated/client.ts";
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
}

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
  };
}

/** Messages to send, claimed by workers with FOR UPDATE SKIP LOCKED so no two workers get one row. */
export function createOutboxRepository(prisma: PrismaClient) {
  return {
    /** Adds a message; a repeated idempotency key is ignored (enqueued: false). */
    async enqueue(input: OutboxInput): Promise<{ enqueued: boolean }> {
      const at = input.at ?? new Date();
      const { count } = await prisma.outboxMessage.createMany({
        data: [
          {
            chatId: BigInt(input.chatId),
            text: input.text,
            parseMode: input.parseMode ?? null,
            attachments:
              input.attachments === undefined ? undefined : toJsonInput(input.attachments),
            idempotencyKey: input.idempotencyKey,
            nextAttemptAt: input.notBefore ?? at,
            createdAt: at,
          },
        ],
        skipDuplicates: true,
      });
      return { enqueued: count === 1 };
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
    async markSent(id: number, at: Date): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id, status: "sending" },
        data: { status: "sent", sentAt: at, lastError: null },
      });
      return count > 0;
    },

    /** Schedules another attempt after a failure. */
    async markRetry(id: number, nextAttemptAt: Date, error: string): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id, status: "sending" },
        data: {
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
      const counts: Record<OutboxStatus, number> = {
        pending: 0,
        sending: 0,
        sent: 0,
        failed: 0,
        dead: 0,
      };
      for (const group of groups) counts[group.status] = group._count._all;
      return counts;
    },

    async getMessage(id: number): Promise<OutboxItem | undefined> {
      const rows = await prisma.$queryRaw<
        OutboxRow[]
      >`SELECT * FROM outbox_message WHERE id = ${id}`;
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
  };
}
