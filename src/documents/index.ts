/** Documents rendered from plain data: PNG charts, .xlsx workbooks and CSV files. */
import type { LeaderboardChartInput } from "../charts/leaderboard-chart.ts";
import type { TrendChartInput } from "../charts/trend-chart.ts";

export type { LeaderboardChartEntry, LeaderboardChartInput } from "../charts/leaderboard-chart.ts";
export { ChartDataError } from "../charts/look.ts";
export type { TrendChartInput, TrendMark } from "../charts/trend-chart.ts";
export { toCsv } from "./csv.ts";
export { chartWords, formatHundredths } from "./labels.ts";
export {
  buildLeaderboardCsv,
  buildLeaderboardWorkbook,
  type LeaderboardInput,
  type LeaderboardRow,
} from "./leaderboard-workbook.ts";
export {
  buildMonthlyReportsCsv,
  buildMonthlyReportsWorkbook,
  type MonthlyReportRow,
  type MonthlyReportSection,
  type MonthlyReportsInput,
} from "./monthly-reports-workbook.ts";
export { readWorkbookRows, type WorkbookCell, type WorkbookSheetRows } from "./read-workbook.ts";
export {
  buildScoreSheetCsv,
  buildScoreSheetWorkbook,
  type ScoreSheetInput,
  type ScoreSheetRow,
} from "./score-sheet-workbook.ts";
export { DocumentDataError } from "./table.ts";

// ECharts and the canvas load with the first chart a process draws (the digest, the leaderboard),
// not at every start: their import is half a second of CPU in a fresh process.
const charts = () => import("./render-chart.ts");

/** The digest's trend chart as a PNG (render-chart.ts). */
export async function renderTrendChart(input: TrendChartInput): Promise<Buffer> {
  return (await charts()).renderTrendChart(input);
}

/** The leaderboard chart as a PNG (render-chart.ts). */
export async function renderLeaderboardChart(input: LeaderboardChartInput): Promise<Buffer> {
  return (await charts()).renderLeaderboardChart(input);
}
