import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { graphemes } from "../domain/text/graphemes.ts";
import { chartFont, registerChartFonts } from "./fonts.ts";

/** Thrown for chart input that cannot be drawn (a caller's bug, not a user's mistake). */
export class ChartDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChartDataError";
  }
}

/** Okabe–Ito colours: told apart by colour-blind readers too, and printable in grey. */
export const SERIES_COLOURS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
] as const;

export const INK = "#1f2933";
export const MUTED_INK = "#52606d";
export const GRID = "#d9dee4";
export const BACKGROUND = "#ffffff";

/** A blank white canvas with the chart font registered. */
export function startChart(width: number, height: number) {
  registerChartFonts();
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = "alphabetic";
  return { canvas, ctx };
}

/** An axis range in hundredths that starts and ends on round steps and always holds zero. */
export function niceScale(
  low: number,
  high: number,
  targetTicks = 5,
): { min: number; max: number; step: number } {
  let lo = Math.min(0, low);
  let hi = Math.max(0, high);
  if (lo === hi) hi = lo + 100;
  const rawStep = (hi - lo) / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const factor = [1, 2, 5, 10].find((f) => f * magnitude >= rawStep) ?? 10;
  // Hundredths are the finest unit there is, so a step is a whole number of them.
  const step = Math.max(1, Math.round(factor * magnitude));
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  return { min: lo, max: hi, step };
}

/** The text cut with an ellipsis to fit `maxWidth` pixels in the current font. */
export function fitText(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  // Whole graphemes only: an emoji or a flag is never drawn in halves.
  const chars = graphemes(text);
  let kept = chars.length;
  while (
    kept > 0 &&
    ctx.measureText(`${chars.slice(0, kept).join("").trimEnd()}…`).width > maxWidth
  ) {
    kept -= 1;
  }
  return `${chars.slice(0, kept).join("").trimEnd()}…`;
}

/** The title, bold and centred, cut to the width; returns the y below it. */
export function drawTitle(ctx: SKRSContext2D, title: string, width: number): number {
  ctx.font = chartFont(24, "bold");
  ctx.fillStyle = INK;
  ctx.textAlign = "center";
  ctx.fillText(fitText(ctx, title, width - 40), width / 2, 40);
  return 56;
}

/** A centred "no data" note for an empty chart. */
export function drawNoData(ctx: SKRSContext2D, text: string, width: number, height: number): void {
  ctx.font = chartFont(18);
  ctx.fillStyle = MUTED_INK;
  ctx.textAlign = "center";
  ctx.fillText(text, width / 2, height / 2);
}

/** Legend entries (a colour swatch and a label) left to right, wrapping; returns the y below. */
export function drawLegend(
  ctx: SKRSContext2D,
  entries: { label: string; colour: string }[],
  area: { left: number; right: number; top: number },
): number {
  ctx.font = chartFont(15);
  ctx.textAlign = "left";
  const lineHeight = 24;
  let x = area.left;
  let y = area.top;
  for (const { label, colour } of entries) {
    const text = fitText(ctx, label, area.right - area.left - 40);
    const entryWidth = 32 + ctx.measureText(text).width + 24;
    if (x > area.left && x + entryWidth > area.right) {
      x = area.left;
      y += lineHeight;
    }
    ctx.fillStyle = colour;
    ctx.fillRect(x, y + 4, 24, 12);
    ctx.fillStyle = INK;
    ctx.fillText(text, x + 32, y + 15);
    x += entryWidth;
  }
  return y + lineHeight;
}
