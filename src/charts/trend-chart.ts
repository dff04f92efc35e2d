import { formatPoints, type Points, sumPoints } from "../domain/points.ts";
import type { ChartOption, ChartSpec } from "./echarts.ts";
import {
  axisPoints,
  baseOption,
  ChartDataError,
  type ChartLook,
  checkPoints,
  GRID_LINE,
  gridOf,
  headerLayout,
  INK,
  MUTED_INK,
  plotted,
  plotWidthOf,
  projectColour,
  rowAxisExtent,
  rowHeightOf,
  STATE_TEXT,
  textWidth,
} from "./look.ts";

/** What became of a period's report: reported (on time or late), returned, missing, or awaited. */
export type TrendMark = "onTime" | "late" | "returned" | "missing" | "pending";

export interface TrendChartInput {
  title: string;
  /** One row a period in order (months, quarters, the year), with the state of its report. */
  periods: { label: string; mark: TrendMark }[];
  /** One series a project: its points (integer hundredths) in each period, in the same order. */
  projects: { name: string; points: Points[] }[];
  /** The words of the marks and of an empty chart, in the reader's language. */
  words: { late: string; returned: string; missing: string; pending: string; noData: string };
}

const MARKED_BAND: Record<TrendMark, string> = {
  onTime: "rgba(255, 255, 255, 0)",
  late: "rgba(230, 159, 0, 0.10)",
  returned: "rgba(204, 121, 167, 0.14)",
  missing: "rgba(213, 94, 0, 0.12)",
  pending: "rgba(154, 165, 177, 0.16)",
};

/**
 * A body's points by project, one horizontal row a period: bars stacked by project (penalties to
 * the left of zero), the period's total at the end of its row, and a period whose report is
 * missing, returned or still awaited shaded and named in words, never drawn as a reported zero.
 */
export function trendChart(input: TrendChartInput, look: ChartLook): ChartSpec {
  checkTrendInput(input);
  const rowHeight = rowHeightOf(look, 32, 26);
  const { legendTop, top } = headerLayout(
    look,
    input.title,
    input.projects.map((p) => p.name),
  );
  const bottom = 36;
  const rows = Math.max(input.periods.length, 3);
  const height = top + rows * rowHeight + bottom;
  const base = baseOption(input.title, look);
  if (input.periods.length === 0) {
    return { width: look.width, height, option: { ...base, title: [base.title, noData(input)] } };
  }
  const totals = input.periods.map((_, i) => sumPoints(input.projects.map((p) => p.points[i]!)));
  const reach = input.periods.map((_, i) =>
    sumPoints(input.projects.map((p) => Math.max(0, p.points[i]!))),
  );
  const labels = input.periods.map((period, i) => rowLabel(period.mark, totals[i]!, input.words));
  const negatives = input.periods.map((_, i) =>
    sumPoints(input.projects.map((p) => Math.min(0, p.points[i]!))),
  );
  const categoryWidth = Math.max(...input.periods.map((p) => textWidth(p.label, look.fontSize)));
  const extent = rowAxisExtent(
    labels.map((label, i) => ({ reach: plotted(reach[i]!), label })),
    plotted(Math.min(0, ...negatives)),
    plotWidthOf(look, categoryWidth),
    look.fontSize - 1,
  );
  const option: ChartOption = {
    ...base,
    legend: {
      top: legendTop,
      left: "center",
      itemWidth: 16,
      itemHeight: 10,
      textStyle: { color: INK, fontSize: look.fontSize, fontFamily: look.fontFamily },
      data: input.projects.map((p) => p.name),
    },
    grid: gridOf(look, { top, bottom }),
    xAxis: [
      {
        type: "value",
        ...extent,
        axisLabel: {
          formatter: axisPoints,
          color: MUTED_INK,
          fontSize: look.fontSize - 2,
          showMaxLabel: false,
        },
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      // The shading of marked rows runs on an axis of its own, from edge to edge of the plot.
      { type: "value", min: 0, max: 1, show: false },
    ],
    yAxis: {
      type: "category",
      inverse: true,
      data: input.periods.map((p) => p.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED_INK, width: 2 } },
      axisLabel: { color: INK, fontSize: look.fontSize },
    },
    series: [
      markedRows(input),
      ...input.projects.map((project, index) => ({
        type: "bar" as const,
        name: project.name,
        stack: "points",
        barWidth: "62%",
        itemStyle: { color: projectColour(index) },
        // A zero draws nothing (no hairline that would read as a reported zero).
        data: project.points.map((points) => (points === 0 ? null : plotted(points))),
      })),
      {
        type: "scatter" as const,
        name: "",
        symbolSize: 0,
        silent: true,
        data: input.periods.map((period, i) => ({
          value: [plotted(reach[i]!), i],
          label: {
            show: true,
            position: "right" as const,
            distance: 6,
            formatter: labels[i]!,
            color: period.mark === "onTime" ? INK : STATE_TEXT[period.mark],
            fontWeight: period.mark === "onTime" || period.mark === "late" ? "normal" : "bold",
            fontSize: look.fontSize - 1,
          },
        })),
      },
    ],
  };
  return { width: look.width, height, option };
}

function checkTrendInput(input: TrendChartInput): void {
  for (const project of input.projects) {
    if (project.points.length !== input.periods.length) {
      throw new ChartDataError(
        `Project "${project.name}" has ${project.points.length} points for ${input.periods.length} periods`,
      );
    }
    checkPoints(project.points, `Project "${project.name}"`);
  }
}

function noData(input: { words: { noData: string } }) {
  return {
    text: input.words.noData,
    left: "center",
    top: "middle",
    textStyle: { color: MUTED_INK, fontWeight: "normal" as const },
  };
}

/** The words at the end of a period's row: its total, and what is wrong with its report. */
function rowLabel(mark: TrendMark, total: Points, words: TrendChartInput["words"]): string {
  if (mark === "onTime") return formatPoints(total);
  const word = words[mark];
  return total === 0 && mark !== "late" ? word : `${formatPoints(total)} · ${word}`;
}

/** A full-width band behind each period whose report is late, returned, missing or awaited. */
function markedRows(input: TrendChartInput) {
  return {
    type: "bar" as const,
    name: "",
    xAxisIndex: 1,
    barWidth: "100%",
    barGap: "-100%",
    silent: true,
    z: 0,
    data: input.periods.map((period) =>
      period.mark === "onTime"
        ? null
        : { value: 1, itemStyle: { color: MARKED_BAND[period.mark] } },
    ),
  };
}
