import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import { rankBodies } from "../domain/leaderboard.ts";
import { comparePeriods, monthsOf, periodOf, previousPeriod, yearOf } from "../domain/periods.ts";
import { type Points, sumPoints } from "../domain/points.ts";
import { type BodyYearScore, yearScores } from "./report-scores.ts";

/** Where a body stands after a month: its points and its rank among bodies of its kind. */
export interface BodyStanding {
  body: BodyRecord;
  /** Points of the year's periods that ended by the end of the month. */
  yearToDate: Points;
  /** The month's own points (its monthly report). */
  month: Points;
  /** The month before's points (December of the year before for January). */
  previousMonth: Points;
  rank: number;
  /** How many bodies of the kind are ranked. */
  of: number;
  /** The rank a month earlier; undefined in January (the year starts afresh). */
  previousRank: number | undefined;
}

/** Whether a stored period (month, quarter, year) has ended by the end of `month`. */
export function endedBy(periodKey: string, month: string): boolean {
  const last = monthsOf(periodKey).at(-1) ?? periodKey;
  return comparePeriods(last, month) <= 0;
}

/** Points of the periods that ended by the end of `month` (the year to date). */
export function pointsThrough(score: BodyYearScore | undefined, month: string): Points {
  if (!score) return 0;
  return sumPoints(
    Object.entries(score.periods)
      .filter(([key]) => endedBy(key, month))
      .map(([, points]) => points),
  );
}

function rankOf(
  bodies: readonly BodyRecord[],
  points: (body: BodyRecord) => Points,
): Map<number, number> {
  const ranked = rankBodies(
    bodies.map((body) => ({ bodyId: String(body.id), kind: body.kind, points: points(body) })),
  );
  return new Map(ranked.map((entry) => [Number(entry.bodyId), entry.rank]));
}

/**
 * Every active body's standing after a month, from the stored scores: year-to-date points ranked
 * against bodies of the same kind (rankBodies), now and a month earlier.
 */
export async function computeStandings(
  repos: Repositories,
  month: string,
): Promise<Map<number, BodyStanding>> {
  periodOf(month, "month");
  const year = yearOf(month);
  const previous = previousPeriod(month);
  const bodies = await repos.directory.listBodies();
  const scores = await yearScores(repos, year);
  const lastYear = yearOf(previous) === year ? scores : await yearScores(repos, year - 1);
  const ytd = (body: BodyRecord) => pointsThrough(scores.get(body.id), month);
  const ranks = rankOf(bodies, ytd);
  const earlier =
    yearOf(previous) === year
      ? rankOf(bodies, (body) => pointsThrough(scores.get(body.id), previous))
      : undefined;
  const counts = new Map<string, number>();
  for (const body of bodies) counts.set(body.kind, (counts.get(body.kind) ?? 0) + 1);
  const standings = new Map<number, BodyStanding>();
  for (const body of bodies) {
    standings.set(body.id, {
      body,
      yearToDate: ytd(body),
      month: scores.get(body.id)?.periods[month] ?? 0,
      previousMonth: lastYear.get(body.id)?.periods[previous] ?? 0,
      rank: ranks.get(body.id) ?? 0,
      of: counts.get(body.kind) ?? 0,
      previousRank: earlier?.get(body.id),
    });
  }
  return standings;
}

/** Standings of one kind, best first (ties by name as rankBodies orders them). */
export function standingsOfKind(
  standings: ReadonlyMap<number, BodyStanding>,
  kind: BodyRecord["kind"],
): BodyStanding[] {
  return [...standings.values()]
    .filter((s) => s.body.kind === kind)
    .sort((a, b) => a.rank - b.rank || a.body.id - b.body.id);
}
