import type { PrismaClient, ReportKind } from "../generated/client.ts";
import { isCheckViolation } from "./shared.ts";

/** Day `dueDay` of the month `monthOffset` months after the period's last month, at dueHour:dueMinute (TIME_ZONE). */
export interface DeadlineRuleRecord {
  kind: ReportKind;
  dueDay: number;
  monthOffset: number;
  dueHour: number;
  dueMinute: number;
  updatedAt: Date;
}

export type DeadlineRuleInput = Omit<DeadlineRuleRecord, "kind" | "updatedAt">;

function toRecord(
  row: Omit<DeadlineRuleRecord, "kind"> & { reportKind: ReportKind },
): DeadlineRuleRecord {
  const { reportKind, ...rest } = row;
  return { kind: reportKind, ...rest };
}

/** Editable due dates per report kind (seeded: monthly 5th, quarterly 10th, annual 15 January, 18:00). */
export function createDeadlinesRepository(prisma: PrismaClient) {
  return {
    async getRules(): Promise<DeadlineRuleRecord[]> {
      const rows = await prisma.deadlineRule.findMany({ orderBy: { reportKind: "asc" } });
      return rows.map(toRecord);
    },

    async getRule(kind: ReportKind): Promise<DeadlineRuleRecord | undefined> {
      const row = await prisma.deadlineRule.findUnique({ where: { reportKind: kind } });
      return row ? toRecord(row) : undefined;
    },

    /** Sets a rule; out-of-range days or times are refused by the database's CHECKs. */
    async setRule(
      kind: ReportKind,
      rule: DeadlineRuleInput,
      at: Date = new Date(),
    ): Promise<{ ok: true; rule: DeadlineRuleRecord } | { ok: false; reason: "outOfRange" }> {
      try {
        const row = await prisma.deadlineRule.upsert({
          where: { reportKind: kind },
          create: { reportKind: kind, ...rule, updatedAt: at },
          update: { ...rule, updatedAt: at },
        });
        return { ok: true, rule: toRecord(row) };
      } catch (error) {
        if (isCheckViolation(error)) return { ok: false, reason: "outOfRange" };
        throw error;
      }
    },
  };
}
