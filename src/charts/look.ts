import { formatPoints, type Points } from "../domain/points.ts";

/**
 * How a chart is drawn: the font family (the server's shipped DejaVu alias, or the phone's own
 * fonts), the base font size, the width it is laid out for, and whether it is the compact phone
 * layout (fewer words, smaller margins).
 */
export interface ChartLook {
  fontFamily: string;
  fontSize: number;
  width: number;
  compact: boolean;
}

/** Okabe–Ito colours, one a project: told apart by colour-blind readers and printable in grey. */
export const PROJECT_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"] as const;

/** The colours of a report's states, the same in every chart and table. */
export const STATE_COLOURS = {
  onTime: "#009E73",
  late: "#E69F00",
  returned: "#CC79A7",
  missing: "#D55E00",
  pending: "#9AA5B1",
} as const;

/** Darker shades of the state colours for words on white (the fills are too light to read). */
export const STATE_TEXT = {
  onTime: "#00734F",
  late: "#A35F00",
  returned: "#9C3F76",
  missing: "#B54700",
  pending: "#52606D",
} as const;

export const INK = "#1f2933";
export const MUTED_INK = "#52606d";
export const GRID_LINE = "#d9dee4";
export const BAR_GREY = "#7b8794";
export const HIGHLIGHT = "#D55E00";
export const HIGHLIGHT_BAND = "rgba(213, 94, 0, 0.10)";

/** The colour of the n-th project (0-based), cycling if a methodology ever has more than four. */
export function projectColour(index: number): string {
  return PROJECT_COLOURS[index % PROJECT_COLOURS.length]!;
}

/** Thrown for chart input that cannot be drawn (a caller's bug, not a user's mistake). */
export class ChartDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChartDataError";
  }
}

/** Refuses points that are not integer hundredths. */
export function checkPoints(points: readonly Points[], what: string): void {
  if (!points.every(Number.isSafeInteger)) {
    throw new ChartDataError(`${what}: points must be integer hundredths`);
  }
}

/** Hundredths as the number an axis plots (2,1 points → 2.1). */
export function plotted(points: Points): number {
  return points / 100;
}

/** A plotted value back as people read it, with a decimal comma: 2.1 → "2,1". */
export function axisPoints(value: number): string {
  return formatPoints(Math.round(value * 100));
}

/** Title, font and colours every chart shares. */
export function baseOption(title: string, look: ChartLook) {
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: look.fontFamily, fontSize: look.fontSize, color: INK },
    title: {
      text: title,
      left: "center",
      top: look.compact ? 4 : 14,
      textStyle: {
        fontFamily: look.fontFamily,
        fontSize: look.compact ? look.fontSize + 1 : look.fontSize + 8,
        fontWeight: "bold" as const,
        color: INK,
        width: look.width - 32,
        overflow: "truncate" as const,
      },
    },
  };
}

/**
 * Room right of the bars for the longest row label. Estimated from its length (DejaVu's average
 * Cyrillic advance is about 0.6 em) because the builder also runs where no text can be measured.
 */
export function labelRoom(labels: readonly string[], look: ChartLook): number {
  const longest = Math.max(0, ...labels.map((label) => Array.from(label).length));
  return Math.min(Math.round(look.width * 0.45), Math.ceil(longest * look.fontSize * 0.6) + 16);
}

/** The plot area: margins in pixels, with the category labels kept inside the left margin. */
export function gridOf(look: ChartLook, margins: { top: number; bottom: number; right: number }) {
  return {
    ...margins,
    left: look.compact ? 6 : 20,
    outerBoundsMode: "same" as const,
    outerBoundsContain: "axisLabel" as const,
  };
}
