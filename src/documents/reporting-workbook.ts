import { type ReportingTally, ratePercent } from "../domain/reports/reporting.ts";
import { type Lang, translator } from "../i18n.ts";
import {
  columnsIn,
  type DocumentTable,
  type TableCell,
  type TableColumn,
  tablesToWorkbook,
  tableToCsv,
} from "./table.ts";

/** One body's reports over the period: expected, received, on time… */
export type ReportingBodyRow = { bodyName: string; region: string | null; tally: ReportingTally };

/** One region's reports in one period. */
export type ReportingRegionRow = {
  region: string | null;
  periodLabel: string;
  tally: ReportingTally;
};

export type ReportingInput = {
  lang: Lang;
  /** The span the rates cover: "октябрь 2026", "2026 год". */
  periodLabel: string;
  bodies: ReportingBodyRow[];
  regions: ReportingRegionRow[];
  created?: Date;
};

/** The .xlsx of reporting rates: one sheet per body, one per region and period. */
export async function buildReportingWorkbook(input: ReportingInput): Promise<Buffer> {
  return tablesToWorkbook(reportingTables(input), input.created);
}

/** The same two tables as CSV files. */
export function buildReportingCsv(input: ReportingInput): { bodies: Buffer; regions: Buffer } {
  const [bodies, regions] = reportingTables(input);
  return { bodies: tableToCsv(bodies), regions: tableToCsv(regions) };
}

function reportingTables(input: ReportingInput): [DocumentTable, DocumentTable] {
  const t = translator(input.lang);
  const column = columnsIn(input.lang);
  const counts: TableColumn[] = [
    column("reportsExpected", 12, "integer"),
    column("reportsReceived", 12, "integer"),
    column("reportsOnTime", 12, "integer"),
    column("reportsLate", 12, "integer"),
    column("reportsReturned", 14, "integer"),
    column("reportsMissing", 12, "integer"),
    column("receivedRate", 12, "integer"),
    column("onTimeRate", 12, "integer"),
  ];
  const tallyCells = (tally: ReportingTally): TableCell[] => [
    tally.expected,
    tally.received,
    tally.onTime,
    tally.late,
    tally.returned,
    tally.missing,
    ratePercent(tally.received, tally) ?? null,
    ratePercent(tally.onTime, tally) ?? null,
  ];
  const region = (name: string | null) => (name ? name : t("documents:noRegion"));
  return [
    {
      sheetName: t("documents:sheets.reportingBodies"),
      title: t("documents:titles.reportingBodies", { period: input.periodLabel }),
      columns: [column("body", 44), column("region", 20), ...counts, column("note", 20)],
      rows: input.bodies.map((row) => [
        row.bodyName,
        region(row.region),
        ...tallyCells(row.tally),
        row.tally.expected > 0 && row.tally.received === 0 ? t("documents:notReported") : null,
      ]),
    },
    {
      sheetName: t("documents:sheets.reportingRegions"),
      title: t("documents:titles.reportingRegions", { period: input.periodLabel }),
      columns: [column("region", 24), column("period", 18), ...counts],
      rows: input.regions.map((row) => [
        region(row.region),
        row.periodLabel,
        ...tallyCells(row.tally),
      ]),
    },
  ];
}
