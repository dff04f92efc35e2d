/** Documents rendered from plain data: PNG charts, .xlsx workbooks and CSV files. */

export type { LeaderboardChartEntry, LeaderboardChartInput } from "../charts/leaderboard-chart.ts";
export { ChartDataError } from "../charts/look.ts";
export type { TrendChartInput, TrendMark } from "../charts/trend-chart.ts";
export { toCsv } from "./csv.ts";
export { CHART_FONT_FAMILY, registerChartFonts } from "./fonts.ts";
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
  PNG_LOOK,
  renderChartPng,
  renderChartSvg,
  renderLeaderboardChart,
  renderTrendChart,
} from "./render-chart.ts";
export {
  buildScoreSheetCsv,
  buildScoreSheetWorkbook,
  type ScoreSheetInput,
  type ScoreSheetRow,
} from "./score-sheet-workbook.ts";
export { DocumentDataError } from "./table.ts";
