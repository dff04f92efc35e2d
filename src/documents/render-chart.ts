import { createCanvas, Image } from "@napi-rs/canvas";
import { type ChartSpec, init, setPlatformAPI } from "../charts/echarts.ts";
import { type LeaderboardChartInput, leaderboardChart } from "../charts/leaderboard-chart.ts";
import type { ChartLook } from "../charts/look.ts";
import { type TrendChartInput, trendChart } from "../charts/trend-chart.ts";
import { CHART_FONT_FAMILY, registerChartFonts } from "./fonts.ts";

/** The look of the chat's PNG charts: the shipped font (every Kazakh letter), 1200 px wide. */
export const PNG_LOOK: ChartLook = {
  fontFamily: CHART_FONT_FAMILY,
  fontSize: 15,
  width: 1200,
  compact: false,
};

let measuring: ReturnType<ReturnType<typeof createCanvas>["getContext"]> | undefined;

/** ECharts lays text out with our font's real widths, so long Kazakh names are cut where they must be. */
function measureWithChartFont(): void {
  if (measuring) return;
  registerChartFonts();
  measuring = createCanvas(1, 1).getContext("2d");
  const context = measuring;
  setPlatformAPI({
    measureText(text: string, font?: string) {
      context.font = font ?? `12px "${CHART_FONT_FAMILY}"`;
      return context.measureText(text);
    },
  });
}

/** The chart as SVG, by ECharts' server-side renderer (the same option the Mini App draws). */
export function renderChartSvg(chart: ChartSpec): string {
  measureWithChartFont();
  const instance = init(null, null, {
    renderer: "svg",
    ssr: true,
    width: chart.width,
    height: chart.height,
  });
  try {
    instance.setOption(chart.option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** The chart as a PNG for the chat: ECharts' SVG rasterised by Skia (@napi-rs/canvas), on white. */
export async function renderChartPng(chart: ChartSpec): Promise<Buffer> {
  const svg = renderChartSvg(chart);
  const image = new Image();
  image.src = Buffer.from(svg);
  const canvas = createCanvas(chart.width, chart.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, chart.width, chart.height);
  ctx.drawImage(image, 0, 0, chart.width, chart.height);
  return canvas.encode("png");
}

/** The digest's trend chart as a PNG (see trendChart). */
export function renderTrendChart(input: TrendChartInput): Promise<Buffer> {
  return renderChartPng(trendChart(input, PNG_LOOK));
}

/** The leaderboard chart as a PNG (see leaderboardChart). */
export function renderLeaderboardChart(input: LeaderboardChartInput): Promise<Buffer> {
  return renderChartPng(leaderboardChart(input, PNG_LOOK));
}
