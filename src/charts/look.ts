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
  /** Tighter rows, for a page that must fit on one sheet of paper. */
  dense?: boolean;
}

/** The height of one row of a row chart: phone, paper or the chat's PNG. */
export function rowHeightOf(look: ChartLook, chat: number, phone: number): number {
  return look.dense ? look.fontSize + 9 : look.compact ? phone : chat;
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

/** A text's estimated width in pixels: DejaVu's average Cyrillic advance is about 0.6 em (wider than phone fonts). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(Array.from(text).length * fontSize * 0.6);
}

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above a positive number: a round end for an axis. */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * magnitude >= value - 1e-9) ?? 10;
  return step * magnitude;
}

/**
 * The value axis of rows that end in a label (a total, "не сдан"): it starts at a round number at
 * or below the lowest bar and reaches far enough that every row's label fits inside the plot right
 * of where its bar ends (the builder runs where text cannot be measured, so widths are estimated).
 */
export function rowAxisExtent(
  rows: readonly { reach: number; label: string }[],
  lowest: number,
  plotWidth: number,
  fontSize: number,
): { min: number; max: number } {
  const min = lowest < 0 ? -niceCeil(-lowest) : 0;
  let max = Math.max(0, ...rows.map((r) => r.reach));
  for (const row of rows) {
    const share = Math.min(0.8, (textWidth(row.label, fontSize) + 12) / plotWidth);
    // The row's end plus its label, in axis units, must stay at or below the axis' end.
    max = Math.max(max, (row.reach - min * share) / (1 - share));
  }
  return { min, max: max <= 0 ? 1 : max };
}

/** The plot's width for rows whose category labels (on the left) are at most `labelWidth` wide. */
export function plotWidthOf(look: ChartLook, labelWidth: number): number {
  return look.width - (look.compact ? 6 : 20) - labelWidth - 8 - 16;
}

/**
 * Where the legend goes and where the plot starts, below the title (when there is one) and a
 * legend of these names, which wraps onto more rows on a narrow phone.
 */
export function headerLayout(
  look: ChartLook,
  title: string,
  legend: readonly string[],
): { legendTop: number; top: number } {
  const titleHeight = title === "" ? 0 : look.compact ? look.fontSize + 14 : look.fontSize + 36;
  const itemWidths = legend.map((name) => textWidth(name, look.fontSize) + 34);
  let rows = legend.length === 0 ? 0 : 1;
  let used = 0;
  for (const width of itemWidths) {
    if (used > 0 && used + width > look.width - 24) {
      rows += 1;
      used = 0;
    }
    used += width;
  }
  const rowHeight = look.fontSize + 10;
  const legendTop = titleHeight + (look.compact ? 4 : 8);
  return { legendTop, top: legendTop + rows * rowHeight + (look.compact ? 10 : 20) };
}

/** The plot area: margins in pixels, with the category labels kept inside the left margin. */
export function gridOf(look: ChartLook, margins: { top: number; bottom: number }) {
  return {
    ...margins,
    right: 16,
    left: look.compact ? 6 : 20,
    outerBoundsMode: "same" as const,
    outerBoundsContain: "axisLabel" as const,
  };
}
