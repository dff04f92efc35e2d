import type { Repositories } from "../db/index.ts";
import type { ReportContent } from "../db/repositories/report-contents.ts";
import type { EvidenceRecord } from "../db/repositories/submissions.ts";
import {
  buildMonthlyReportsCsv,
  buildMonthlyReportsWorkbook,
  type MonthlyReportRow,
} from "../documents/monthly-reports-workbook.ts";
import { monthsOf } from "../domain/periods.ts";
import { type Lang, translator } from "../i18n.ts";
import type { ExportFile, ExportFormat } from "./export-types.ts";
import { bodyName } from "./period-labels.ts";

const COUNTED = ["submitted", "accepted"] as const;
// Versions filed before the form asked event by event kept the month's links as evidence of the
// legal-propaganda indicator and its views in that indicator's value.
const PROPAGANDA = "p4.t3.s1";

type T = ReturnType<typeof translator>;

/** The monthly reports of the bodies (all when no scope) for a month, quarter or year: Appendix 5 and 6. */
export async function exportMonthlyReports(
  repos: Repositories,
  options: {
    periodKey: string;
    format: ExportFormat;
    lang: Lang;
    created?: Date;
    bodyIds?: ReadonlySet<number>;
  },
): Promise<ExportFile[]> {
  const rows = eachMonthlyReportRow(repos, options.periodKey, options.lang, options.bodyIds);
  const input = { lang: options.lang, rows, created: options.created };
  const key = options.periodKey;
  if (options.format === "xlsx") {
    return [
      { fileName: `monthly-reports-${key}.xlsx`, data: await buildMonthlyReportsWorkbook(input) },
    ];
  }
  const csv = await buildMonthlyReportsCsv(input);
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
  bodyIds?: ReadonlySet<number>,
): Promise<MonthlyReportRow[]> {
  const rows: MonthlyReportRow[] = [];
  for await (const row of eachMonthlyReportRow(repos, periodKey, lang, bodyIds)) rows.push(row);
  return rows;
}

/**
 * The same rows as they are read: one statement a month however many bodies, its reports kept as
 * text and turned into rows one report at a time, so a document of a country's year holds no
 * more than a month's text and the report it is writing.
 */
export async function* eachMonthlyReportRow(
  repos: Repositories,
  periodKey: string,
  lang: Lang,
  bodyIds?: ReadonlySet<number>,
): AsyncGenerator<MonthlyReportRow> {
  const t = translator(lang);
  const bodies = new Map(
    (await repos.directory.listBodies({ includeInactive: true })).map((b) => [b.id, b]),
  );
  for (const month of monthsOf(periodKey)) {
    const reports = await repos.submissions.listContentsOfPeriod("monthly", month, {
      statuses: COUNTED,
      indicatorIds: [PROPAGANDA],
    });
    for (const report of reports) {
      if (bodyIds && !bodyIds.has(report.bodyId)) continue;
      const body = bodies.get(report.bodyId);
      if (!body) continue;
      yield* versionRows(report.read(), { bodyName: bodyName(body, lang), month }, t);
    }
  }
}

/** Links, views and files a version kept for the whole month rather than for one event. */
interface WholeReport {
  links: string[];
  files: string[];
  published: boolean | undefined;
  views: number | undefined;
}

function wholeReportOf(version: ReportContent, t: T): WholeReport | undefined {
  const evidence = version.evidence.filter((e) => e.item === PROPAGANDA);
  const value = version.values[PROPAGANDA] as
    | { published?: boolean; views?: number }
    | null
    | undefined;
  const propaganda = version.events.filter((e) => e.kind === "propaganda");
  const perEvent = propaganda.some((e) => e.views !== null && e.views !== undefined);
  if (evidence.length === 0 && (perEvent || value?.published !== true)) return undefined;
  return {
    links: linksOf(evidence),
    files: evidence.filter((e) => e.type !== "link").map((e) => describeFile(e, t)),
    published: value?.published,
    views: value?.published === true && !perEvent ? value.views : undefined,
  };
}

function linksOf(evidence: readonly EvidenceRecord[]): string[] {
  return evidence.filter((e) => e.type === "link" && e.link).map((e) => e.link as string);
}

const unique = (items: readonly string[]) => [...new Set(items)];

/**
 * One row an event line. A propaganda event carries its own participants, views (none when not
 * published) and every link; files attached to an event stay with it (evidence item
 * "event:<ordinal>"). What an older version kept for the whole month goes on its first
 * propaganda row, or on a row of its own, marked as such.
 */
function versionRows(
  version: ReportContent,
  base: { bodyName: string; month: string },
  t: T,
): MonthlyReportRow[] {
  const whole = wholeReportOf(version, t);
  const rows: MonthlyReportRow[] = [];
  let wholePlaced = false;
  version.events.forEach((event, index) => {
    const evidence = version.evidence.filter((e) => e.item === `event:${index + 1}`);
    const links = unique([...(event.link ? [event.link] : []), ...linksOf(evidence)]);
    const files = evidence.filter((e) => e.type !== "link").map((e) => describeFile(e, t));
    const common = {
      ...base,
      section: event.kind,
      date: event.date,
      topic: event.topic,
      ...(event.position ? { position: event.position } : {}),
      ...(event.audience ? { audience: event.audience } : {}),
    };
    if (event.kind !== "propaganda") {
      // Appendix 5 has no links column: its links count as evidence.
      rows.push({
        ...common,
        ...(event.kind === "preventive" ? {} : { participants: event.participants }),
        links: [],
        evidence: [...links, ...files],
      });
      return;
    }
    const views = event.views ?? undefined;
    const row: MonthlyReportRow = {
      ...common,
      // Forms before participants were asked stored 0: unknown, not nobody.
      ...(event.participants > 0 ? { participants: event.participants } : {}),
      ...(views !== undefined ? { published: true, views } : whole ? {} : { published: false }),
      links,
      evidence: files,
    };
    if (whole && !wholePlaced) {
      wholePlaced = true;
      rows.push(withWholeReport(row, whole, t));
    } else rows.push(row);
  });
  if (whole && !wholePlaced && (whole.links.length > 0 || whole.views !== undefined)) {
    rows.push(
      withWholeReport({ ...base, section: "propaganda", links: [], evidence: [] }, whole, t),
    );
  }
  return rows;
}

function withWholeReport(row: MonthlyReportRow, whole: WholeReport, t: T): MonthlyReportRow {
  return {
    ...row,
    ...(whole.published !== undefined ? { published: whole.published } : {}),
    ...(whole.views !== undefined ? { views: whole.views } : {}),
    links: unique([...row.links, ...whole.links]),
    evidence: [...row.evidence, ...whole.files],
    note: t("documents:wholeReport"),
  };
}

function describeFile(evidence: EvidenceRecord, t: T): string {
  return t(`admin:export.evidenceFile.${evidence.type}`, { id: evidence.id });
}
