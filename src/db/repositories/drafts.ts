import type { PrismaClient, ReportKind } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import type { Json } from "./shared.ts";

/** Which report a draft is for. */
export interface DraftKey {
  userId: number;
  bodyId: number;
  kind: ReportKind;
  periodKey: string;
}

export interface DraftRecord extends DraftKey {
  document: Json;
  updatedAt: Date;
}

const keyOf = ({ userId, bodyId, kind, periodKey }: DraftKey): DraftKey => ({
  userId,
  bodyId,
  kind,
  periodKey,
});

/** Unfinished reports per user × body × report kind × period, so a conversation can offer to resume. */
export function createDraftsRepository(prisma: PrismaClient, sql: SqlRunner) {
  const where = (key: DraftKey) => ({
    userId_bodyId_reportKind_periodKey: {
      userId: key.userId,
      bodyId: key.bodyId,
      reportKind: key.kind,
      periodKey: key.periodKey,
    },
  });
  return {
    /**
     * Creates or replaces the draft. Plain SQL (sql.ts): every step of a form writes its draft, and
     * a Prisma model query costs the bot about twice the CPU of the same statement sent raw.
     */
    async saveDraft(key: DraftKey, document: Json, at: Date = new Date()): Promise<DraftRecord> {
      await sql.query(
        `INSERT INTO draft (user_id, body_id, report_kind, period_key, document, updated_at)
         VALUES ($1::int, $2::int, $3::text::report_kind, $4::text, $5::text::jsonb, $6::timestamptz)
         ON CONFLICT (user_id, body_id, report_kind, period_key)
         DO UPDATE SET document = EXCLUDED.document, updated_at = EXCLUDED.updated_at`,
        [key.userId, key.bodyId, key.kind, key.periodKey, JSON.stringify(document ?? null), at],
      );
      return { ...keyOf(key), document, updatedAt: at };
    },

    /** The draft of a report, if any (plain SQL, as saveDraft). */
    async getDraft(key: DraftKey): Promise<DraftRecord | undefined> {
      const rows = await sql.query<{ document: Json; updated_at: Date | string }>(
        `SELECT document, updated_at FROM draft
         WHERE user_id = $1::int AND body_id = $2::int
           AND report_kind = $3::text::report_kind AND period_key = $4::text`,
        [key.userId, key.bodyId, key.kind, key.periodKey],
      );
      const row = rows[0];
      if (!row) return undefined;
      return { ...keyOf(key), document: row.document, updatedAt: new Date(row.updated_at) };
    },

    /** A user's drafts, most recently touched first (plain SQL: every report's entry reads them). */
    async listDrafts(userId: number): Promise<DraftRecord[]> {
      const rows = await sql.query<{
        body_id: number;
        report_kind: ReportKind;
        period_key: string;
        document: Json;
        updated_at: Date | string;
      }>(
        `SELECT body_id, report_kind::text AS report_kind, period_key, document, updated_at
         FROM draft WHERE user_id = $1::int ORDER BY updated_at DESC, id DESC`,
        [userId],
      );
      return rows.map((row) => ({
        userId,
        bodyId: row.body_id,
        kind: row.report_kind,
        periodKey: row.period_key,
        document: row.document,
        updatedAt: new Date(row.updated_at),
      }));
    },

    /** False when there was no draft. */
    async deleteDraft(key: DraftKey): Promise<boolean> {
      const { count } = await prisma.draft.deleteMany({
        where: where(key).userId_bodyId_reportKind_periodKey,
      });
      return count > 0;
    },
  };
}
