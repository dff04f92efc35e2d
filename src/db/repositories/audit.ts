import type { PrismaClient } from "../generated/client.ts";
import { type Json, toJsonInput } from "./shared.ts";

export interface AuditInput {
  /** Null for the system (cron jobs, migrations). */
  actorUserId: number | null;
  action: string;
  target?: string | null;
  details?: Json;
  at?: Date;
}

export interface AuditRecord {
  id: number;
  actorUserId: number | null;
  action: string;
  target: string | null;
  details: Json;
  at: Date;
}

/** Who did what to what, and when. */
export function createAuditRepository(prisma: PrismaClient) {
  return {
    async record(input: AuditInput): Promise<AuditRecord> {
      const row = await prisma.auditLog.create({
        data: {
          actorUserId: input.actorUserId,
          action: input.action,
          target: input.target ?? null,
          details: input.details === undefined ? undefined : toJsonInput(input.details),
          at: input.at ?? new Date(),
        },
      });
      return { ...row, details: (row.details ?? null) as Json };
    },

    /** Newest first; `before` pages backwards by id. */
    async list(
      filter: {
        actorUserId?: number;
        action?: string;
        target?: string;
        before?: number;
        limit?: number;
      } = {},
    ): Promise<AuditRecord[]> {
      const rows = await prisma.auditLog.findMany({
        where: {
          actorUserId: filter.actorUserId,
          action: filter.action,
          target: filter.target,
          id: filter.before === undefined ? undefined : { lt: filter.before },
        },
        orderBy: { id: "desc" },
        take: filter.limit ?? 50,
      });
      return rows.map((row) => ({ ...row, details: (row.details ?? null) as Json }));
    },
  };
}
