import { randomBytes } from "node:crypto";
import type { Repositories } from "../db/index.ts";
import type { InviteRecord, RedeemInput, RedeemResult } from "../db/repositories/invites.ts";
import type { Role, UserRecord } from "../db/repositories/users.ts";

/** Telegram's start payload: up to 64 of A–Z, a–z, 0–9, _ and -. */
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Days an invite stays valid unless its creator says otherwise. */
export const DEFAULT_INVITE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
// 18 random bytes are 144 bits: 24 base64url characters, far beyond guessing.
const CODE_BYTES = 18;

/** A fresh unguessable invite code: 24 URL-safe characters from the system's CSPRNG. */
export function generateInviteCode(): string {
  return randomBytes(CODE_BYTES).toString("base64url");
}

/** Whether a /start payload could be an invite code at all. */
export function isInviteCode(text: string): boolean {
  return INVITE_CODE_PATTERN.test(text);
}

/** The deep link that opens the bot with `/start <code>`. */
export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

export interface CreateInviteRequest {
  bodyId: number;
  role: Role;
  /** More than 1 makes a group invite; default 1. */
  maxUses?: number;
  /** Default DEFAULT_INVITE_DAYS. */
  days?: number;
  /** Null for the command line. */
  actorUserId: number | null;
  now: Date;
}

export type CreateInviteOutcome =
  | { ok: true; invite: InviteRecord }
  | { ok: false; reason: "bodyNotFound" | "bodyInactive" | "badUses" | "badDays" };

/** Creates an invite with a fresh code and records who made it. */
export async function createInviteForBody(
  repos: Repositories,
  request: CreateInviteRequest,
): Promise<CreateInviteOutcome> {
  const maxUses = request.maxUses ?? 1;
  const days = request.days ?? DEFAULT_INVITE_DAYS;
  if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 10_000) {
    return { ok: false, reason: "badUses" };
  }
  if (!Number.isInteger(days) || days < 1 || days > 365) return { ok: false, reason: "badDays" };
  const body = await repos.directory.getBody(request.bodyId);
  if (!body) return { ok: false, reason: "bodyNotFound" };
  if (!body.active) return { ok: false, reason: "bodyInactive" };
  // A collision of 144 random bits does not happen; the loop only guards the unique index.
  for (;;) {
    const created = await repos.invites.createInvite({
      code: generateInviteCode(),
      bodyId: body.id,
      role: request.role,
      maxUses,
      expiresAt: new Date(request.now.getTime() + days * DAY_MS),
      createdById: request.actorUserId,
    });
    if (!created.ok) {
      if (created.reason === "codeTaken") continue;
      return { ok: false, reason: "bodyNotFound" };
    }
    await repos.audit.record({
      actorUserId: request.actorUserId,
      action: "invite.created",
      target: `body:${body.id}`,
      details: { inviteId: created.invite.id, role: request.role, maxUses, days },
      at: request.now,
    });
    return created;
  }
}

/** Revokes one invite of a body and records it; false when the body has no such invite. */
export async function revokeBodyInvite(
  repos: Repositories,
  request: { bodyId: number; inviteId: number; actorUserId: number | null; now: Date },
): Promise<{ ok: true; invite: InviteRecord } | { ok: false; reason: "notFound" }> {
  const invite = (await repos.invites.listInvites(request.bodyId)).find(
    (candidate) => candidate.id === request.inviteId,
  );
  if (!invite || !(await repos.invites.revokeInvite(invite.code))) {
    return { ok: false, reason: "notFound" };
  }
  await repos.audit.record({
    actorUserId: request.actorUserId,
    action: "invite.revoked",
    target: `body:${request.bodyId}`,
    details: { inviteId: invite.id },
    at: request.now,
  });
  return { ok: true, invite: { ...invite, revoked: true } };
}

/** Whether an invite can still be redeemed at `now`. */
export function isInviteOpen(invite: InviteRecord, now: Date): boolean {
  return whyClosed(invite, now) === undefined;
}

/** Why an invite can no longer be redeemed at `now` (its body aside); undefined while it can. */
export function whyClosed(
  invite: InviteRecord,
  now: Date,
): "revoked" | "expired" | "usedUp" | undefined {
  if (invite.revoked) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  if (invite.uses >= invite.maxUses) return "usedUp";
  return undefined;
}

/** Why an invite did not let a person in. */
export type RedeemRefusal = Extract<RedeemResult, { ok: false }>["reason"];

/**
 * Redeems an invite and records it in the audit log, with the role and body the person had
 * before (a registered person moving by a new invite), so every way in is on record.
 */
export async function redeemInvite(
  repos: Repositories,
  input: RedeemInput,
  before?: Pick<UserRecord, "role" | "bodyId">,
): Promise<RedeemResult> {
  const redeemed = await repos.invites.redeemInvite(input);
  if (!redeemed.ok) return redeemed;
  await repos.audit.record({
    actorUserId: redeemed.user.id,
    action: "invite.redeemed",
    target: `body:${redeemed.invite.bodyId}`,
    details: {
      inviteId: redeemed.invite.id,
      role: redeemed.invite.role,
      ...(before ? { fromRole: before.role, fromBodyId: before.bodyId } : {}),
    },
    at: input.now,
  });
  return redeemed;
}
