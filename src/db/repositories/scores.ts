import { Prisma, type PrismaClient } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import { transact } from "./shared.ts";

/** One indicator's points (integer hundredths) for a body in a period. */
export interface ScoreLine {
  indicatorId: string;
  points: number;
  applicable: boolean;
}

export interface ScoreRecord extends ScoreLine {
  bodyId: number;
  periodKey: string;
  methodologyVersion: string;
  computedAt: Date;
}

/** Applicable points of one body in one project, summed over some periods. */
export interface ProjectSum {
  bodyId: number;
  /** The project part of the indicator ids ("p1"). */
  projectId: string;
  points: number;
}

export interface ReplaceScoresInput {
  bodyId: number;
  periodKey: string;
  methodologyVersion: string;
  computedAt: Date;
  breakdown: readonly ScoreLine[];
}

/** The scores of many bodies in one period, all by one methodology version at one time. */
export interface ReplacePeriodScoresInput {
  periodKey: string;
  methodologyVersion: string;
  computedAt: Date;
  bodies: readonly { bodyId: number; breakdown: readonly ScoreLine[] }[];
}

/** Stored scores; recomputed (replaced as a whole) whenever a body's values for a period change. */
const REPLACE_SCORES = `
  WITH dropped AS (
    DELETE FROM score
    WHERE body_id = $1::int AND period_key = $2::text AND indicator_id <> ALL($3::text[])
  )
  INSERT INTO score
    (body_id, indicator_id, period_key, points, applicable, methodology_version, computed_at)
  SELECT $1::int, line.indicator_id, $2::text, line.points, line.applicable, $6::text,
         $7::timestamptz
  FROM unnest($3::text[], $4::int[], $5::boolean[]) AS line (indicator_id, points, applicable)
  ON CONFLICT (body_id, indicator_id, period_key) DO UPDATE
    SET points = EXCLUDED.points, applicable = EXCLUDED.applicable,
        methodology_version = EXCLUDED.methodology_version, computed_at = EXCLUDED.computed_at`;

export function createScoresRepository(prisma: PrismaClient, sql: SqlRunner) {
  return {
    /**
     * Replaces every score of the body × period with the breakdown, atomically: one plain
     * statement (sql.ts), since every submit and review sends it. The breakdown's rows are
     * written over the stored ones and the rest deleted, so the two never touch the same row.
     */
    async replaceScores(input: ReplaceScoresInput): Promise<void> {
      const points = input.breakdown.find((line) => !Number.isInteger(line.points));
      if (points) throw new RangeError(`Points must be integer hundredths (${points.indicatorId})`);
      const ids = input.breakdown.map((line) => line.indicatorId);
      await sql.query(REPLACE_SCORES, [
        input.bodyId,
        input.periodKey,
        ids,
        input.breakdown.map((line) => line.points),
        input.breakdown.map((line) => line.applicable),
        input.methodologyVersion,
        input.computedAt,
      ]);
    },

    /**
     * replaceScores for many bodies of one period, atomically and in two statements however many
     * bodies: the nightly scoring of a whole country's missed reports.
     */
    async replacePeriodScores(input: ReplacePeriodScoresInput): Promise<void> {
      const lines = input.bodies.flatMap(({ bodyId, breakdown }) =>
        breakdown.map((line) => ({ bodyId, ...line })),
      );
      const points = lines.find((line) => !Number.isInteger(line.points));
      if (points) throw new RangeError(`Points must be integer hundredths (${points.indicatorId})`);
      if (input.bodies.length === 0) return;
      const bodyIds = input.bodies.map((body) => body.bodyId);
      await transact(prisma, async (tx) => {
        await tx.$executeRaw`
          DELETE FROM score
          WHERE period_key = ${input.periodKey} AND body_id = ANY(${bodyIds}::integer[])`;
        if (lines.length === 0) return;
        await tx.$executeRaw`
          INSERT INTO score
            (body_id, indicator_id, period_key, points, applicable, methodology_version, computed_at)
          SELECT line.body_id, line.indicator_id, ${input.periodKey}, line.points, line.applicable,
                 ${input.methodologyVersion}, ${input.computedAt}
          FROM unnest(
            ${lines.map((l) => l.bodyId)}::integer[],
            ${lines.map((l) => l.indicatorId)}::text[],
            ${lines.map((l) => l.points)}::integer[],
            ${lines.map((l) => l.applicable)}::boolean[]
          ) AS line (body_id, indicator_id, points, applicable)`;
      });
    },

    /** Every period key that has stored scores: what a new methodology version must leave alone. */
    async listScoredPeriodKeys(): Promise<string[]> {
      const rows = await prisma.score.findMany({
        distinct: ["periodKey"],
        select: { periodKey: true },
      });
      return rows.map((row) => row.periodKey).sort();
    },

    /** Scores of a period, for one body, some or all, by body then indicator. */
    listScores(filter: {
      periodKeys: readonly string[];
      bodyId?: number;
      bodyIds?: readonly number[];
    }): Promise<ScoreRecord[]> {
      const bodies = filter.bodyIds ? { in: [...filter.bodyIds] } : undefined;
      return prisma.score.findMany({
        where: { periodKey: { in: [...filter.periodKeys] }, bodyId: filter.bodyId ?? bodies },
        orderBy: [{ bodyId: "asc" }, { periodKey: "asc" }, { indicatorId: "asc" }],
      });
    },

    /**
     * Applicable points per body and project over the period keys, summed by the database (one
     * row a body and project, however many indicators and periods): rankings of every body.
     */
    async sumByBodyAndProject(
      periodKeys: readonly string[],
      filter: { bodyIds?: readonly number[] } = {},
    ): Promise<ProjectSum[]> {
      if (periodKeys.length === 0 || filter.bodyIds?.length === 0) return [];
      const bodies = filter.bodyIds
        ? Prisma.sql`AND body_id IN (${Prisma.join([...filter.bodyIds])})`
        : Prisma.empty;
      const rows = await prisma.$queryRaw<
        { body_id: number; project_id: string; points: number }[]
      >`
        SELECT body_id, split_part(indicator_id, '.', 1) AS project_id, SUM(points)::integer AS points
        FROM score
        WHERE applicable AND period_key IN (${Prisma.join([...periodKeys])}) ${bodies}
        GROUP BY body_id, project_id
        ORDER BY body_id, project_id`;
      return rows.map((row) => ({
        bodyId: Number(row.body_id),
        projectId: row.project_id,
        points: Number(row.points),
      }));
    },

    /**
     * Per body, the applicable points of reports still waiting for review (status "submitted")
     * among the period keys: the "under review" part of the body's points.
     */
    async sumUnreviewedByBody(periodKeys: readonly string[]): Promise<Map<number, number>> {
      if (periodKeys.length === 0) return new Map();
      const rows = await prisma.$queryRaw<{ body_id: number; points: number }[]>`
        SELECT s.body_id, SUM(s.points)::integer AS points
        FROM score s
        JOIN submission sub
          ON sub.body_id = s.body_id AND sub.period_key = s.period_key AND sub.status = 'submitted'
        WHERE s.applicable AND s.period_key IN (${Prisma.join([...periodKeys])})
        GROUP BY s.body_id`;
      return new Map(rows.map((row) => [Number(row.body_id), Number(row.points)]));
    },
  };
}
