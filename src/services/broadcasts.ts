import { z } from "zod";
import type { Repositories } from "../db/index.ts";
import type { OutboxStatus } from "../db/repositories/index.ts";
import type { UserRecord } from "../db/repositories/users.ts";
import { enqueueMessages, type OutgoingMessage } from "../delivery/outbox-message.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { Lang } from "../i18n.ts";
import { bodiesOwing } from "./owing-bodies.ts";

/** Who a broadcast goes to (active users only). */
export const audienceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("all") }),
  z.object({
    type: z.literal("role"),
    role: z.enum(["commissioner", "officer", "manager", "admin"]),
  }),
  z.object({ type: z.literal("kind"), kind: z.enum(["central", "regional"]) }),
  z.object({ type: z.literal("region"), region: z.string().min(1) }),
  z.object({
    type: z.literal("notSubmitted"),
    kind: z.enum(["monthly", "quarterly", "annual"]),
    periodKey: z.string(),
  }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/** The texts of a broadcast: one per language (the same text twice for "one text for all"). */
export type BroadcastTexts = Record<Lang, string>;

const MAKER = { monthly: "commissioner", quarterly: "officer", annual: "officer" } as const;

/** The active users an audience names whom Telegram delivers to (not blocked), in name order. */
export async function resolveAudience(
  repos: Repositories,
  audience: Audience,
  owed: { methodology: MethodologyBook; zone: string },
): Promise<UserRecord[]> {
  const reachableOnly = true;
  if (audience.type === "all") return repos.users.listUsers({ reachableOnly });
  if (audience.type === "role")
    return repos.users.listUsers({ role: audience.role, reachableOnly });
  const bodies = await repos.directory.listBodies();
  if (audience.type === "kind" || audience.type === "region") {
    const ids = new Set(
      bodies
        .filter((b) =>
          audience.type === "kind" ? b.kind === audience.kind : b.region === audience.region,
        )
        .map((b) => b.id),
    );
    return (await repos.users.listUsers({ reachableOnly })).filter(
      (u) => u.bodyId !== null && ids.has(u.bodyId),
    );
  }
  // Only the bodies that owe this report: a central body is never told it has not sent a quarter.
  const owing = bodiesOwing(bodies, audience, owed.methodology, owed.zone);
  const made = new Set(
    (await repos.submissions.listByPeriod(audience.kind, audience.periodKey))
      .filter((s) => s.status === "submitted" || s.status === "accepted")
      .map((s) => s.bodyId),
  );
  return (await repos.users.listUsers({ role: MAKER[audience.kind], reachableOnly })).filter(
    (u) => u.bodyId !== null && owing.has(u.bodyId) && !made.has(u.bodyId),
  );
}

/** The regions bodies are in, for the audience menu. */
export async function listRegions(repos: Repositories): Promise<string[]> {
  const regions = (await repos.directory.listBodies()).map((b) => b.region).filter(Boolean);
  return [...new Set(regions as string[])].sort((a, b) => a.localeCompare(b, "ru"));
}

/** The outbox batch of a broadcast. */
export const broadcastBatch = (id: number) => `broadcast:${id}`;

/**
 * Records a broadcast (its audit entry's id is its id) and writes one message per recipient, in
 * their language, to the outbox; `notBefore` schedules it.
 */
export async function startBroadcast(
  repos: Repositories,
  input: {
    actorUserId: number | null;
    texts: BroadcastTexts;
    audience: Audience;
    notBefore?: Date;
    now: Date;
    owed: { methodology: MethodologyBook; zone: string };
  },
): Promise<{ id: number; recipients: number }> {
  const recipients = await resolveAudience(repos, input.audience, input.owed);
  const entry = await repos.audit.record({
    actorUserId: input.actorUserId,
    action: "broadcast.create",
    details: {
      audience: input.audience,
      recipients: recipients.length,
      texts: input.texts,
      notBefore: input.notBefore?.toISOString() ?? null,
    },
    at: input.now,
  });
  const batch = broadcastBatch(entry.id);
  const messages: OutgoingMessage[] = recipients.map((user) => ({
    chatId: user.telegramId,
    text: input.texts[user.language],
    idempotencyKey: `${batch}:user:${user.id}`,
    batch,
    notBefore: input.notBefore,
  }));
  await enqueueMessages(repos, messages, input.now);
  return { id: entry.id, recipients: recipients.length };
}

/** Where a broadcast stands: sent, failed (given up), left (waiting or being sent), cancelled. */
export interface BroadcastProgress {
  sent: number;
  failed: number;
  left: number;
  cancelled: number;
}

export function toProgress(counts: Record<OutboxStatus, number>): BroadcastProgress {
  return {
    sent: counts.sent,
    failed: counts.dead,
    left: counts.pending + counts.sending + counts.failed,
    cancelled: counts.cancelled,
  };
}

export async function broadcastProgress(
  repos: Repositories,
  id: number,
): Promise<BroadcastProgress> {
  return toProgress(await repos.outbox.batchProgress(broadcastBatch(id)));
}

/** Cancels what of a broadcast has not gone out yet; audited. Returns how many were cancelled. */
export async function cancelBroadcast(
  repos: Repositories,
  input: { id: number; actorUserId: number | null; now: Date },
): Promise<number> {
  const cancelled = await repos.outbox.cancelBatch(broadcastBatch(input.id), input.now);
  await repos.audit.record({
    actorUserId: input.actorUserId,
    action: "broadcast.cancel",
    target: broadcastBatch(input.id),
    details: { cancelled },
    at: input.now,
  });
  return cancelled;
}
