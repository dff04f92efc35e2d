import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";

/**
 * The family every chart draws with. An alias of our own, so that a chart never silently takes a
 * system font: the server image has none, and Kazakh letters (ә ғ қ ң ө ұ ү һ і) need DejaVu.
 */
export const CHART_FONT_FAMILY = "Adaldyq Sans";

/** Thrown when the shipped font files cannot be registered (a broken install). */
export class ChartFontError extends Error {
  constructor(readonly path: string) {
    super(`Could not register the chart font ${path}`);
    this.name = "ChartFontError";
  }
}

/** The shipped TrueType files, from the dejavu-fonts-ttf package. */
export function chartFontPaths(): { regular: string; bold: string } {
  const packageJson = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
  const ttf = join(dirname(packageJson), "ttf");
  return { regular: join(ttf, "DejaVuSans.ttf"), bold: join(ttf, "DejaVuSans-Bold.ttf") };
}

let registered = false;

/** Registers the chart font once per process; every renderer calls it before drawing. */
export function registerChartFonts(): void {
  if (registered) return;
  for (const path of Object.values(chartFontPaths())) {
    if (!GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY)) throw new ChartFontError(path);
  }
  registered = true;
}

/** A CSS font shorthand in the chart family: `chartFont(14, "bold")`. */
export function chartFont(sizePx: number, weight: "normal" | "bold" = "normal"): string {
  return `${weight} ${sizePx}px "${CHART_FONT_FAMILY}"`;
}
