import type { Repositories } from "../db/index.ts";
import type { BodyKind, BodyRecord } from "../db/repositories/directory.ts";
import type { ProjectSum } from "../db/repositories/scores.ts";
import { rankBodies } from "../domain/leaderboard.ts";
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

/** A body's points over some periods and its rank among bodies of its kind, in total and per project. */
export interface PeriodStanding {
  body: BodyRecord;
  points: Points;
  rank: number;
  /** How many bodies of the kind are ranked. */
  of: number;
  /** Project id ("p1") → the body's points in it and its rank on them among the same bodies. */
  projects: Map<string, { points: Points; rank: number }>;
}

/** Per body, its points per project (from the database's sums). */
export function pointsByBody(sums: readonly ProjectSum[]): Map<number, Map<string, Points>> {
  const byBody = new Map<number, Map<string, Points>>();
  for (const sum of sums) {
    const projects = byBody.get(sum.bodyId) ?? new Map<string, Points>();
    projects.set(sum.projectId, sumPoints([projects.get(sum.projectId) ?? 0, sum.points]));
    byBody.set(sum.bodyId, projects);
  }
  return byBody;
}

/** A body's total over its projects. */
export function totalOf(projects: ReadonlyMap<string, Points> | undefined): Points {
  return projects ? sumPoints([...projects.values()]) : 0;
}

function ranksOf(bodies: readonly BodyRecord[], points: (body: BodyRecord) => Points) {
  const ranked = rankBodies(
    bodies.map((body) => ({ bodyId: String(body.id), kind: body.kind, points: points(body) })),
  );
  return new Map(ranked.map((entry) => [Number(entry.bodyId), entry.rank]));
}

/**
 * Where each of the bodies stands over the period keys, ranked like with like (rankBodies: each
 * kind on its own; equal points share a rank), in total and project by project.
 */
export function standingsFrom(
  bodies: readonly BodyRecord[],
  sums: readonly ProjectSum[],
  projectIds: readonly string[],
): Map<number, PeriodStanding> {
  const byBody = pointsByBody(sums);
  const totalRanks = ranksOf(bodies, (body) => totalOf(byBody.get(body.id)));
  const projectRanks = new Map(
    projectIds.map((id) => [id, ranksOf(bodies, (body) => byBody.get(body.id)?.get(id) ?? 0)]),
  );
  const counts = new Map<BodyKind, number>();
  for (const body of bodies) counts.set(body.kind, (counts.get(body.kind) ?? 0) + 1);
  return new Map(
    bodies.map((body) => [
      body.id,
      {
        body,
        points: totalOf(byBody.get(body.id)),
        rank: totalRanks.get(body.id) ?? 0,
        of: counts.get(body.kind) ?? 0,
        projects: new Map(
          projectIds.map((id) => [
            id,
            {
              points: byBody.get(body.id)?.get(id) ?? 0,
              rank: projectRanks.get(id)?.get(body.id) ?? 0,
            },
          ]),
        ),
      },
    ]),
  );
}

/**
 * Active bodies of one kind ranked by their points over a period (a month, a quarter, or a year
 * to date: every stored period key inside it), with the unreviewed part of each body's points.
 */
export async function rankBodiesOfKind(
  repos: Repositories,
  kind: BodyKind,
  periodKey: string,
): Promise<LeaderboardLine[]> {
  return (await rankBodiesByKind(repos, [kind], periodKey)).get(kind) ?? [];
}

/**
 * rankBodiesOfKind for several kinds at once, from one read of the directory and of the sums
 * (a document of both kinds need not sum the country's points twice).
 */
export async function rankBodiesByKind(
  repos: Repositories,
  kinds: readonly BodyKind[],
  periodKey: string,
): Promise<Map<BodyKind, LeaderboardLine[]>> {
  const bodies =
    kinds.length === 1
      ? await repos.directory.listBodies({ kind: kinds[0] })
      : (await repos.directory.listBodies()).filter((body) => kinds.includes(body.kind));
  const keys = periodKeysWithin(periodKey);
  const sums = await repos.scores.sumByBodyAndProject(keys);
  const unreviewed = await repos.scores.sumUnreviewedByBody(keys);
  return new Map(
    kinds.map((kind) => {
      const ofKind = bodies.filter((body) => body.kind === kind);
      const standings = standingsFrom(ofKind, sums, []);
      const lines = [...standings.values()]
        .sort((a, b) => a.rank - b.rank || compareIds(a.body, b.body))
        .map((s) => ({
          rank: s.rank,
          body: s.body,
          points: s.points,
          unreviewed: unreviewed.get(s.body.id) ?? 0,
        }));
      return [kind, lines];
    }),
  );
}

// rankBodies breaks ties by the id as text; the list keeps that order.
function compareIds(a: BodyRecord, b: BodyRecord): number {
  const [x, y] = [String(a.id), String(b.id)];
  return x < y ? -1 : x > y ? 1 : 0;
}
