import { randomUUID } from "node:crypto";
import { type Api, InputFile } from "grammy";
import type { Repositories } from "../db/index.ts";
import type { OutboxItem } from "../db/repositories/index.ts";
import type { Logger } from "../logger.ts";
import { backoffMs, classifySendError, type SendFailure } from "./classify-error.ts";
import { storedAttachmentOf } from "./outbox-message.ts";
import { SendLimiter, type SendLimits, TELEGRAM_LIMITS } from "./send-limiter.ts";
import { Waker } from "./waker.ts";

export interface OutboxSenderOptions {
  repos: Repositories;
  /** A Bot API client without auto-retry: the sender handles 429 and retries itself. */
  api: Api;
  logger: Logger;
  /** Database timestamps (claims, next attempts); tests fix it. Pacing uses real time. */
  clock?: () => Date;
  workerId?: string;
  limits?: SendLimits;
  /** Messages claimed at a time. */
  batchSize?: number;
  /** A claim older than this is assumed dead and handed out again. */
  claimLeaseMs?: number;
  /**
   * With several instances on one database only the holder of the sender lease sends, so the
   * overall limit holds; a crashed holder is replaced once its lease is this old. false: every
   * sender sends (each needs its own share of the limits). `soleProcess`: no other process can
   * use this database (the embedded folder is locked to one), so a lease left by a killed
   * predecessor is taken at once instead of after it expires.
   */
  exclusive?: { leaseTtlMs: number; soleProcess?: boolean } | false;
  /** How long to wait before looking again when nothing is due. */
  idleMs?: number;
  /** Attempts (not counting 429s) before a message is given up. */
  maxAttempts?: number;
  /** The first retry's delay; each next one doubles (default 2 s, at most 10 minutes). */
  retryBaseMs?: number;
}

/** A running sender; stop() finishes the requests in flight and returns unsent claims. */
export interface OutboxSender {
  readonly workerId: string;
  stop(): Promise<void>;
  /** Looks for due messages now instead of after the idle pause. */
  wake(): void;
}

interface Queued {
  item: OutboxItem;
  claimedAt: number;
}

/** Starts sending the outbox: claims due rows, paces them under Telegram's limits, records outcomes. */
export function startOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { repos, api, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const workerId = options.workerId ?? `sender-${randomUUID()}`;
  const limiter = new SendLimiter(options.limits ?? TELEGRAM_LIMITS);
  const batchSize = options.batchSize ?? 30;
  const claimLeaseMs = options.claimLeaseMs ?? 5 * 60_000;
  const exclusive = options.exclusive ?? { leaseTtlMs: 10_000 };
  const idleMs = options.idleMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 2000;
  const log = logger.child({ worker: workerId });

  const queue: Queued[] = [];
  const waker = new Waker();
  // Telegram has it; its row is not marked sent yet (the database failed): recorded before any next.
  let unrecorded: OutboxItem | undefined;
  let stopping = false;
  let leader = false;
  let leaseCheckedAt = 0;
  let staleCheckedAt = 0;

  /** Keeps (or takes) the sender lease; on taking it, the previous holder's claims are released. */
  async function holdLease(): Promise<boolean> {
    if (!exclusive) return true;
    const now = Date.now();
    if (leader && now - leaseCheckedAt < exclusive.leaseTtlMs / 3) return true;
    const ttl = exclusive.soleProcess && !leader ? 0 : exclusive.leaseTtlMs;
    const held = await repos.outbox.holdSenderLease(workerId, clock(), ttl);
    leaseCheckedAt = now;
    if (held && !leader) {
      // Only the lease holder claims rows, so every claim still out belongs to a dead holder.
      const released = await repos.outbox.releaseStale(clock());
      log.info({ released }, "took the outbox sender lease");
    }
    if (!held && leader) {
      log.warn("lost the outbox sender lease");
      await returnQueued("lease lost");
    }
    leader = held;
    return held;
  }

  async function releaseStaleClaims(): Promise<void> {
    if (exclusive || Date.now() - staleCheckedAt < claimLeaseMs / 4) return;
    staleCheckedAt = Date.now();
    const released = await repos.outbox.releaseStale(new Date(clock().getTime() - claimLeaseMs));
    if (released > 0) log.warn({ released }, "released stale outbox claims");
  }

  async function refill(): Promise<void> {
    if (queue.length >= batchSize / 2) return;
    const claimed = await repos.outbox.claimBatch(workerId, batchSize - queue.length, clock());
    const now = Date.now();
    for (const item of claimed) queue.push({ item, claimedAt: now });
  }

  /** The first queued message of each chat is a candidate; the one ready soonest goes next. */
  function pickNext(now: number): { index: number; readyAt: number } | undefined {
    const seen = new Set<number>();
    let best: { index: number; readyAt: number } | undefined;
    for (let index = 0; index < queue.length; index++) {
      const chatId = queue[index]?.item.chatId ?? 0;
      if (seen.has(chatId)) continue;
      seen.add(chatId);
      const readyAt = limiter.readyAt(chatId, now);
      if (!best || readyAt < best.readyAt) best = { index, readyAt };
      if (readyAt <= now) break;
    }
    return best;
  }

  /**
   * Sends one message and records the outcome before returning. One message at a time: a crash
   * between Telegram's answer and the record resends that message, so a crash costs at most one
   * duplicate (with several requests on the wire, each of them could be one).
   */
  async function send(item: OutboxItem, finish: (endedAt: number) => void): Promise<void> {
    try {
      await deliver(item);
      finish(Date.now());
    } catch (error) {
      finish(Date.now());
      const failure: SendFailure =
        error instanceof MissingAttachmentError
          ? { kind: "rejected", error: error.message }
          : classifySendError(error);
      await recordFailure(item, failure);
      return;
    }
    unrecorded = item;
    await recordSent();
  }

  /** Marks the message Telegram took as sent; throws (and keeps it) while the database is away. */
  async function recordSent(): Promise<void> {
    const item = unrecorded;
    if (!item) return;
    if (!(await repos.outbox.markSent(item.id, clock(), workerId))) {
      log.error({ id: item.id }, "sent a message whose claim was no longer ours");
    }
    unrecorded = undefined;
  }

  async function deliver(item: OutboxItem): Promise<void> {
    const other = {
      ...(item.replyMarkup ? { reply_markup: item.replyMarkup as never } : {}),
      ...(item.parseMode ? { parse_mode: item.parseMode as never } : {}),
    };
    const attachment = storedAttachmentOf(item.attachments);
    if (!attachment) {
      await api.sendMessage(item.chatId, item.text, {
        ...other,
        link_preview_options: { is_disabled: true },
      });
      return;
    }
    const data = await repos.outbox.readFile(attachment.file);
    if (!data) throw new MissingAttachmentError(attachment.file);
    const file = new InputFile(data, attachment.filename);
    const caption = item.text === "" ? {} : { caption: item.text };
    if (attachment.kind === "photo")
      await api.sendPhoto(item.chatId, file, { ...caption, ...other });
    else await api.sendDocument(item.chatId, file, { ...caption, ...other });
  }

  async function recordFailure(item: OutboxItem, failure: SendFailure): Promise<void> {
    const context = { id: item.id, chatId: item.chatId, error: failure.error };
    if (failure.kind === "rateLimited") {
      limiter.pauseUntil(Date.now() + failure.retryAfterMs);
      log.warn({ ...context, retryAfterMs: failure.retryAfterMs }, "Telegram asked to slow down");
      const at = new Date(clock().getTime() + failure.retryAfterMs);
      await repos.outbox.markRetry(item.id, at, failure.error, { workerId, countAttempt: false });
      return;
    }
    if (failure.kind === "blocked") {
      await repos.outbox.markDead(item.id, failure.error);
      for (const q of queue.filter((q) => q.item.chatId === item.chatId)) {
        queue.splice(queue.indexOf(q), 1);
        await repos.outbox.markDead(q.item.id, failure.error);
      }
      const dropped = await repos.outbox.dropChat(item.chatId, failure.error);
      // Cannot be reached is not access switched off: jobs and broadcasts leave them out until
      // they write to the bot again (attachUser clears it); what they may do is unchanged.
      const user = await repos.users.markUnreachable(item.chatId, clock());
      log.info(
        { ...context, dropped, userId: user?.id },
        "the user blocked the bot: unreachable now",
      );
      return;
    }
    if (failure.kind === "rejected" || item.attempts >= maxAttempts) {
      await repos.outbox.markDead(item.id, failure.error);
      log.error(context, "gave up on a message");
      return;
    }
    const at = new Date(clock().getTime() + backoffMs(item.attempts, retryBaseMs));
    await repos.outbox.markRetry(item.id, at, failure.error, { workerId });
    log.warn({ ...context, attempts: item.attempts }, "send failed; will retry");
  }

  /** Hands claimed but unsent messages back to the queue at once. */
  async function returnQueued(reason: string): Promise<void> {
    const items = queue.splice(0);
    for (const { item } of items) {
      await repos.outbox.markRetry(item.id, clock(), reason, { workerId, countAttempt: false });
    }
  }

  /** Claims waiting long in the local queue (a long 429 pause) go back before their lease ends. */
  async function returnOldClaims(now: number): Promise<void> {
    const old = queue.filter((q) => now - q.claimedAt > claimLeaseMs / 2);
    if (old.length === 0) return;
    for (const q of old) queue.splice(queue.indexOf(q), 1);
    for (const { item } of old) {
      await repos.outbox.markRetry(item.id, clock(), "claim held too long", {
        workerId,
        countAttempt: false,
      });
    }
  }

  async function step(): Promise<void> {
    // Nothing new goes out while the last one is unrecorded: a database outage costs no duplicates.
    await recordSent();
    if (!(await holdLease())) {
      await waker.wait(exclusive ? Math.min(idleMs * 5, exclusive.leaseTtlMs / 3) : idleMs);
      return;
    }
    await releaseStaleClaims();
    await refill();
    const now = Date.now();
    await returnOldClaims(now);
    limiter.forgetIdleChats(now);
    const next = pickNext(now);
    if (!next) {
      await waker.wait(idleMs);
      return;
    }
    if (next.readyAt > now) {
      await waker.wait(Number.isFinite(next.readyAt) ? next.readyAt - now : idleMs);
      return;
    }
    const [queued] = queue.splice(next.index, 1);
    if (!queued) return;
    await send(queued.item, limiter.begin(queued.item.chatId));
  }

  const loop = (async () => {
    while (!stopping) {
      try {
        await step();
      } catch (error) {
        log.error({ err: error }, "outbox sender step failed");
        await waker.wait(idleMs);
      }
    }
    await recordSent().catch((error: unknown) =>
      log.error({ err: error, id: unrecorded?.id }, "could not record a sent message at stop"),
    );
    await returnQueued("sender stopped");
    if (exclusive && leader) await repos.outbox.releaseSenderLease(workerId);
  })();

  return {
    workerId,
    wake: () => waker.wake(),
    async stop() {
      stopping = true;
      waker.wake();
      await loop;
      log.info("outbox sender stopped");
    },
  };
}

/** An outbox row names a file that is not stored (should not happen: files are never deleted). */
export class MissingAttachmentError extends Error {
  override readonly name = "MissingAttachmentError";
  constructor(readonly sha256: string) {
    super(`attachment ${sha256} is not stored`);
  }
}
