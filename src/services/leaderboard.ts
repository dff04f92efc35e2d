import type { Repositories } from "../db/index.ts";
import type { BodyKind, BodyRecord } from "../db/repositories/directory.ts";
import type { ReportKind } from "../domain/deadlines.ts";
import { rankBodies } from "../domain/leaderboard.ts";
import { parsePeriod } from "../domain/periods.ts";
import { type Points, sumPoints } from "../domain/points.ts";
import { periodKeysWithin } from "./body-scores.ts";

/** One body's place among bodies of its kind. */
export interface LeaderboardLine {
  rank: number;
  body: BodyRecord;
  points: Points;
  /** The part of `points` from reports still waiting for review ("submitted", not "accepted"). */
  unreviewed: Points;
}

const REPORT_KIND_OF: Record<"month" | "quarter" | "year", ReportKind> = {
  month: "monthly",
  quarter: "quarterly",
  year: "annual",
};

/**
 * Active bodies of one kind ranked by their points over a period (a month, a quarter, or a year
 * to date: every stored period key inside it), with the unreviewed part of each body's points.
 */
export async function rankBodiesOfKind(
  repos: Repositories,
  kind: BodyKind,
  periodKey: string,
): Promise<LeaderboardLine[]> {
  const bodies = await repos.directory.listBodies({ kind });
  const keys = periodKeysWithin(periodKey);
  const rows = await repos.scores.listScores({ periodKeys: keys });
  const pending = await pendingReports(repos, keys);
  const points = new Map<number, Points>();
  const unreviewed = new Map<number, Points>();
  for (const row of rows) {
    if (!row.applicable) continue;
    points.set(row.bodyId, sumPoints([points.get(row.bodyId) ?? 0, row.points]));
    if (pending.has(`${row.bodyId}|${row.periodKey}`)) {
      unreviewed.set(row.bodyId, sumPoints([unreviewed.get(row.bodyId) ?? 0, row.points]));
    }
  }
  const byId = new Map(bodies.map((body) => [String(body.id), body]));
  const ranked = rankBodies(
    bodies.map((body) => ({ bodyId: String(body.id), kind, points: points.get(body.id) ?? 0 })),
  );
  return ranked.map((entry) => {
    const body = byId.get(entry.bodyId) as BodyRecord;
    return {
      rank: entry.rank,
      body,
      points: entry.points,
      unreviewed: unreviewed.get(body.id) ?? 0,
    };
  });
}

/** "bodyId|periodKey" of every report among the keys that is submitted and not yet accepted. */
async function pendingReports(repos: Repositories, keys: readonly string[]): Promise<Set<string>> {
  const pending = new Set<string>();
  for (const key of keys) {
    const period = parsePeriod(key);
    if (!period) continue;
    for (const submission of await repos.submissions.listByPeriod(
      REPORT_KIND_OF[period.kind],
      key,
    )) {
      if (submission.status === "submitted") pending.add(`${submission.bodyId}|${key}`);
    }
  }
  return pending;
}
