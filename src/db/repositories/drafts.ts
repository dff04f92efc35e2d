import type { PrismaClient, ReportKind } from "../generated/client.ts";
import { type Json, toJsonInput } from "./shared.ts";

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

/** Unfinished reports per user × body × report kind × period, so a conversation can offer to resume. */
export function createDraftsRepository(prisma: PrismaClient) {
  const where = (key: DraftKey) => ({
    userId_bodyId_reportKind_periodKey: {
      userId: key.userId,
      bodyId: key.bodyId,
      reportKind: key.kind,
      periodKey: key.periodKey,
    },
  });
  const toRecord = (row: {
    userId: number;
    bodyId: number;
    reportKind: ReportKind;
    periodKey: string;
    document: unknown;
    updatedAt: Date;
  }): DraftRecord => ({
    userId: row.userId,
    bodyId: row.bodyId,
    kind: row.reportKind,
    periodKey: row.periodKey,
    document: row.document as Json,
    updatedAt: row.updatedAt,
  });
  return {
    /** Creates or replaces the draft. */
    async saveDraft(key: DraftKey, document: Json, at: Date = new Date()): Promise<DraftRecord> {
      const data = { document: toJsonInput(document), updatedAt: at };
      const row = await prisma.draft.upsert({
        where: where(key),
        create: {
          userId: key.userId,
          bodyId: key.bodyId,
          reportKind: key.kind,
          periodKey: key.periodKey,
          ...data,
        },
        update: data,
      });
      return toRecord(row);
    },

    async getDraft(key: DraftKey): Promise<DraftRecord | undefined> {
      const row = await prisma.draft.findUnique({ where: where(key) });
      return row ? toRecord(row) : undefined;
    },

    /** A user's drafts, most recently touched first. */
    async listDrafts(userId: number): Promise<DraftRecord[]> {
      const rows = await prisma.draft.findMany({
        where: { userId },
        orderBy: { updatedAt: "desc" },
      });
      return rows.map(toRecord);
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
