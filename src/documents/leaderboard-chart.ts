import type { SKRSContext2D } from "@napi-rs/canvas";
import { type Lang, translator } from "../i18n.ts";
import {
  ChartDataError,
  drawNoData,
  drawTitle,
  fitText,
  GRID,
  INK,
  MUTED_INK,
  niceScale,
  startChart,
} from "./chart-drawing.ts";
import { chartFont } from "./fonts.ts";
import { formatHundredths } from "./labels.ts";

/** One body on the leaderboard chart; `points` in integer hundredths. */
export type LeaderboardChartEntry = { name: string; points: number; highlight?: boolean };

export type LeaderboardChartInput = {
  lang: Lang;
  title: string;
  entries: LeaderboardChartEntry[];
};

const WIDTH = 1200;
const ROW = 34;
const TOP = 76;
const BOTTOM_MARGIN = 48;
const NAME_LEFT = 64;
const BARS_LEFT = 470;
const BARS_RIGHT = WIDTH - 110;
const BAR_COLOUR = "#7b8794";
const HIGHLIGHT_COLOUR = "#D55E00";
const HIGHLIGHT_BAND = "#fdf0e6";

/** Horizontal bars ranked from the most points down, the highlighted bodies marked, as a PNG. */
export async function renderLeaderboardChart(input: LeaderboardChartInput): Promise<Buffer> {
  if (!input.entries.every((e) => Number.isSafeInteger(e.points))) {
    throw new ChartDataError("Leaderboard points must be integer hundredths");
  }
  const t = translator(input.lang);
  const height = TOP + Math.max(input.entries.length, 3) * ROW + BOTTOM_MARGIN;
  const { canvas, ctx } = startChart(WIDTH, height);
  drawTitle(ctx, input.title, WIDTH);
  if (input.entries.length === 0) {
    drawNoData(ctx, t("documents:chart.noData"), WIDTH, height);
    return canvas.encode("png");
  }
  // Ties keep the caller's order (a stable sort), which is how the caller ranked them.
  const ranked = [...input.entries].sort((a, b) => b.points - a.points);
  const scale = niceScale(Math.min(...ranked.map((e) => e.points)), ranked[0]!.points, 8);
  const x = (value: number) =>
    BARS_LEFT + ((value - scale.min) / (scale.max - scale.min)) * (BARS_RIGHT - BARS_LEFT);
  const plotBottom = TOP + ranked.length * ROW;

  drawGrid(ctx, scale, x, plotBottom);
  ranked.forEach((entry, index) => {
    drawRow(ctx, entry, index, x);
  });
  drawZeroLine(ctx, x(0), plotBottom);
  return canvas.encode("png");
}

function drawGrid(
  ctx: SKRSContext2D,
  scale: { min: number; max: number; step: number },
  x: (value: number) => number,
  plotBottom: number,
): void {
  ctx.font = chartFont(13);
  ctx.textAlign = "center";
  for (let value = scale.min; value <= scale.max; value += scale.step) {
    ctx.strokeStyle = GRID;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x(value), TOP - 4);
    ctx.lineTo(x(value), plotBottom);
    ctx.stroke();
    ctx.fillStyle = MUTED_INK;
    ctx.fillText(formatHundredths(value), x(value), plotBottom + 20);
  }
}

function drawRow(
  ctx: SKRSContext2D,
  entry: LeaderboardChartEntry,
  index: number,
  x: (value: number) => number,
): void {
  const top = TOP + index * ROW;
  const baseline = top + ROW / 2 + 5;
  if (entry.highlight) {
    ctx.fillStyle = HIGHLIGHT_BAND;
    ctx.fillRect(8, top + 1, WIDTH - 16, ROW - 2);
  }
  const weight = entry.highlight ? "bold" : "normal";
  ctx.fillStyle = entry.highlight ? HIGHLIGHT_COLOUR : MUTED_INK;
  ctx.font = chartFont(15, weight);
  ctx.textAlign = "right";
  ctx.fillText(`${index + 1}.`, NAME_LEFT - 12, baseline);

  ctx.fillStyle = INK;
  ctx.textAlign = "left";
  ctx.fillText(fitText(ctx, entry.name, BARS_LEFT - NAME_LEFT - 16), NAME_LEFT, baseline);

  const from = x(Math.min(0, entry.points));
  const to = x(Math.max(0, entry.points));
  ctx.fillStyle = entry.highlight ? HIGHLIGHT_COLOUR : BAR_COLOUR;
  ctx.fillRect(from, top + 6, Math.max(2, to - from), ROW - 12);

  ctx.fillStyle = INK;
  ctx.font = chartFont(14, weight);
  ctx.fillText(formatHundredths(entry.points), to + 8, baseline);
}

function drawZeroLine(ctx: SKRSContext2D, atX: number, plotBottom: number): void {
  ctx.strokeStyle = MUTED_INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(atX, TOP - 4);
  ctx.lineTo(atX, plotBottom);
  ctx.stroke();
}
