import type { Lang, PrismaClient, Role } from "../generated/client.ts";
import { fromBigInt, isForeignKeyViolation, isUniqueViolation } from "./shared.ts";

export type { Lang, Role };

/** A person who uses the bot. */
export interface UserRecord {
  id: number;
  telegramId: number;
  name: string;
  language: Lang;
  role: Role;
  bodyId: number | null;
  /** Access: false only when an admin (or an import) switched it off. */
  active: boolean;
  /** When Telegram last refused a message to them (they blocked the bot); null when reachable. */
  unreachableSince: Date | null;
}

export interface UserInput {
  telegramId: number;
  name: string;
  language: Lang;
  role: Role;
  bodyId: number | null;
  active?: boolean;
}

export const userSelect = {
  id: true,
  telegramId: true,
  name: true,
  language: true,
  role: true,
  bodyId: true,
  active: true,
  unreachableSince: true,
} as const;

/** Maps a stored user row to plain data. */
export function toUserRecord(row: {
  id: number;
  telegramId: bigint;
  name: string;
  language: Lang;
  role: Role;
  bodyId: number | null;
  active: boolean;
  unreachableSince: Date | null;
}): UserRecord {
  return { ...row, telegramId: fromBigInt(row.telegramId) };
}

/** People, their language, role and body. */
export function createUsersRepository(prisma: PrismaClient) {
  const update = async (id: number, data: Record<string, unknown>) => {
    const { count } = await prisma.user.updateMany({ where: { id }, data });
    if (count === 0) return undefined;
    return toUserRecord(await prisma.user.findUniqueOrThrow({ where: { id }, select: userSelect }));
  };
  return {
    /** Adds a user; an admin may have no body, everyone else needs one (a CHECK enforces it). */
    async createUser(
      input: UserInput,
    ): Promise<
      { ok: true; user: UserRecord } | { ok: false; reason: "telegramIdTaken" | "bodyNotFound" }
    > {
      try {
        const row = await prisma.user.create({
          data: { ...input, telegramId: BigInt(input.telegramId) },
          select: userSelect,
        });
        return { ok: true, user: toUserRecord(row) };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: "telegramIdTaken" };
        if (isForeignKeyViolation(error)) return { ok: false, reason: "bodyNotFound" };
        throw error;
      }
    },

    async getUser(id: number): Promise<UserRecord | undefined> {
      const row = await prisma.user.findUnique({ where: { id }, select: userSelect });
      return row ? toUserRecord(row) : undefined;
    },

    async getUserByTelegramId(telegramId: number): Promise<UserRecord | undefined> {
      const row = await prisma.user.findUnique({
        where: { telegramId: BigInt(telegramId) },
        select: userSelect,
      });
      return row ? toUserRecord(row) : undefined;
    },

    /**
     * Users of a body or with a role, in name order; active only unless asked, and only those
     * Telegram delivers to with `reachableOnly` (what jobs and broadcasts send to).
     */
    async listUsers(
      filter: {
        bodyId?: number;
        role?: Role;
        includeInactive?: boolean;
        reachableOnly?: boolean;
      } = {},
    ): Promise<UserRecord[]> {
      const rows = await prisma.user.findMany({
        where: {
          bodyId: filter.bodyId,
          role: filter.role,
          active: filter.includeInactive ? undefined : true,
          unreachableSince: filter.reachableOnly ? null : undefined,
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: userSelect,
      });
      return rows.map(toUserRecord);
    },

    setLanguage: (id: number, language: Lang) => update(id, { language }),
    /** Keeps the name Telegram shows current. */
    setName: (id: number, name: string) => update(id, { name }),
    /** Changes the role (and body, when given); a non-admin without a body is refused by the database. */
    setRole: (id: number, role: Role, bodyId?: number | null) =>
      update(id, bodyId === undefined ? { role } : { role, bodyId }),
    setActive: (id: number, active: boolean) => update(id, { active }),

    /**
     * Telegram refused a message to this chat with 403 (blocked, deactivated): keeps the first
     * time it did. Access is untouched. Returns the user, if the chat is one.
     */
    async markUnreachable(telegramId: number, at: Date): Promise<UserRecord | undefined> {
      await prisma.user.updateMany({
        where: { telegramId: BigInt(telegramId), unreachableSince: null },
        data: { unreachableSince: at },
      });
      const row = await prisma.user.findUnique({
        where: { telegramId: BigInt(telegramId) },
        select: userSelect,
      });
      return row ? toUserRecord(row) : undefined;
    },

    /** The person wrote to the bot, so Telegram delivers to them again; true if they were not. */
    async markReachable(id: number): Promise<boolean> {
      const { count } = await prisma.user.updateMany({
        where: { id, unreachableSince: { not: null } },
        data: { unreachableSince: null },
      });
      return count > 0;
    },
  };
}
