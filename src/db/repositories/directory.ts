import type { BodyKind, MemberKind, Prisma, PrismaClient } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import { isForeignKeyViolation, isUniqueViolation, transact } from "./shared.ts";

export type { BodyKind, MemberKind };

/** A state body as stored. */
export interface BodyRecord {
  id: number;
  code: string;
  kind: BodyKind;
  nameKk: string;
  nameRu: string;
  region: string | null;
  parentId: number | null;
  active: boolean;
  /** When the body joined the directory: it owes reports only for periods that ended after it. */
  createdAt: Date;
}

export interface BodyInput {
  code: string;
  kind: BodyKind;
  nameKk: string;
  nameRu: string;
  region?: string | null;
  parentId?: number | null;
  active?: boolean;
  /** Defaults to the database's now; imports of earlier periods and tests set it. */
  createdAt?: Date;
}

/** A subdivision, subordinate state body, supervised quasi-public organisation or district of a body. */
export interface MemberRecord {
  id: number;
  bodyId: number;
  kind: MemberKind;
  code: string;
  nameKk: string;
  nameRu: string;
  active: boolean;
}

export interface MemberInput {
  kind: MemberKind;
  code: string;
  nameKk: string;
  nameRu: string;
  active?: boolean;
}

/** One body of an import, keyed by its stable external code; the parent is named by code too. */
export interface DirectoryRow {
  code: string;
  kind: BodyKind;
  nameKk: string;
  nameRu: string;
  region?: string | null;
  parentCode?: string | null;
  active?: boolean;
  members?: MemberInput[];
}

export interface DirectoryImportSummary {
  bodiesCreated: number;
  bodiesUpdated: number;
  membersCreated: number;
  membersUpdated: number;
}

export type CreateBodyResult =
  | { ok: true; body: BodyRecord }
  | { ok: false; reason: "codeTaken" | "parentNotFound" };

const bodySelect = {
  id: true,
  code: true,
  kind: true,
  nameKk: true,
  nameRu: true,
  region: true,
  parentId: true,
  active: true,
  createdAt: true,
} as const;

const memberSelect = {
  id: true,
  bodyId: true,
  kind: true,
  code: true,
  nameKk: true,
  nameRu: true,
  active: true,
} as const;

/** One body by id or code, in bodySelect's fields and order: plain SQL (sql.ts), read by every /report and submit. */
const BODY_BY = (column: "id" | "code") => `
  SELECT id, code, kind::text AS kind, name_kk AS "nameKk", name_ru AS "nameRu", region,
         parent_id AS "parentId", active, created_at AS "createdAt"
  FROM body WHERE ${column} = $1${column === "id" ? "::int" : "::text"}`;
const BODY_BY_ID = BODY_BY("id");
const BODY_BY_CODE = BODY_BY("code");

/** Bodies and the lists that share indicators count over. */
export function createDirectoryRepository(prisma: PrismaClient, sql: SqlRunner) {
  return {
    /** Adds a body; a taken code or unknown parent is an expected outcome. */
    async createBody(input: BodyInput): Promise<CreateBodyResult> {
      try {
        const body = await prisma.body.create({ data: input, select: bodySelect });
        return { ok: true, body };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: "codeTaken" };
        if (isForeignKeyViolation(error)) return { ok: false, reason: "parentNotFound" };
        throw error;
      }
    },

    /** Changes a body's names, kind, region or parent; undefined when there is no such body. */
    async updateBody(
      id: number,
      patch: Partial<Omit<BodyInput, "code">>,
    ): Promise<BodyRecord | undefined> {
      const { count } = await prisma.body.updateMany({ where: { id }, data: patch });
      return count === 0 ? undefined : this.getBody(id);
    },

    async setBodyActive(id: number, active: boolean): Promise<boolean> {
      const { count } = await prisma.body.updateMany({ where: { id }, data: { active } });
      return count > 0;
    },

    async getBody(id: number): Promise<BodyRecord | undefined> {
      if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) return undefined;
      return (await sql.query<BodyRecord>(BODY_BY_ID, [id]))[0];
    },

    async getBodyByCode(code: string): Promise<BodyRecord | undefined> {
      return (await sql.query<BodyRecord>(BODY_BY_CODE, [code]))[0];
    },

    /** Bodies by kind, Russian name order; active ones only unless asked. */
    listBodies(filter: { kind?: BodyKind; includeInactive?: boolean } = {}): Promise<BodyRecord[]> {
      return prisma.body.findMany({
        where: { kind: filter.kind, active: filter.includeInactive ? undefined : true },
        orderBy: [{ nameRu: "asc" }, { id: "asc" }],
        select: bodySelect,
      });
    },

    /** Bodies whose parent is the given body. */
    listSubordinates(parentId: number): Promise<BodyRecord[]> {
      return prisma.body.findMany({
        where: { parentId },
        orderBy: [{ nameRu: "asc" }, { id: "asc" }],
        select: bodySelect,
      });
    },

    /**
     * Every body below a body (children, their children…), in one query however deep or wide the
     * tree; a cycle in the parent links cannot loop. By name, as listSubordinates orders them.
     */
    async listAllBelow(bodyId: number): Promise<BodyRecord[]> {
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        WITH RECURSIVE below (id, path) AS (
          SELECT id, ARRAY[${bodyId}::integer, id] FROM body WHERE parent_id = ${bodyId}
          UNION ALL
          SELECT b.id, below.path || b.id FROM body b JOIN below ON b.parent_id = below.id
          WHERE NOT b.id = ANY(below.path)
        )
        SELECT DISTINCT id FROM below`;
      if (rows.length === 0) return [];
      return prisma.body.findMany({
        where: { id: { in: rows.map((row) => Number(row.id)) } },
        orderBy: [{ nameRu: "asc" }, { id: "asc" }],
        select: bodySelect,
      });
    },

    /** Adds a member; its code is unique within the body. */
    async addMember(
      bodyId: number,
      input: MemberInput,
    ): Promise<
      { ok: true; member: MemberRecord } | { ok: false; reason: "codeTaken" | "bodyNotFound" }
    > {
      try {
        const member = await prisma.bodyMember.create({
          data: { bodyId, ...input },
          select: memberSelect,
        });
        return { ok: true, member };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: "codeTaken" };
        if (isForeignKeyViolation(error)) return { ok: false, reason: "bodyNotFound" };
        throw error;
      }
    },

    async updateMember(
      id: number,
      patch: Partial<Omit<MemberInput, "code">>,
    ): Promise<MemberRecord | undefined> {
      const { count } = await prisma.bodyMember.updateMany({ where: { id }, data: patch });
      if (count === 0) return undefined;
      return (
        (await prisma.bodyMember.findUnique({ where: { id }, select: memberSelect })) ?? undefined
      );
    },

    async setMemberActive(id: number, active: boolean): Promise<boolean> {
      const { count } = await prisma.bodyMember.updateMany({ where: { id }, data: { active } });
      return count > 0;
    },

    /** A body's members of one kind (all kinds when none given); active only unless asked. */
    listMembers(
      bodyId: number,
      filter: { kind?: MemberKind; includeInactive?: boolean } = {},
    ): Promise<MemberRecord[]> {
      return prisma.bodyMember.findMany({
        where: { bodyId, kind: filter.kind, active: filter.includeInactive ? undefined : true },
        orderBy: [{ kind: "asc" }, { nameRu: "asc" }, { id: "asc" }],
        select: memberSelect,
      });
    },

    /** How many active members of each kind a body has: the `total` of share indicators. */
    async countMembers(bodyId: number): Promise<Record<MemberKind, number>> {
      const groups = await prisma.bodyMember.groupBy({
        by: ["kind"],
        where: { bodyId, active: true },
        _count: { _all: true },
      });
      const counts: Record<MemberKind, number> = {
        subdivision: 0,
        subordinate: 0,
        quasiPublic: 0,
        district: 0,
      };
      for (const group of groups) counts[group.kind] = group._count._all;
      return counts;
    },

    /**
     * Creates or updates bodies and members by their external codes, in one transaction.
     * Rows equal to what is stored are not written, so importing the same data twice changes nothing.
     * Members missing from a row are left as they are.
     */
    upsertDirectory(rows: DirectoryRow[]): Promise<DirectoryImportSummary> {
      return transact(prisma, async (tx) => {
        const summary: DirectoryImportSummary = {
          bodiesCreated: 0,
          bodiesUpdated: 0,
          membersCreated: 0,
          membersUpdated: 0,
        };
        const ids = new Map<string, number>();
        const created = new Set<string>();
        // Parents first pass without parent links, so rows may come in any order.
        for (const row of rows) {
          const existing = await tx.body.findUnique({
            where: { code: row.code },
            select: bodySelect,
          });
          const wanted = {
            kind: row.kind,
            nameKk: row.nameKk,
            nameRu: row.nameRu,
            region: row.region ?? null,
            active: row.active ?? true,
          };
          if (!existing) {
            const body = await tx.body.create({
              data: { code: row.code, ...wanted },
              select: { id: true },
            });
            ids.set(row.code, body.id);
            created.add(row.code);
            summary.bodiesCreated++;
            continue;
          }
          ids.set(row.code, existing.id);
          if (differs(existing, wanted)) {
            await tx.body.update({ where: { id: existing.id }, data: wanted });
            summary.bodiesUpdated++;
          }
        }
        for (const row of rows) {
          const id = ids.get(row.code) as number;
          const parentId = await resolveParent(tx, ids, row.parentCode);
          const current = await tx.body.findUniqueOrThrow({
            where: { id },
            select: { parentId: true },
          });
          if (current.parentId !== parentId) {
            await tx.body.update({ where: { id }, data: { parentId } });
            if (!created.has(row.code)) summary.bodiesUpdated++;
          }
          for (const member of row.members ?? []) {
            const existing = await tx.bodyMember.findUnique({
              where: { bodyId_code: { bodyId: id, code: member.code } },
              select: memberSelect,
            });
            const wanted = {
              kind: member.kind,
              nameKk: member.nameKk,
              nameRu: member.nameRu,
              active: member.active ?? true,
            };
            if (!existing) {
              await tx.bodyMember.create({ data: { bodyId: id, code: member.code, ...wanted } });
              summary.membersCreated++;
            } else if (differs(existing, wanted)) {
              await tx.bodyMember.update({ where: { id: existing.id }, data: wanted });
              summary.membersUpdated++;
            }
          }
        }
        return summary;
      });
    },
  };
}

async function resolveParent(
  tx: Prisma.TransactionClient,
  ids: Map<string, number>,
  parentCode: string | null | undefined,
): Promise<number | null> {
  if (!parentCode) return null;
  const known = ids.get(parentCode);
  if (known !== undefined) return known;
  const parent = await tx.body.findUnique({ where: { code: parentCode }, select: { id: true } });
  if (!parent) throw new DirectoryImportError(`Unknown parent body code "${parentCode}"`);
  return parent.id;
}

function differs(existing: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(([key, value]) => existing[key] !== value);
}

/** An import row names a parent that neither the import nor the database has; nothing was written. */
export class DirectoryImportError extends Error {
  override readonly name = "DirectoryImportError";
}
