import { calendarDateOf } from "../../domain/calendar/zone.ts";
import type { MethodologyBook } from "../../domain/methodology/book.ts";
import type { Problem } from "../../domain/problems.ts";
import { parseIndicatorValue } from "../../domain/scoring/parse-value.ts";
import type { Prisma, PrismaClient, ReportKind, SubmissionStatus } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import { listReportContents } from "./report-contents.ts";
import { isRetryableConflict, type Json, transact } from "./shared.ts";
import type {
  QueueItem,
  ReviewInput,
  ReviewRecord,
  ReviewResult,
  SubmissionRecord,
  SubmitInput,
  SubmitResult,
  VersionDetail,
  VersionRecord,
} from "./submission-types.ts";

export type * from "./submission-types.ts";

const periodKeyPattern: Record<ReportKind, RegExp> = {
  monthly: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarterly: /^\d{4}-Q[1-4]$/,
  annual: /^\d{4}$/,
};

type SubmissionRow = Prisma.SubmissionGetPayload<object>;

function toSubmission(row: SubmissionRow): SubmissionRecord {
  const { reportKind, ...rest } = row;
  return { ...rest, kind: reportKind };
}

const versionInclude = {
  values: { orderBy: { indicatorId: "asc" } },
  events: { orderBy: { ordinal: "asc" } },
  evidence: { orderBy: { id: "asc" } },
} as const;

type VersionRow = Prisma.SubmissionVersionGetPayload<{ include: typeof versionInclude }>;

function toVersionDetail(row: VersionRow): VersionDetail {
  const { values, events, evidence, ...version } = row;
  return {
    ...version,
    values: Object.fromEntries(values.map((v) => [v.indicatorId, v.value as Json])),
    events: events.map((e) => ({
      kind: e.kind,
      date: calendarDateOf(e.date),
      topic: e.topic,
      participants: e.participants,
      position: e.position,
      audience: e.audience,
      link: e.link,
      views: e.views,
    })),
    evidence: evidence.map(({ versionId: _, ...item }) => item),
  };
}

/**
 * A submit in one statement, so it is all or nothing without a transaction of several round
 * trips: the version's id is drawn first, so the submission row points at it as it is written
 * (the foreign keys are checked when the statement ends). ON CONFLICT takes the submission row's
 * lock: a racing submit waits, then sees the new version_count; an accepted report matches
 * nothing, and then nothing is written and the draft stays.
 */
const SUBMIT = `
  WITH next_version AS (
    SELECT nextval(pg_get_serial_sequence('submission_version', 'id'))::int AS id
  ), claimed AS (
    INSERT INTO submission (body_id, report_kind, period_key, status, late, version_count,
                            current_version_id, created_at, updated_at)
    SELECT $1::int, $2::text::report_kind, $3::text, 'submitted', $4::boolean, 1, id,
           $5::timestamptz, $5::timestamptz
    FROM next_version
    ON CONFLICT (body_id, report_kind, period_key) DO UPDATE
      SET version_count = submission.version_count + 1, status = 'submitted',
          late = EXCLUDED.late, updated_at = EXCLUDED.updated_at,
          current_version_id = EXCLUDED.current_version_id
      WHERE submission.status <> 'accepted'
    RETURNING *
  ), version AS (
    INSERT INTO submission_version (id, submission_id, number, author_user_id, late, created_at, meta)
    SELECT claimed.current_version_id, claimed.id, claimed.version_count, $6::int, $4::boolean,
           $5::timestamptz, $7::text::jsonb
    FROM claimed
    RETURNING *
  ), stored_values AS (
    INSERT INTO submission_value (version_id, indicator_id, value)
    SELECT version.id, v.key, v.value
    FROM version, jsonb_each($8::text::jsonb) AS v(key, value)
  ), stored_events AS (
    INSERT INTO submission_event (version_id, ordinal, kind, date, topic, participants, position,
                                  audience, link, views)
    SELECT version.id, e.ordinal, (e.line->>'kind')::event_kind, (e.line->>'date')::date,
           e.line->>'topic', (e.line->>'participants')::int, e.line->>'position',
           e.line->>'audience', e.line->>'link', (e.line->>'views')::int
    FROM version, jsonb_array_elements($9::text::jsonb) WITH ORDINALITY AS e(line, ordinal)
  ), stored_evidence AS (
    INSERT INTO evidence (version_id, item, type, telegram_file_id, size, mime, link)
    SELECT version.id, f.item, f.type::evidence_type, f."telegramFileId", f.size, f.mime, f.link
    FROM version, jsonb_to_recordset($10::text::jsonb)
      AS f(item text, type text, "telegramFileId" text, size int, mime text, link text)
  ), dropped_draft AS (
    DELETE FROM draft
    WHERE user_id = $6::int AND body_id = $1::int AND report_kind = $2::text::report_kind
      AND period_key = $3::text AND EXISTS (SELECT 1 FROM claimed)
  )
  SELECT row_to_json(claimed) AS submission, row_to_json(version) AS version
  FROM claimed, version`;

type SubmitRow = { submission: SubmissionColumns; version: Record<string, unknown> };

/** A submission row as plain SQL reads it (its columns, or row_to_json of them). */
type SubmissionColumns = {
  id: number;
  body_id: number;
  report_kind: ReportKind;
  period_key: string;
  status: SubmissionStatus;
  late: boolean;
  version_count: number;
  current_version_id: number | null;
  created_at: Date | string;
  updated_at: Date | string;
};

function fromSubmissionColumns(row: SubmissionColumns): SubmissionRecord {
  // In toSubmission's order, kind last.
  return {
    id: row.id,
    bodyId: row.body_id,
    periodKey: row.period_key,
    status: row.status,
    late: row.late,
    versionCount: row.version_count,
    currentVersionId: row.current_version_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    kind: row.report_kind,
  };
}

function fromVersionJson(j: Record<string, unknown>): VersionRecord {
  return {
    id: j.id as number,
    submissionId: j.submission_id as number,
    number: j.number as number,
    authorUserId: j.author_user_id as number,
    late: j.late as boolean,
    createdAt: new Date(j.created_at as string),
    meta: j.meta ?? null,
  };
}

/** Runs a statement again on a serialization failure or deadlock, as transact does a transaction. */
async function retryingConflicts<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
    }
  }
}

/** getCurrent's statement: the submission's columns, and its current version as one JSON value. */
const CURRENT_OF_REPORT = `
  SELECT s.id, s.body_id, s.report_kind::text AS report_kind, s.period_key, s.status::text AS status,
         s.late, s.version_count, s.current_version_id, s.created_at, s.updated_at,
         (SELECT json_build_object(
            'id', v.id, 'submissionId', v.submission_id, 'number', v.number,
            'authorUserId', v.author_user_id, 'late', v.late, 'createdAt', v.created_at,
            'meta', v.meta,
            'values', COALESCE((
              SELECT json_agg(json_build_array(sv.indicator_id, sv.value) ORDER BY sv.indicator_id)
              FROM submission_value sv WHERE sv.version_id = v.id), '[]'::json),
            'events', COALESCE((
              SELECT json_agg(json_build_object(
                'kind', e.kind::text, 'date', to_char(e.date, 'YYYY-MM-DD'), 'topic', e.topic,
                'participants', e.participants, 'position', e.position, 'audience', e.audience,
                'link', e.link, 'views', e.views) ORDER BY e.ordinal)
              FROM submission_event e WHERE e.version_id = v.id), '[]'::json),
            'evidence', COALESCE((
              SELECT json_agg(json_build_object(
                'id', ev.id, 'item', ev.item, 'type', ev.type::text,
                'telegramFileId', ev.telegram_file_id, 'size', ev.size, 'mime', ev.mime,
                'link', ev.link) ORDER BY ev.id)
              FROM evidence ev WHERE ev.version_id = v.id), '[]'::json))
          FROM submission_version v WHERE v.id = s.current_version_id) AS version
  FROM submission s
  WHERE s.body_id = $1::int AND s.report_kind = $2::text::report_kind AND s.period_key = $3::text`;

type CurrentRow = SubmissionColumns & {
  version:
    | (Omit<VersionDetail, "createdAt" | "values"> & {
        createdAt: string;
        values: [string, Json][];
      })
    | null;
};

function fromCurrentRow(row: CurrentRow) {
  const submission = fromSubmissionColumns(row);
  const v = row.version;
  const version: VersionDetail | undefined = v
    ? { ...v, createdAt: new Date(v.createdAt), values: Object.fromEntries(v.values) }
    : undefined;
  return { submission, version };
}

/**
 * Validates every value first, against the version in force for the report's period: nothing
 * unvalidated reaches the database.
 */
function parseValues(book: MethodologyBook, periodKey: string, raw: Record<string, unknown>) {
  const version = book.forPeriod(periodKey);
  const values: [string, unknown][] = [];
  const problems: Problem[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const result = parseIndicatorValue(version, id, value);
    if (result.ok) values.push([id, result.value]);
    else problems.push(...result.problems);
  }
  return { values, problems };
}

/** Reports: one live submission per body × kind × period, each submit an immutable new version. */
/** Where a body's report of one period stands: what the period choice shows. */
export interface PeriodStatus {
  status: SubmissionStatus;
  /** The current version's number; null while the submission has none. */
  version: number | null;
  late: boolean;
}

export function createSubmissionsRepository(
  prisma: PrismaClient,
  sql: SqlRunner,
  methodology: () => MethodologyBook,
) {
  return {
    /**
     * Validates and stores a new version, makes it current and drops the author's draft, in one
     * transaction. Concurrent submits for the same report serialise on the submission row.
     */
    async submit(input: SubmitInput): Promise<SubmitResult> {
      if (!periodKeyPattern[input.kind].test(input.periodKey))
        return { ok: false, reason: "badPeriodKey" };
      const { values, problems } = parseValues(methodology(), input.periodKey, input.values);
      if (problems.length > 0) return { ok: false, reason: "invalidValues", problems };
      const at = input.at ?? new Date();
      const params = [
        input.bodyId,
        input.kind,
        input.periodKey,
        input.late,
        at,
        input.authorUserId,
        input.meta === undefined ? null : JSON.stringify(input.meta),
        // An object by id, read back with jsonb_each: its values stay JSON, a JSON null included.
        JSON.stringify(Object.fromEntries(values.map(([id, value]) => [id, value ?? null]))),
        JSON.stringify(input.events ?? []),
        JSON.stringify(input.evidence ?? []),
      ];
      const rows = await retryingConflicts(() => sql.query<SubmitRow>(SUBMIT, params));
      const row = rows[0];
      if (!row) return { ok: false, reason: "alreadyAccepted" };
      return {
        ok: true,
        submission: fromSubmissionColumns(row.submission),
        version: fromVersionJson(row.version),
      };
    },

    /** The live submission of a report and its current version, or undefined. */
    /**
     * Where the body's reports of these periods stand, by period (absent: none sent). One plain
     * statement (sql.ts): every /report and every submit asks it.
     */
    async listStatuses(
      bodyId: number,
      kind: ReportKind,
      periodKeys: readonly string[],
    ): Promise<Map<string, PeriodStatus>> {
      if (periodKeys.length === 0) return new Map();
      const rows = await sql.query<{
        period_key: string;
        status: SubmissionStatus;
        late: boolean;
        version: number | null;
      }>(
        `SELECT s.period_key, s.status::text AS status, s.late, v.number AS version
         FROM submission s LEFT JOIN submission_version v ON v.id = s.current_version_id
         WHERE s.body_id = $1::int AND s.report_kind = $2::text::report_kind
           AND s.period_key = ANY($3::text[])`,
        [bodyId, kind, [...periodKeys]],
      );
      return new Map(
        rows.map((r) => [r.period_key, { status: r.status, version: r.version, late: r.late }]),
      );
    },

    /**
     * The live submission of a report and its current version, or undefined: one plain statement
     * (sql.ts) instead of Prisma's five, since every submit reads it back to score it.
     */
    async getCurrent(
      bodyId: number,
      kind: ReportKind,
      periodKey: string,
    ): Promise<{ submission: SubmissionRecord; version: VersionDetail | undefined } | undefined> {
      const rows = await sql.query<CurrentRow>(CURRENT_OF_REPORT, [bodyId, kind, periodKey]);
      const row = rows[0];
      return row ? fromCurrentRow(row) : undefined;
    },

    /**
     * Every live submission of one report period with its current version, by body: what
     * getCurrent gives for each body, read in one query (and one a relation) for all of them.
     */
    async listCurrentOfPeriod(
      kind: ReportKind,
      periodKey: string,
    ): Promise<{ submission: SubmissionRecord; version: VersionDetail | undefined }[]> {
      const rows = await prisma.submission.findMany({
        where: { reportKind: kind, periodKey },
        include: { currentVersion: { include: versionInclude } },
        orderBy: { bodyId: "asc" },
      });
      return rows.map(({ currentVersion, ...submission }) => ({
        submission: toSubmission(submission),
        version: currentVersion ? toVersionDetail(currentVersion) : undefined,
      }));
    },

    /** The current content of the period's reports in these statuses, as text: see listReportContents. */
    listContentsOfPeriod: (
      kind: ReportKind,
      periodKey: string,
      only: { statuses: readonly SubmissionStatus[]; indicatorIds: readonly string[] },
    ) => listReportContents(sql, { kind, periodKey }, only),

    async getSubmission(id: number): Promise<SubmissionRecord | undefined> {
      const row = await prisma.submission.findUnique({ where: { id } });
      return row ? toSubmission(row) : undefined;
    },

    /** Every version of a submission, oldest first. */
    listVersions(submissionId: number): Promise<VersionRecord[]> {
      return prisma.submissionVersion.findMany({
        where: { submissionId },
        orderBy: { number: "asc" },
      });
    },

    async getVersion(versionId: number): Promise<VersionDetail | undefined> {
      const row = await prisma.submissionVersion.findUnique({
        where: { id: versionId },
        include: versionInclude,
      });
      return row ? toVersionDetail(row) : undefined;
    },

    /** Accepts or returns a submitted report and records who decided, when and why. */
    async setStatus(submissionId: number, decision: ReviewInput): Promise<ReviewResult> {
      const at = decision.at ?? new Date();
      return transact(prisma, async (tx) => {
        const { count } = await tx.submission.updateMany({
          where: { id: submissionId, status: "submitted" },
          data: { status: decision.status, updatedAt: at },
        });
        const submission = await tx.submission.findUnique({ where: { id: submissionId } });
        if (!submission) return { ok: false, reason: "notFound" } as const;
        if (count === 0 || submission.currentVersionId === null) {
          return { ok: false, reason: "notSubmitted" } as const;
        }
        const review = await tx.reviewDecision.create({
          data: {
            submissionId,
            versionId: submission.currentVersionId,
            reviewerUserId: decision.reviewerUserId,
            action: decision.status === "accepted" ? "accept" : "return",
            comment: decision.comment ?? null,
            decidedAt: at,
          },
        });
        return { ok: true, submission: toSubmission(submission), review } as const;
      });
    },

    /** Review decisions on a submission, oldest first. */
    listReviews(submissionId: number): Promise<ReviewRecord[]> {
      return prisma.reviewDecision.findMany({ where: { submissionId }, orderBy: { id: "asc" } });
    },

    /** Submissions in a status, oldest change first, with their body's names (the review queue). */
    async listQueue(
      status: SubmissionStatus,
      filter: { kind?: ReportKind; bodyId?: number; limit?: number } = {},
    ): Promise<QueueItem[]> {
      const rows = await prisma.submission.findMany({
        where: { status, reportKind: filter.kind, bodyId: filter.bodyId },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take: filter.limit,
        include: { body: { select: { code: true, nameKk: true, nameRu: true } } },
      });
      return rows.map(({ body, ...row }) => ({
        ...toSubmission(row),
        bodyCode: body.code,
        bodyNameKk: body.nameKk,
        bodyNameRu: body.nameRu,
      }));
    },

    /** All live submissions of one report period (for scoring and reminders). */
    async listByPeriod(kind: ReportKind, periodKey: string): Promise<SubmissionRecord[]> {
      const rows = await prisma.submission.findMany({
        where: { reportKind: kind, periodKey },
        orderBy: { bodyId: "asc" },
      });
      return rows.map(toSubmission);
    },

    /**
     * A body's live submissions of these periods with their current versions' values (one query):
     * what the body reported, period by period.
     */
    async listCurrentValues(
      bodyId: number,
      periodKeys: readonly string[],
    ): Promise<{ submission: SubmissionRecord; values: Record<string, Json> }[]> {
      const rows = await prisma.submission.findMany({
        where: { bodyId, periodKey: { in: [...periodKeys] } },
        include: { currentVersion: { include: { values: true } } },
        orderBy: [{ periodKey: "asc" }, { reportKind: "asc" }],
      });
      return rows.map(({ currentVersion, ...row }) => ({
        submission: toSubmission(row),
        values: Object.fromEntries(
          (currentVersion?.values ?? []).map((v) => [v.indicatorId, v.value as Json]),
        ),
      }));
    },

    /** All live submissions of any of these periods (a key names its unit: month, quarter, year). */
    /**
     * The counted values (submitted or accepted) of some indicators of a body's reports over
     * periods, by period key then indicator id: one query, for the history a form compares with.
     */
    async listCountedValues(
      bodyId: number,
      kind: ReportKind,
      periodKeys: readonly string[],
      indicatorIds: readonly string[],
    ): Promise<Record<string, Record<string, Json>>> {
      const rows = await prisma.$queryRaw<
        { period_key: string; indicator_id: string; value: Json }[]
      >`
        SELECT s.period_key, v.indicator_id, v.value
        FROM submission s JOIN submission_value v ON v.version_id = s.current_version_id
        WHERE s.body_id = ${bodyId} AND s.report_kind = ${kind}::report_kind
          AND s.status IN ('submitted', 'accepted')
          AND s.period_key = ANY(${[...periodKeys]}::text[])
          AND v.indicator_id = ANY(${[...indicatorIds]}::text[])`;
      const byPeriod: Record<string, Record<string, Json>> = {};
      for (const row of rows) {
        const period = byPeriod[row.period_key] ?? {};
        period[row.indicator_id] = row.value;
        byPeriod[row.period_key] = period;
      }
      return byPeriod;
    },

    /** A body's submissions (not drafts), newest period first: its report history. */
    async listOfBody(bodyId: number): Promise<SubmissionRecord[]> {
      const rows = await prisma.submission.findMany({
        where: { bodyId, status: { not: "draft" } },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      });
      return rows.map(toSubmission);
    },

    async listByPeriodKeys(
      periodKeys: readonly string[],
      filter: { bodyIds?: readonly number[] } = {},
    ): Promise<SubmissionRecord[]> {
      const rows = await prisma.submission.findMany({
        where: {
          periodKey: { in: [...periodKeys] },
          ...(filter.bodyIds ? { bodyId: { in: [...filter.bodyIds] } } : {}),
        },
        orderBy: [{ bodyId: "asc" }, { periodKey: "asc" }],
      });
      return rows.map(toSubmission);
    },
  };
}
