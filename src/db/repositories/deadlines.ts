import type { PrismaClient, ReportKind } from "../generated/client.ts";
import { isCheckViolation } from "./shared.ts";
import { bumpVersion } from "./update-state.ts";

/** The cache version name of the deadline rules (bot_state, namespace "version"). */
const DEADLINES_VERSION = "deadline_rule";

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
/** The deadline rules' repository (see createDeadlinesRepository). */
export interface DeadlinesRepository {
  getRules(): Promise<DeadlineRuleRecord[]>;
  forUpdate(versions: Record<string, number>): DeadlinesRepository;
  getRule(kind: ReportKind): Promise<DeadlineRuleRecord | undefined>;
  setRule(
    kind: ReportKind,
    rule: DeadlineRuleInput,
    at?: Date,
  ): Promise<{ ok: true; rule: DeadlineRuleRecord } | { ok: false; reason: "outOfRange" }>;
}

export function createDeadlinesRepository(prisma: PrismaClient): DeadlinesRepository {
  let cache: { version: number; rules: DeadlineRuleRecord[] } | undefined;
  const readRules = async () =>
    (await prisma.deadlineRule.findMany({ orderBy: { reportKind: "asc" } })).map(toRecord);
  const repository: DeadlinesRepository = {
    /** The rules, read afresh (jobs, the dashboard: whatever runs outside an update). */
    getRules: readRules,

    /**
     * The same repository for an update whose first statement read the cache `versions`: its rules
     * are read once and kept while the version is the one they were read at (an edit on any
     * instance bumps it).
     */
    forUpdate(versions) {
      const version = versions[DEADLINES_VERSION] ?? 0;
      return {
        ...repository,
        async getRules() {
          if (cache && cache.version === version) return cache.rules;
          const rules = await readRules();
          cache = { version, rules };
          return rules;
        },
      };
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
        // Every instance reads the rules again at its next update.
        await bumpVersion(prisma, DEADLINES_VERSION);
        cache = undefined;
        return { ok: true, rule: toRecord(row) };
      } catch (error) {
        if (isCheckViolation(error)) return { ok: false, reason: "outOfRange" };
        throw error;
      }
    },
  };
  return repository;
}
