import type { Prisma, PrismaClient, ReportKind, SubmissionStatus } from "../generated/client.ts";
import type { QueueItem } from "./submission-types.ts";

/** Which reports a reviewer looks at: one status, optionally one kind, period and body. */
export interface QueueFilter {
  status: SubmissionStatus;
  kind?: ReportKind;
  periodKey?: string;
  bodyId?: number;
}

/** How many reports of a filter there are per period key, or per body. */
export interface PeriodCount {
  periodKey: string;
  count: number;
}

export interface BodyCount {
  bodyId: number;
  code: string;
  nameKk: string;
  nameRu: string;
  count: number;
}

function whereOf(filter: QueueFilter): Prisma.SubmissionWhereInput {
  return {
    status: filter.status,
    ...(filter.kind ? { reportKind: filter.kind } : {}),
    ...(filter.periodKey ? { periodKey: filter.periodKey } : {}),
    ...(filter.bodyId !== undefined ? { bodyId: filter.bodyId } : {}),
  };
}

/** The review queue read a page at a time, with the counts its filters offer. */
export function createReviewQueueRepository(prisma: PrismaClient) {
  return {
    /**
     * One page of the reports a filter selects and how many it selects in all. Waiting reports
     * come oldest change first (a queue), decided ones newest first (what happened lately).
     */
    async page(
      filter: QueueFilter,
      window: { offset: number; limit: number },
    ): Promise<{ items: QueueItem[]; total: number }> {
      const where = whereOf(filter);
      const order = filter.status === "submitted" ? "asc" : "desc";
      const [total, rows] = await Promise.all([
        prisma.submission.count({ where }),
        prisma.submission.findMany({
          where,
          orderBy: [{ updatedAt: order }, { id: order }],
          skip: window.offset,
          take: window.limit,
          include: { body: { select: { code: true, nameKk: true, nameRu: true } } },
        }),
      ]);
      const items = rows.map(({ body, reportKind, ...row }) => ({
        ...row,
        kind: reportKind,
        bodyCode: body.code,
        bodyNameKk: body.nameKk,
        bodyNameRu: body.nameRu,
      }));
      return { items, total };
    },

    /** How many reports each status holds within the filter's kind, period and body (the tabs' counts). */
    async countByStatus(
      filter: Omit<QueueFilter, "status"> = {},
    ): Promise<Record<SubmissionStatus, number>> {
      const { status: _, ...where } = whereOf({ ...filter, status: "submitted" });
      const groups = await prisma.submission.groupBy({
        by: ["status"],
        where,
        _count: { _all: true },
      });
      const counts: Record<SubmissionStatus, number> = {
        draft: 0,
        submitted: 0,
        returned: 0,
        accepted: 0,
      };
      for (const group of groups) counts[group.status] = group._count._all;
      return counts;
    },

    /** The period keys the filter's reports are for (the filter's own period ignored), with counts. */
    async periods(filter: QueueFilter): Promise<PeriodCount[]> {
      const groups = await prisma.submission.groupBy({
        by: ["periodKey"],
        where: whereOf({ ...filter, periodKey: undefined }),
        _count: { _all: true },
      });
      return groups.map((g) => ({ periodKey: g.periodKey, count: g._count._all }));
    },

    /** The bodies the filter's reports come from (the filter's own body ignored), with counts, by code. */
    async bodies(filter: QueueFilter): Promise<BodyCount[]> {
      const groups = await prisma.submission.groupBy({
        by: ["bodyId"],
        where: whereOf({ ...filter, bodyId: undefined }),
        _count: { _all: true },
      });
      const bodies = await prisma.body.findMany({
        where: { id: { in: groups.map((g) => g.bodyId) } },
        select: { id: true, code: true, nameKk: true, nameRu: true },
        orderBy: { code: "asc" },
      });
      const counts = new Map(groups.map((g) => [g.bodyId, g._count._all]));
      return bodies.map(({ id, ...body }) => ({ bodyId: id, ...body, count: counts.get(id) ?? 0 }));
    },
  };
}
