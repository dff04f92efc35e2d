// The ECharts build every chart is drawn with, in the Mini App (browser) and for the chat's PNGs
// (server-side rendering): only the parts the charts use, so the phone downloads little.
import {
  BarChart,
  type BarSeriesOption,
  ScatterChart,
  type ScatterSeriesOption,
} from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TitleComponent,
  type TitleComponentOption,
} from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

use([BarChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** An ECharts option made of the installed parts only. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
>;

/** A chart ready to draw: its option and the size it is laid out for (pixels). */
export interface ChartSpec {
  option: ChartOption;
  width: number;
  height: number;
}

export { init, setPlatformAPI } from "echarts/core";
