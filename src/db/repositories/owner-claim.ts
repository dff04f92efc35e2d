import type { Lang, PrismaClient } from "../generated/client.ts";
import { toJsonInput, transact } from "./shared.ts";
import { toUserRecord, type UserRecord, userSelect } from "./users.ts";

/** The stored owner-claim link: one code, spent by the first person who opens it in time. */
export interface OwnerClaim {
  code: string;
  /** Set once somebody became the first admin with it. */
  claimedByUserId?: number;
  /** Set once an admin exists or is configured: the link is dead even though nobody used it. */
  expired?: boolean;
}

export interface OwnerClaimInput {
  code: string;
  telegramId: number;
  name: string;
  language: Lang;
  /** ADMIN_TELEGRAM_IDS is set: those people are the admins, the link is not needed. */
  adminsConfigured: boolean;
}

export type OwnerClaimResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: "notTheClaim" | "usedUp" | "expired" | "switchedOff" };

// Kept where the first version stored it, so a link printed before an upgrade still works.
const WHERE = { namespace_key: { namespace: "owner-claim", key: "link" } };

/** The owner-claim link: printed while nobody is an admin, spent once, dead once an admin exists. */
export function createOwnerClaimRepository(prisma: PrismaClient) {
  return {
    async read(): Promise<OwnerClaim | undefined> {
      const row = await prisma.botState.findUnique({ where: WHERE });
      return row ? (row.value as unknown as OwnerClaim) : undefined;
    },

    async write(claim: OwnerClaim): Promise<void> {
      const data = { value: toJsonInput(claim), updatedAt: new Date() };
      await prisma.botState.upsert({
        where: WHERE,
        create: { ...WHERE.namespace_key, ...data },
        update: data,
      });
    },

    /** Marks an unused link dead; true when there was one. */
    async expire(): Promise<boolean> {
      const claim = await this.read();
      if (!claim || claim.claimedByUserId !== undefined || claim.expired) return false;
      await this.write({ ...claim, expired: true });
      return true;
    },

    /**
     * Makes the person the first admin, in one transaction that holds the link's row: only while
     * the code is the link's, nobody used it, and no admin exists (one appearing later kills it).
     */
    claim(input: OwnerClaimInput): Promise<OwnerClaimResult> {
      return transact(prisma, async (tx) => {
        await tx.$executeRaw`
          SELECT 1 FROM bot_state WHERE namespace = 'owner-claim' AND key = 'link' FOR UPDATE`;
        const row = await tx.botState.findUnique({ where: WHERE });
        const claim = row?.value as unknown as OwnerClaim | undefined;
        if (!claim || claim.code !== input.code) return { ok: false, reason: "notTheClaim" };
        if (claim.claimedByUserId !== undefined) return { ok: false, reason: "usedUp" };
        if (claim.expired) return { ok: false, reason: "expired" };
        const save = (next: OwnerClaim) =>
          tx.botState.update({
            where: WHERE,
            data: { value: toJsonInput(next), updatedAt: new Date() },
          });
        const admins = await tx.user.count({ where: { role: "admin" } });
        if (admins > 0 || input.adminsConfigured) {
          await save({ ...claim, expired: true });
          return { ok: false, reason: "expired" };
        }
        const telegramId = BigInt(input.telegramId);
        const existing = await tx.user.findUnique({ where: { telegramId }, select: userSelect });
        // An admin switched this person off; the link must not switch them back on.
        if (existing && !existing.active) return { ok: false, reason: "switchedOff" };
        const user = await tx.user.upsert({
          where: { telegramId },
          create: { telegramId, name: input.name, language: input.language, role: "admin" },
          update: { role: "admin" },
          select: userSelect,
        });
        await save({ code: claim.code, claimedByUserId: user.id });
        return { ok: true, user: toUserRecord(user) };
      });
    },
  };
}
