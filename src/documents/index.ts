/** Documents rendered from plain data: PNG charts, .xlsx workbooks and CSV files. */

export { ChartDataError } from "./chart-drawing.ts";
export { toCsv } from "./csv.ts";
export { CHART_FONT_FAMILY, registerChartFonts } from "./fonts.ts";
export { formatHundredths, formatMonth, formatMonthName } from "./labels.ts";
export {
  type LeaderboardChartEntry,
  type LeaderboardChartInput,
  renderLeaderboardChart,
} from "./leaderboard-chart.ts";
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
export {
  type ProjectTrendChartInput,
  renderProjectTrendChart,
  type TrendSeries,
} from "./project-trend-chart.ts";
export { readWorkbookRows, type WorkbookCell, type WorkbookSheetRows } from "./read-workbook.ts";
export {
  buildScoreSheetCsv,
  buildScoreSheetWorkbook,
  type ScoreSheetInput,
  type ScoreSheetRow,
} from "./score-sheet-workbook.ts";
export { DocumentDataError } from "./table.ts";
