import { type ChartSpec, init } from "../../charts/echarts.ts";
import type { ChartLook } from "../../charts/look.ts";
import { type ReportingChartInput, reportingChart } from "../../charts/reporting-chart.ts";
import { type TrendChartInput, trendChart } from "../../charts/trend-chart.ts";

/** The phone's own fonts (every one of them has the Kazakh letters), DejaVu where installed. */
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

function lookFor(container: HTMLElement, print: boolean): ChartLook {
  const width = Math.max(280, Math.floor(container.clientWidth || 360));
  return { fontFamily: FONT, fontSize: print ? 10 : 12, width, compact: true, dense: print };
}

function draw(container: HTMLElement, spec: ChartSpec): void {
  container.replaceChildren();
  container.style.height = `${spec.height}px`;
  const chart = init(container, null, { renderer: "svg", width: spec.width, height: spec.height });
  chart.setOption(spec.option);
}

/** Draws the trend chart: the same option builder as the digest's PNG. */
export function drawTrend(container: HTMLElement, input: TrendChartInput, print: boolean): void {
  draw(container, trendChart(input, lookFor(container, print)));
}

/** Draws the reporting chart. */
export function drawReporting(
  container: HTMLElement,
  input: ReportingChartInput,
  print: boolean,
): void {
  draw(container, reportingChart(input, lookFor(container, print)));
}
