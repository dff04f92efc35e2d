import type { SqlRunner } from "../sql.ts";
import type { Json } from "./shared.ts";
import type {
  EventLine,
  EvidenceRecord,
  ReportKind,
  SubmissionStatus,
  VersionDetail,
} from "./submission-types.ts";

/** What a current version says: its event lines, evidence and (some of) its values. */
export type ReportContent = Pick<VersionDetail, "values" | "events" | "evidence">;

/** A body's report of the period, whose content is read from text when asked for. */
export interface ReportContentText {
  bodyId: number;
  read(): ReportContent;
}

interface ContentRow {
  body_id: number;
  events: string | null;
  evidence: string | null;
  values: string | null;
}

// The aggregates are JSON arrays of the columns in this order (see below).
type EventCells = [
  EventLine["kind"],
  string,
  string,
  number,
  string | null,
  string | null,
  string | null,
  number | null,
];
type EvidenceCells = [
  number,
  string,
  EvidenceRecord["type"],
  string | null,
  number | null,
  string | null,
  string | null,
];

/**
 * The current version's content of every body's report of a period whose status is one of
 * `statuses`, by body, with the values of `indicatorIds` only: one plain statement (sql.ts), the
 * database aggregating each report's lines as JSON text. A document of a country's month keeps
 * that text, a few strings a report, and parses a report when it writes it: what stays alive is
 * not a month of objects for the garbage collector to copy and trace again on every pass.
 */
export async function listReportContents(
  sql: SqlRunner,
  report: { kind: ReportKind; periodKey: string },
  only: { statuses: readonly SubmissionStatus[]; indicatorIds: readonly string[] },
): Promise<ReportContentText[]> {
  const rows = await sql.query<ContentRow>(
    `SELECT s.body_id,
       (SELECT json_agg(json_build_array(e.kind, e.date, e.topic, e.participants, e.position,
                 e.audience, e.link, e.views) ORDER BY e.ordinal)
          FROM submission_event e WHERE e.version_id = s.current_version_id)::text AS events,
       (SELECT json_agg(json_build_array(x.id, x.item, x.type, x.telegram_file_id, x.size, x.mime,
                 x.link) ORDER BY x.id)
          FROM evidence x WHERE x.version_id = s.current_version_id)::text AS evidence,
       (SELECT json_object_agg(v.indicator_id, v.value)
          FROM submission_value v
          WHERE v.version_id = s.current_version_id AND v.indicator_id = ANY($4::text[]))::text
         AS values
     FROM submission s
     WHERE s.report_kind = $1::text::report_kind AND s.period_key = $2::text
       AND s.status::text = ANY($3::text[]) AND s.current_version_id IS NOT NULL
     ORDER BY s.body_id`,
    [report.kind, report.periodKey, [...only.statuses], [...only.indicatorIds]],
  );
  return rows.map((row) => ({ bodyId: row.body_id, read: () => contentOf(row) }));
}

function contentOf(row: ContentRow): ReportContent {
  const events = row.events ? (JSON.parse(row.events) as EventCells[]) : [];
  const evidence = row.evidence ? (JSON.parse(row.evidence) as EvidenceCells[]) : [];
  return {
    values: row.values ? (JSON.parse(row.values) as Record<string, Json>) : {},
    events: events.map(([kind, date, topic, participants, position, audience, link, views]) => ({
      kind,
      date,
      topic,
      participants,
      position,
      audience,
      link,
      views,
    })),
    evidence: evidence.map(([id, item, type, telegramFileId, size, mime, link]) => ({
      id,
      item,
      type,
      telegramFileId,
      size,
      mime,
      link,
    })),
  };
}
