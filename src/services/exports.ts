import type { Repositories } from "../db/index.ts";
import type { BodyKind } from "../db/repositories/directory.ts";
import type { EvidenceRecord } from "../db/repositories/submissions.ts";
import {
  buildLeaderboardCsv,
  buildLeaderboardWorkbook,
} from "../documents/leaderboard-workbook.ts";
import {
  buildMonthlyReportsCsv,
  buildMonthlyReportsWorkbook,
  type MonthlyReportRow,
} from "../documents/monthly-reports-workbook.ts";
import {
  buildScoreSheetCsv,
  buildScoreSheetWorkbook,
  type ScoreSheetRow,
} from "../documents/score-sheet-workbook.ts";
import { formatPeriodLabel } from "../domain/calendar/format.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { locateIndicator } from "../domain/methodology/lookup.ts";
import { isPeriodKey, monthsOf } from "../domain/periods.ts";
import { sumPoints } from "../domain/points.ts";
import { appliesToBody } from "../domain/scoring/score-indicator.ts";
import type { Variants } from "../domain/variants.ts";
import { type Lang, translator } from "../i18n.ts";
import { maxPerReport, periodKeysWithin, reportsWithin } from "./body-scores.ts";
import { rankBodiesOfKind } from "./leaderboard.ts";
import { bodyName } from "./period-labels.ts";

export type ExportFormat = "xlsx" | "csv";
export const EXPORT_KINDS = ["monthly", "scores", "leaderboard"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A document ready to send or write. */
export interface ExportFile {
  fileName: string;
  data: Buffer;
  /** Which of several files this is ("appendix5", "central"), when an export makes more than one. */
  part?: string;
}

const COUNTED = new Set(["submitted", "accepted"]);

/** The monthly reports of every body for a month, quarter or year: Appendix 5 and 6, one row an event. */
export async function exportMonthlyReports(
  repos: Repositories,
  options: { periodKey: string; format: ExportFormat; lang: Lang; created?: Date },
): Promise<ExportFile[]> {
  const rows = await monthlyReportRows(repos, options.periodKey, options.lang);
  const input = { lang: options.lang, rows, created: options.created };
  const key = options.periodKey;
  if (options.format === "xlsx") {
    return [
      { fileName: `monthly-reports-${key}.xlsx`, data: await buildMonthlyReportsWorkbook(input) },
    ];
  }
  const csv = buildMonthlyReportsCsv(input);
  return [
    { fileName: `appendix5-${key}.csv`, data: csv.appendix5, part: "appendix5" },
    { fileName: `appendix6-${key}.csv`, data: csv.appendix6, part: "appendix6" },
  ];
}

/** Every event line of the counted monthly reports of the period's months, by month then body. */
export async function monthlyReportRows(
  repos: Repositories,
  periodKey: string,
  lang: Lang,
): Promise<MonthlyReportRow[]> {
  const t = translator(lang);
  const rows: MonthlyReportRow[] = [];
  for (const month of monthsOf(periodKey)) {
    for (const submission of await repos.submissions.listByPeriod("monthly", month)) {
      if (!COUNTED.has(submission.status) || submission.currentVersionId === null) continue;
      const [body, version] = await Promise.all([
        repos.directory.getBody(submission.bodyId),
        repos.submissions.getVersion(submission.currentVersionId),
      ]);
      if (!body || !version) continue;
      const propaganda = version.values["p4.t3.s1"] as { published?: boolean } | undefined;
      version.events.forEach((event, index) => {
        const evidence = version.evidence.filter((e) => e.item === `event:${index + 1}`);
        const links = evidence
          .filter((e) => e.type === "link" && e.link)
          .map((e) => e.link as string);
        const files = evidence.filter((e) => e.type !== "link").map((e) => describeFile(e, t));
        const isPropaganda = event.kind === "propaganda";
        rows.push({
          bodyName: bodyName(body, lang),
          month,
          section: event.kind,
          date: event.date,
          topic: event.topic,
          ...(event.kind === "preventive" ? {} : { participants: event.participants }),
          ...(event.position ? { position: event.position } : {}),
          ...(event.audience ? { audience: event.audience } : {}),
          ...(isPropaganda && propaganda?.published !== undefined
            ? { published: propaganda.published }
            : {}),
          ...(event.views !== null && event.views !== undefined ? { views: event.views } : {}),
          links: [...(event.link ? [event.link] : []), ...(isPropaganda ? links : [])],
          evidence: isPropaganda ? files : [...links, ...files],
        });
      });
    }
  }
  return rows;
}

function describeFile(evidence: EvidenceRecord, t: ReturnType<typeof translator>): string {
  return t(`admin:export.evidenceFile.${evidence.type}`, { id: evidence.id });
}

/** One body's score sheet for a period: every indicator that period holds, with its points and maximum. */
export async function scoreSheetRows(
  repos: Repositories,
  methodology: MethodologyBook,
  bodyId: number,
  periodKey: string,
  options: { lang: Lang; variants?: Variants },
): Promise<{ rows: ScoreSheetRow[]; total: number } | undefined> {
  const version = methodology.forPeriod(periodKey);
  const body = await repos.directory.getBody(bodyId);
  if (!body) return undefined;
  const keys = new Set(periodKeysWithin(periodKey));
  const stored = (await repos.scores.listScores({ periodKeys: [...keys], bodyId })).filter((row) =>
    keys.has(row.periodKey),
  );
  const rows: ScoreSheetRow[] = [];
  for (const def of version.indicators) {
    const reports = reportsWithin(def, periodKey);
    if (reports === 0) continue;
    const own = stored.filter((row) => row.indicatorId === def.id);
    const applies = appliesToBody(def, { bodyKind: body.kind });
    // A share over an empty list does not apply in the periods it was reported for.
    const applicable = applies && (own.length === 0 || own.some((row) => row.applicable));
    const max = maxPerReport(def, options.variants);
    const place = locateIndicator(version, def.id);
    rows.push({
      indicatorId: def.id,
      project: place?.project.number ?? "",
      task: place?.task.number ?? "",
      title: def.title[options.lang],
      points: applicable ? sumPoints(own.filter((r) => r.applicable).map((r) => r.points)) : 0,
      ...(applicable && max !== undefined ? { max: max * reports } : {}),
      applicable,
    });
  }
  const total = sumPoints(rows.filter((r) => r.applicable).map((r) => r.points));
  return { rows, total };
}

/** A body's score sheet as a document; undefined when there is no such body. */
export async function exportScoreSheet(
  repos: Repositories,
  methodology: MethodologyBook,
  options: {
    bodyId: number;
    periodKey: string;
    format: ExportFormat;
    lang: Lang;
    variants?: Variants;
    created?: Date;
  },
): Promise<ExportFile[] | undefined> {
  const body = await repos.directory.getBody(options.bodyId);
  const sheet = await scoreSheetRows(
    repos,
    methodology,
    options.bodyId,
    options.periodKey,
    options,
  );
  if (!body || !sheet) return undefined;
  const input = {
    lang: options.lang,
    bodyName: bodyName(body, options.lang),
    periodLabel: formatPeriodLabel(options.periodKey, options.lang),
    rows: sheet.rows,
    total: sheet.total,
    created: options.created,
  };
  const fileName = `score-sheet-${body.code}-${options.periodKey}.${options.format}`;
  const data =
    options.format === "xlsx" ? await buildScoreSheetWorkbook(input) : buildScoreSheetCsv(input);
  return [{ fileName, data }];
}

/** The leaderboard of each body kind asked for (both when none), ranked by points over the period. */
export async function exportLeaderboard(
  repos: Repositories,
  options: { periodKey: string; format: ExportFormat; lang: Lang; kind?: BodyKind; created?: Date },
): Promise<ExportFile[]> {
  const t = translator(options.lang);
  const files: ExportFile[] = [];
  for (const kind of options.kind ? [options.kind] : (["central", "regional"] as const)) {
    const lines = await rankBodiesOfKind(repos, kind, options.periodKey);
    const input = {
      lang: options.lang,
      kindLabel: `${t(`manager:kinds.${kind}`)}, ${formatPeriodLabel(options.periodKey, options.lang)}`,
      rows: lines.map((line) => ({
        rank: line.rank,
        bodyName: bodyName(line.body, options.lang),
        points: line.points,
        // Blank rather than 0: the column flags points still waiting for review.
        ...(line.unreviewed === 0 ? {} : { unreviewedPoints: line.unreviewed }),
      })),
      created: options.created,
    };
    const data =
      options.format === "xlsx"
        ? await buildLeaderboardWorkbook(input)
        : buildLeaderboardCsv(input);
    files.push({
      fileName: `leaderboard-${kind}-${options.periodKey}.${options.format}`,
      data,
      part: kind,
    });
  }
  return files;
}

/** What to export: one of the three documents for a period key (month, quarter or year). */
export type ExportRequest =
  | { kind: "monthly"; periodKey: string }
  | { kind: "scores"; periodKey: string; bodyId: number }
  | { kind: "leaderboard"; periodKey: string; bodyKind?: BodyKind };

export type RunExportResult =
  | { ok: true; files: ExportFile[] }
  | { ok: false; reason: "badPeriod" | "bodyNotFound" };

/** Builds the asked documents and records in the audit log who exported what. */
export async function runExport(
  repos: Repositories,
  methodology: MethodologyBook,
  request: ExportRequest,
  options: {
    format: ExportFormat;
    lang: Lang;
    actorUserId: number | null;
    now: Date;
    variants?: Variants;
  },
): Promise<RunExportResult> {
  if (!isPeriodKey(request.periodKey)) return { ok: false, reason: "badPeriod" };
  const common = {
    periodKey: request.periodKey,
    format: options.format,
    lang: options.lang,
    created: options.now,
  };
  let files: ExportFile[] | undefined;
  if (request.kind === "monthly") files = await exportMonthlyReports(repos, common);
  else if (request.kind === "leaderboard") {
    files = await exportLeaderboard(repos, {
      ...common,
      ...(request.bodyKind ? { kind: request.bodyKind } : {}),
    });
  } else {
    files = await exportScoreSheet(repos, methodology, {
      ...common,
      bodyId: request.bodyId,
      variants: options.variants,
    });
  }
  if (!files) return { ok: false, reason: "bodyNotFound" };
  await repos.audit.record({
    actorUserId: options.actorUserId,
    action: "export",
    target: request.kind,
    details: { ...request, format: options.format, files: files.map((f) => f.fileName) },
    at: options.now,
  });
  return { ok: true, files };
}
