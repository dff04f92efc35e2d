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
  MarkAreaComponent,
  type MarkAreaComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

use([
  BarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** An ECharts option made of the installed parts only. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** A chart ready to draw: its option and the size it is laid out for (pixels). */
export interface ChartSpec {
  option: ChartOption;
  width: number;
  height: number;
}

export { init, setPlatformAPI } from "echarts/core";
