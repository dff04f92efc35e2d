import type { PrismaClient } from "../generated/client.ts";
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

export interface ReplaceScoresInput {
  bodyId: number;
  periodKey: string;
  methodologyVersion: string;
  computedAt: Date;
  breakdown: readonly ScoreLine[];
}

/** Stored scores; recomputed (replaced as a whole) whenever a body's values for a period change. */
export function createScoresRepository(prisma: PrismaClient) {
  return {
    /** Replaces every score of the body × period with the breakdown, atomically. */
    async replaceScores(input: ReplaceScoresInput): Promise<void> {
      const points = input.breakdown.find((line) => !Number.isInteger(line.points));
      if (points) throw new RangeError(`Points must be integer hundredths (${points.indicatorId})`);
      await transact(prisma, async (tx) => {
        await tx.score.deleteMany({ where: { bodyId: input.bodyId, periodKey: input.periodKey } });
        await tx.score.createMany({
          data: input.breakdown.map((line) => ({
            bodyId: input.bodyId,
            periodKey: input.periodKey,
            indicatorId: line.indicatorId,
            points: line.points,
            applicable: line.applicable,
            methodologyVersion: input.methodologyVersion,
            computedAt: input.computedAt,
          })),
        });
      });
    },

    /** Scores of a period, for one body or all, by body then indicator. */
    listScores(filter: { periodKeys: readonly string[]; bodyId?: number }): Promise<ScoreRecord[]> {
      return prisma.score.findMany({
        where: { periodKey: { in: [...filter.periodKeys] }, bodyId: filter.bodyId },
        orderBy: [{ bodyId: "asc" }, { periodKey: "asc" }, { indicatorId: "asc" }],
      });
    },
  };
}
