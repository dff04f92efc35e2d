import type { SKRSContext2D } from "@napi-rs/canvas";
import { type Lang, translator } from "../i18n.ts";
import {
  ChartDataError,
  drawLegend,
  drawNoData,
  drawTitle,
  GRID,
  INK,
  MUTED_INK,
  niceScale,
  SERIES_COLOURS,
  startChart,
} from "./chart-drawing.ts";
import { chartFont } from "./fonts.ts";
import { formatHundredths, formatMonthName, periodYear } from "./labels.ts";

/** One series of the trend chart: a project's points (integer hundredths), one a month. */
export type TrendSeries = { label: string; points: number[] };

export type ProjectTrendChartInput = {
  lang: Lang;
  title: string;
  /** Month period keys in order, "2026-01" … */
  months: string[];
  series: TrendSeries[];
};

const WIDTH = 1200;
const HEIGHT = 720;
const PLOT_LEFT = 96;
const PLOT_RIGHT = WIDTH - 40;
const PLOT_BOTTOM = HEIGHT - 84;

/** A grouped bar chart of a body's points by project over the months, as a PNG. */
export async function renderProjectTrendChart(input: ProjectTrendChartInput): Promise<Buffer> {
  checkTrendInput(input);
  const t = translator(input.lang);
  const { canvas, ctx } = startChart(WIDTH, HEIGHT);
  const belowTitle = drawTitle(ctx, input.title, WIDTH);
  const legendEntries = input.series.map((s, i) => ({ label: s.label, colour: colourOf(i) }));
  const plotTop = drawLegend(ctx, legendEntries, {
    left: PLOT_LEFT,
    right: PLOT_RIGHT,
    top: belowTitle + 4,
  });
  const all = input.series.flatMap((s) => s.points);
  if (input.months.length === 0 || all.length === 0) {
    drawNoData(ctx, t("documents:chart.noData"), WIDTH, HEIGHT);
    return canvas.encode("png");
  }
  const plot = { left: PLOT_LEFT, right: PLOT_RIGHT, top: plotTop + 28, bottom: PLOT_BOTTOM };
  const scale = niceScale(Math.min(...all), Math.max(...all));
  const y = (value: number) =>
    plot.bottom - ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);
  const slot = (plot.right - plot.left) / input.months.length;
  const x = (index: number) => plot.left + slot * (index + 0.5);

  drawValueAxis(ctx, plot, scale, y, t("documents:chart.pointsAxis"));
  drawMonthAxis(ctx, input, x, plot.bottom, t("documents:chart.monthAxis"));
  drawBars(ctx, input.series, slot, x, y);
  drawZeroLine(ctx, plot, y(0));
  return canvas.encode("png");
}

function checkTrendInput(input: ProjectTrendChartInput): void {
  for (const series of input.series) {
    if (series.points.length !== input.months.length) {
      throw new ChartDataError(
        `Series "${series.label}" has ${series.points.length} points for ${input.months.length} months`,
      );
    }
    if (!series.points.every(Number.isSafeInteger)) {
      throw new ChartDataError(
        `Series "${series.label}" has points that are not integer hundredths`,
      );
    }
  }
}

function colourOf(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

type Plot = { left: number; right: number; top: number; bottom: number };

function drawValueAxis(
  ctx: SKRSContext2D,
  plot: Plot,
  scale: { min: number; max: number; step: number },
  y: (value: number) => number,
  axisLabel: string,
): void {
  ctx.font = chartFont(14);
  ctx.textAlign = "right";
  for (let value = scale.min; value <= scale.max; value += scale.step) {
    ctx.strokeStyle = GRID;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(plot.left, y(value));
    ctx.lineTo(plot.right, y(value));
    ctx.stroke();
    ctx.fillStyle = MUTED_INK;
    ctx.fillText(formatHundredths(value), plot.left - 10, y(value) + 5);
  }
  ctx.save();
  ctx.translate(24, (plot.top + plot.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.font = chartFont(15, "bold");
  ctx.fillStyle = INK;
  ctx.fillText(axisLabel, 0, 0);
  ctx.restore();
}

/** Month names under the plot; the year under a month where it starts or changes. */
function drawMonthAxis(
  ctx: SKRSContext2D,
  input: ProjectTrendChartInput,
  x: (index: number) => number,
  bottom: number,
  axisLabel: string,
): void {
  ctx.textAlign = "center";
  ctx.fillStyle = INK;
  input.months.forEach((month, i) => {
    ctx.font = chartFont(14);
    ctx.fillText(formatMonthName(month, input.lang), x(i), bottom + 22);
    const previous = input.months[i - 1];
    if (previous === undefined || periodYear(previous) !== periodYear(month)) {
      ctx.font = chartFont(12);
      ctx.fillStyle = MUTED_INK;
      ctx.fillText(periodYear(month), x(i), bottom + 40);
      ctx.fillStyle = INK;
    }
  });
  ctx.font = chartFont(15, "bold");
  ctx.fillText(axisLabel, (PLOT_LEFT + PLOT_RIGHT) / 2, bottom + 70);
}

/** The baseline, drawn over the bars so that bars below zero read as negative. */
function drawZeroLine(ctx: SKRSContext2D, plot: Plot, atY: number): void {
  ctx.strokeStyle = MUTED_INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(plot.left, atY);
  ctx.lineTo(plot.right, atY);
  ctx.stroke();
}

/** One bar a series in each month's slot, growing up or down from zero. */
function drawBars(
  ctx: SKRSContext2D,
  series: TrendSeries[],
  slot: number,
  x: (index: number) => number,
  y: (value: number) => number,
): void {
  const groupWidth = slot * 0.8;
  const barWidth = groupWidth / series.length;
  series.forEach((s, seriesIndex) => {
    ctx.fillStyle = colourOf(seriesIndex);
    s.points.forEach((value, monthIndex) => {
      if (value === 0) return;
      const left = x(monthIndex) - groupWidth / 2 + seriesIndex * barWidth;
      const top = Math.min(y(value), y(0));
      // A gap of one pixel keeps neighbouring bars apart when they are narrow.
      ctx.fillRect(left + 0.5, top, Math.max(1, barWidth - 1), Math.abs(y(value) - y(0)));
    });
  });
}
