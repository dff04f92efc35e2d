import { formatPoints, type Points } from "../domain/points.ts";
import type { ChartSpec } from "./echarts.ts";
import {
  axisPoints,
  BAR_GREY,
  baseOption,
  type ChartLook,
  checkPoints,
  GRID_LINE,
  gridOf,
  HIGHLIGHT,
  HIGHLIGHT_BAND,
  INK,
  MUTED_INK,
  plotted,
  plotWidthOf,
  rowAxisExtent,
  rowHeightOf,
  STATE_TEXT,
  textWidth,
} from "./look.ts";

/** One body on the leaderboard: its rank (ties share one), name, points and marks. */
export interface LeaderboardChartEntry {
  rank: number;
  name: string;
  /** Integer hundredths. */
  points: Points;
  /** The reader's own body: drawn in its own colour on a band. */
  highlight?: boolean;
  /** Nothing it owed was received: named in words rather than shown as its (empty) points. */
  notReported?: boolean;
}

export interface LeaderboardChartInput {
  title: string;
  /** In rank order, best first. */
  entries: LeaderboardChartEntry[];
  words: { notReported: string; noData: string };
}

/**
 * Bodies of one kind ranked top to bottom, one bar each: the rank once, before the name; the
 * points at the bar's end, or "not reported" for a body that sent nothing it owed.
 */
export function leaderboardChart(input: LeaderboardChartInput, look: ChartLook): ChartSpec {
  checkPoints(
    input.entries.map((e) => e.points),
    "Leaderboard",
  );
  const rowHeight = rowHeightOf(look, 34, 26);
  const top = look.compact ? 36 : 72;
  const bottom = 36;
  const height = top + Math.max(input.entries.length, 3) * rowHeight + bottom;
  const base = baseOption(input.title, look);
  if (input.entries.length === 0) {
    const empty = {
      text: input.words.noData,
      left: "center",
      top: "middle",
      textStyle: { color: MUTED_INK, fontWeight: "normal" as const },
    };
    return { width: look.width, height, option: { ...base, title: [base.title, empty] } };
  }
  const labels = input.entries.map((e) =>
    e.notReported ? input.words.notReported : formatPoints(e.points),
  );
  const nameWidth = Math.round(look.width * (look.compact ? 0.42 : 0.36));
  const widest = Math.max(
    ...input.entries.map((e) => textWidth(`${e.rank}. ${e.name}`, look.fontSize)),
  );
  const extent = rowAxisExtent(
    input.entries.map((e, i) => ({ reach: plotted(Math.max(0, e.points)), label: labels[i]! })),
    plotted(Math.min(0, ...input.entries.map((e) => e.points))),
    plotWidthOf(look, Math.min(nameWidth, widest)),
    look.fontSize - 1,
  );
  const option = {
    ...base,
    grid: gridOf(look, { top, bottom }),
    xAxis: [
      {
        type: "value" as const,
        ...extent,
        axisLabel: {
          formatter: axisPoints,
          color: MUTED_INK,
          fontSize: look.fontSize - 2,
          showMaxLabel: false,
        },
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      { type: "value" as const, min: 0, max: 1, show: false },
    ],
    yAxis: {
      type: "category" as const,
      inverse: true,
      data: input.entries.map((e) => ({
        value: `${e.rank}. ${e.name}`,
        textStyle: { fontWeight: e.highlight ? ("bold" as const) : ("normal" as const) },
      })),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED_INK, width: 2 } },
      axisLabel: {
        color: INK,
        fontSize: look.fontSize,
        width: nameWidth,
        overflow: "truncate" as const,
      },
    },
    series: [
      {
        type: "bar" as const,
        xAxisIndex: 1,
        barWidth: "100%",
        barGap: "-100%",
        silent: true,
        z: 0,
        data: input.entries.map((e) =>
          e.highlight ? { value: 1, itemStyle: { color: HIGHLIGHT_BAND } } : null,
        ),
      },
      {
        type: "bar" as const,
        barWidth: "64%",
        data: input.entries.map((e) => ({
          value: plotted(e.points),
          itemStyle: { color: e.highlight ? HIGHLIGHT : BAR_GREY },
        })),
      },
      {
        type: "scatter" as const,
        symbolSize: 0,
        silent: true,
        data: input.entries.map((e, i) => ({
          value: [plotted(Math.max(0, e.points)), i],
          label: {
            show: true,
            position: "right" as const,
            distance: 6,
            formatter: labels[i],
            color: e.notReported ? STATE_TEXT.missing : INK,
            fontWeight: e.highlight || e.notReported ? ("bold" as const) : ("normal" as const),
            fontSize: look.fontSize - 1,
          },
        })),
      },
    ],
  };
  return { width: look.width, height, option };
}
