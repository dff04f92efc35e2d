import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import {
  buildReportingCsv,
  buildReportingWorkbook,
  type ReportingInput,
} from "../documents/reporting-workbook.ts";
import { formatPeriodLabel } from "../domain/calendar/format.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { comparePeriods } from "../domain/periods.ts";
import { emptyTally } from "../domain/reports/reporting.ts";
import type { Lang } from "../i18n.ts";
import { periodKeysWithin } from "./body-scores.ts";
import type { ExportFile, ExportFormat } from "./export-types.ts";
import { bodyName } from "./period-labels.ts";
import { listReportStatuses, tallyByBody, tallyByRegionAndPeriod } from "./reporting-rates.ts";

/**
 * Reporting rates over a period (a month, quarter or year and the reports inside it): per body
 * (expected, received, on time, late, returned, missing) and per region × period.
 */
export async function reportingInput(
  repos: Repositories,
  bodies: readonly BodyRecord[],
  options: { periodKey: string; lang: Lang; now: Date; zone: string; methodology: MethodologyBook },
): Promise<Omit<ReportingInput, "created">> {
  const statuses = await listReportStatuses(
    repos,
    bodies,
    periodKeysWithin(options.periodKey),
    options,
  );
  const byBody = tallyByBody(statuses);
  const sorted = [...bodies].sort(
    (a, b) =>
      (a.region ?? "").localeCompare(b.region ?? "") ||
      bodyName(a, options.lang).localeCompare(bodyName(b, options.lang)),
  );
  const regions = [...tallyByRegionAndPeriod(statuses)]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([region, periods]) =>
      [...periods]
        .sort(([a], [b]) => comparePeriods(a, b))
        .map(([periodKey, tally]) => ({
          region: region || null,
          periodLabel: formatPeriodLabel(periodKey, options.lang),
          tally,
        })),
    );
  return {
    lang: options.lang,
    periodLabel: formatPeriodLabel(options.periodKey, options.lang),
    bodies: sorted.map((body) => ({
      bodyName: bodyName(body, options.lang),
      region: body.region,
      tally: byBody.get(body.id) ?? emptyTally(),
    })),
    regions,
  };
}

/** The reporting rates of the bodies as a workbook, or two CSV files (per body, per region). */
export async function exportReporting(
  repos: Repositories,
  bodies: readonly BodyRecord[],
  options: {
    periodKey: string;
    format: ExportFormat;
    lang: Lang;
    created?: Date;
    now: Date;
    zone: string;
    methodology: MethodologyBook;
  },
): Promise<ExportFile[]> {
  const input = { ...(await reportingInput(repos, bodies, options)), created: options.created };
  const key = options.periodKey;
  if (options.format === "xlsx") {
    return [{ fileName: `reporting-${key}.xlsx`, data: await buildReportingWorkbook(input) }];
  }
  const csv = buildReportingCsv(input);
  return [
    { fileName: `reporting-bodies-${key}.csv`, data: csv.bodies, part: "bodies" },
    { fileName: `reporting-regions-${key}.csv`, data: csv.regions, part: "regions" },
  ];
}
