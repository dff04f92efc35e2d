import type { Lang, PrismaClient, Role } from "../generated/client.ts";
import { isForeignKeyViolation, isUniqueViolation, transact } from "./shared.ts";
import { toUserRecord, type UserRecord, userSelect } from "./users.ts";

export interface InviteRecord {
  id: number;
  code: string;
  bodyId: number;
  role: Role;
  expiresAt: Date;
  uses: number;
  maxUses: number;
  revoked: boolean;
  createdById: number | null;
  createdAt: Date;
}

export interface InviteInput {
  code: string;
  bodyId: number;
  role: Role;
  expiresAt: Date;
  /** More than 1 makes a group invite. */
  maxUses?: number;
  createdById?: number | null;
}

export interface RedeemInput {
  code: string;
  telegramId: number;
  name: string;
  language: Lang;
  now: Date;
}

export type RedeemResult =
  | { ok: true; user: UserRecord; invite: InviteRecord }
  | {
      ok: false;
      reason:
        | "notFound"
        | "revoked"
        | "expired"
        | "usedUp"
        | "alreadyRedeemed"
        | "bodyInactive"
        | "switchedOff";
    };

class AlreadyRedeemed extends Error {}

/** Invite codes: created by managers, redeemed once per person within their uses. */
export function createInvitesRepository(prisma: PrismaClient) {
  return {
    async createInvite(
      input: InviteInput,
    ): Promise<
      { ok: true; invite: InviteRecord } | { ok: false; reason: "codeTaken" | "bodyNotFound" }
    > {
      try {
        return { ok: true, invite: await prisma.invite.create({ data: input }) };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: "codeTaken" };
        if (isForeignKeyViolation(error)) return { ok: false, reason: "bodyNotFound" };
        throw error;
      }
    },

    async getInvite(code: string): Promise<InviteRecord | undefined> {
      return (await prisma.invite.findUnique({ where: { code } })) ?? undefined;
    },

    listInvites(bodyId: number): Promise<InviteRecord[]> {
      return prisma.invite.findMany({ where: { bodyId }, orderBy: { createdAt: "desc" } });
    },

    /** Revokes a code; false when there is no such code. */
    async revokeInvite(code: string): Promise<boolean> {
      const { count } = await prisma.invite.updateMany({
        where: { code },
        data: { revoked: true },
      });
      return count > 0;
    },

    /**
     * Uses one of the invite's uses and makes the person a user of its body with its role, atomically:
     * the conditional increment lets exactly max_uses redemptions through, however many race. An
     * account an admin switched off stays off (switchedOff, no use spent): only an admin lifts it.
     */
    async redeemInvite(input: RedeemInput): Promise<RedeemResult> {
      try {
        return await transact(prisma, async (tx) => {
          const telegramId = BigInt(input.telegramId);
          const existing = await tx.user.findUnique({
            where: { telegramId },
            select: { active: true },
          });
          if (existing && !existing.active) return { ok: false, reason: "switchedOff" } as const;
          const claimed = await tx.$queryRaw<{ id: number }[]>`
            UPDATE invite SET uses = uses + 1
            WHERE code = ${input.code} AND NOT revoked AND expires_at > ${input.now} AND uses < max_uses
              AND EXISTS (SELECT 1 FROM body WHERE body.id = invite.body_id AND body.active)
            RETURNING id`;
          const inviteId = claimed[0]?.id;
          if (inviteId === undefined) {
            const invite = await tx.invite.findUnique({
              where: { code: input.code },
              include: { body: true },
            });
            return { ok: false, reason: refusal(invite, input.now) } as const;
          }
          const invite = await tx.invite.findUniqueOrThrow({ where: { id: inviteId } });
          const user = await tx.user.upsert({
            where: { telegramId },
            create: {
              telegramId,
              name: input.name,
              language: input.language,
              role: invite.role,
              bodyId: invite.bodyId,
            },
            update: { name: input.name, role: invite.role, bodyId: invite.bodyId },
            select: userSelect,
          });
          try {
            await tx.inviteRedemption.create({
              data: { inviteId, userId: user.id, redeemedAt: input.now },
            });
          } catch (error) {
            // Throwing rolls the increment back, so a repeat does not spend a use.
            if (isUniqueViolation(error)) throw new AlreadyRedeemed();
            throw error;
          }
          return { ok: true, user: toUserRecord(user), invite } as const;
        });
      } catch (error) {
        if (error instanceof AlreadyRedeemed) return { ok: false, reason: "alreadyRedeemed" };
        throw error;
      }
    },
  };
}

function refusal(
  invite: {
    revoked: boolean;
    expiresAt: Date;
    uses: number;
    maxUses: number;
    body: { active: boolean };
  } | null,
  now: Date,
): "notFound" | "revoked" | "expired" | "usedUp" | "bodyInactive" {
  if (!invite) return "notFound";
  if (invite.revoked) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.uses >= invite.maxUses) return "usedUp";
  return "bodyInactive";
}
