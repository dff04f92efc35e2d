import type { BodyRecord } from "../db/repositories/directory.ts";
import type { ReportKind } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { owesReport } from "../domain/reports/obligations.ts";

/**
 * The bodies that owe a report for a period, by the methodology in force for it: a central body
 * owes no quarterly report, and nobody owes a period that ended before it joined the directory.
 * Reminders, broadcasts to those who have not reported, /score and digests ask this one question.
 */
export function bodiesOwing(
  bodies: readonly Pick<BodyRecord, "id" | "kind" | "createdAt">[],
  report: { kind: ReportKind; periodKey: string },
  book: MethodologyBook,
  zone: string,
): Set<number> {
  const rules = { methodology: book.forPeriod(report.periodKey), zone };
  return new Set(
    bodies
      .filter((b) => owesReport({ kind: b.kind, joinedAt: b.createdAt }, report, rules))
      .map((b) => b.id),
  );
}
