import type { ReportingTally, ReportState } from "../domain/reports/reporting.ts";
import type { ChartSpec } from "./echarts.ts";
import {
  baseOption,
  type ChartLook,
  GRID_LINE,
  gridOf,
  headerLayout,
  INK,
  MUTED_INK,
  plotWidthOf,
  rowAxisExtent,
  rowHeightOf,
  STATE_COLOURS,
  textWidth,
} from "./look.ts";

export interface ReportingChartInput {
  title: string;
  /** One row a period, in order: the tally of the reports owed for it and its end note ("9 из 10"). */
  periods: { label: string; tally: ReportingTally; note: string }[];
  /** The states' names (the legend) and the words of an empty chart. */
  words: Record<ReportState, string> & { noData: string };
}

const STACK_ORDER: readonly ReportState[] = ["onTime", "late", "returned", "missing", "pending"];

/**
 * Reporting rates as DHIS2 shows them, one row a period: the reports owed, stacked by state
 * (on time, late, returned, missing, still awaited), and "received of expected" at the row's end.
 */
export function reportingChart(input: ReportingChartInput, look: ChartLook): ChartSpec {
  const rowHeight = rowHeightOf(look, 30, 24);
  const { legendTop, top } = headerLayout(
    look,
    input.title,
    STACK_ORDER.map((state) => input.words[state]),
  );
  const bottom = 30;
  const height = top + Math.max(input.periods.length, 2) * rowHeight + bottom;
  const base = baseOption(input.title, look);
  if (input.periods.length === 0) {
    const empty = {
      text: input.words.noData,
      left: "center",
      top: "middle",
      textStyle: { color: MUTED_INK, fontWeight: "normal" as const },
    };
    return { width: look.width, height, option: { ...base, title: [base.title, empty] } };
  }
  const labels = input.periods.map((p) => p.note);
  const extent = rowAxisExtent(
    input.periods.map((p, i) => ({ reach: p.tally.expected, label: labels[i]! })),
    0,
    plotWidthOf(look, Math.max(...input.periods.map((p) => textWidth(p.label, look.fontSize)))),
    look.fontSize - 1,
  );
  const option = {
    ...base,
    legend: {
      top: legendTop,
      left: "center",
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: INK, fontSize: look.fontSize - 1, fontFamily: look.fontFamily },
      data: STACK_ORDER.map((state) => input.words[state]),
    },
    grid: gridOf(look, { top, bottom }),
    xAxis: {
      type: "value" as const,
      minInterval: 1,
      min: 0,
      max: Math.ceil(extent.max),
      axisLabel: { color: MUTED_INK, fontSize: look.fontSize - 2, showMaxLabel: false },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: "category" as const,
      inverse: true,
      data: input.periods.map((p) => p.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED_INK } },
      axisLabel: { color: INK, fontSize: look.fontSize },
    },
    series: [
      ...STACK_ORDER.map((state) => ({
        type: "bar" as const,
        name: input.words[state],
        stack: "reports",
        barWidth: "60%",
        itemStyle: { color: STATE_COLOURS[state] },
        data: input.periods.map((p) => (p.tally[state] === 0 ? null : p.tally[state])),
      })),
      {
        type: "scatter" as const,
        symbolSize: 0,
        silent: true,
        data: input.periods.map((p, i) => ({
          value: [p.tally.expected, i],
          label: {
            show: true,
            position: "right" as const,
            distance: 6,
            formatter: labels[i],
            color: INK,
            fontSize: look.fontSize - 1,
          },
        })),
      },
    ],
  };
  return { width: look.width, height, option };
}
