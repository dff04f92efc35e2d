import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { SubmissionRecord } from "../db/repositories/submission-types.ts";
import { type DeadlineRule, dueAt, type ReportKind } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { periodEnd } from "../domain/periods.ts";
import { reportKindOfPeriod, reportObligation } from "../domain/reports/obligations.ts";
import {
  addState,
  emptyTally,
  type ReportingTally,
  type ReportState,
  reportState,
} from "../domain/reports/reporting.ts";
import { loadDeadlineRules } from "./deadlines.ts";

/** One report a body owes, and where it stands. */
export interface ReportStatus {
  body: BodyRecord;
  kind: ReportKind;
  periodKey: string;
  state: ReportState;
  dueAt: Date;
}

export interface ReportingOptions {
  now: Date;
  zone: string;
  /** The deadline rules in force; loaded from the database when not given. */
  rules?: readonly DeadlineRule[];
  /** The methodology book: each period's version says which reports carry indicators for whom. */
  methodology: MethodologyBook;
  /**
   * The bodies' submissions of the periods when already read and indexed (more bodies or periods
   * do no harm): a job that reads them once for every body asks nothing more per body.
   */
  submissions?: SubmissionIndex;
}

/** Submissions by kind and period ("monthly|2026-10"), then body: where listReportStatuses looks. */
export type SubmissionIndex = ReadonlyMap<string, ReadonlyMap<number, SubmissionRecord>>;

/**
 * Every report the bodies owe for the periods (any mix of months, quarters and years) that have
 * ended by now, with its state. Only owed reports are listed (see owesReport), so a central body
 * never appears with a quarterly report, nor a body with a period that ended before it joined.
 * One query for all the bodies and periods.
 */
export async function listReportStatuses(
  repos: Repositories,
  bodies: readonly BodyRecord[],
  periodKeys: readonly string[],
  options: ReportingOptions,
): Promise<ReportStatus[]> {
  const { now, zone } = options;
  const ended = periodKeys.filter((key) => periodEnd(key, zone).getTime() <= now.getTime());
  if (bodies.length === 0 || ended.length === 0) return [];
  const rules = options.rules ?? (await loadDeadlineRules(repos));
  const submissions =
    options.submissions ??
    indexSubmissions(
      await repos.submissions.listByPeriodKeys(ended, { bodyIds: bodies.map((b) => b.id) }),
    );
  const statuses: ReportStatus[] = [];
  for (const periodKey of ended) {
    const kind = reportKindOfPeriod(periodKey);
    if (!kind) continue;
    const due = dueAt(kind, periodKey, rules, zone);
    const owes = reportObligation(
      { kind, periodKey },
      { methodology: options.methodology.forPeriod(periodKey), zone },
    );
    const received = submissions.get(`${kind}|${periodKey}`);
    for (const body of bodies) {
      if (!owes({ kind: body.kind, joinedAt: body.createdAt })) continue;
      statuses.push({
        body,
        kind,
        periodKey,
        state: reportState(received?.get(body.id), due, now),
        dueAt: due,
      });
    }
  }
  return statuses;
}

export function indexSubmissions(rows: readonly SubmissionRecord[]): SubmissionIndex {
  const index = new Map<string, Map<number, SubmissionRecord>>();
  for (const row of rows) {
    const key = `${row.kind}|${row.periodKey}`;
    const ofPeriod = index.get(key) ?? new Map<number, SubmissionRecord>();
    ofPeriod.set(row.bodyId, row);
    index.set(key, ofPeriod);
  }
  return index;
}

/** Tallies statuses by a key (a body, a period, a region…); keys keep the order first seen. */
export function tallyBy<K>(
  statuses: readonly ReportStatus[],
  keyOf: (status: ReportStatus) => K,
): Map<K, ReportingTally> {
  const tallies = new Map<K, ReportingTally>();
  for (const status of statuses) {
    const key = keyOf(status);
    const tally = tallies.get(key) ?? emptyTally();
    addState(tally, status.state);
    tallies.set(key, tally);
  }
  return tallies;
}

/** One tally of all the statuses. */
export function tallyAll(statuses: readonly ReportStatus[]): ReportingTally {
  return tallyBy(statuses, () => "all").get("all") ?? emptyTally();
}

/** Per body: how many owed reports each received, on time, late, missing… */
export function tallyByBody(statuses: readonly ReportStatus[]): Map<number, ReportingTally> {
  return tallyBy(statuses, (status) => status.body.id);
}

/** Per period key. */
export function tallyByPeriod(statuses: readonly ReportStatus[]): Map<string, ReportingTally> {
  return tallyBy(statuses, (status) => status.periodKey);
}

/** Per region (the directory's `region`; "" for bodies without one) × period key. */
export function tallyByRegionAndPeriod(
  statuses: readonly ReportStatus[],
): Map<string, Map<string, ReportingTally>> {
  const byRegion = new Map<string, ReportStatus[]>();
  for (const status of statuses) {
    const region = status.body.region ?? "";
    const list = byRegion.get(region) ?? [];
    list.push(status);
    byRegion.set(region, list);
  }
  return new Map([...byRegion].map(([region, list]) => [region, tallyByPeriod(list)]));
}

/** Bodies that received nothing of what they owed (expected > 0, received 0): "not reported". */
export function bodiesWithoutReports(statuses: readonly ReportStatus[]): Set<number> {
  const silent = new Set<number>();
  for (const [bodyId, tally] of tallyByBody(statuses)) {
    if (tally.received === 0) silent.add(bodyId);
  }
  return silent;
}
