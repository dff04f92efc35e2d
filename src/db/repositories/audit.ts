import type { PrismaClient } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import type { Json } from "./shared.ts";

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
export function createAuditRepository(prisma: PrismaClient, sql: SqlRunner) {
  return {
    /** Plain SQL (sql.ts): every submit records one. Details null or left out are stored as NULL. */
    async record(input: AuditInput): Promise<AuditRecord> {
      const at = input.at ?? new Date();
      const target = input.target ?? null;
      const rows = await sql.query<{ id: number }>(
        `INSERT INTO audit_log (actor_user_id, action, target, details, at)
         VALUES ($1::int, $2::text, $3::text, $4::text::jsonb, $5::timestamptz)
         RETURNING id`,
        [
          input.actorUserId,
          input.action,
          target,
          input.details == null ? null : JSON.stringify(input.details),
          at,
        ],
      );
      return {
        id: Number(rows[0]?.id),
        actorUserId: input.actorUserId,
        action: input.action,
        target,
        details: input.details ?? null,
        at,
      };
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
