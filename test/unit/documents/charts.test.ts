import { createCanvas, GlobalFonts, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { ChartDataError } from "../../../src/documents/chart-drawing.ts";
import {
  CHART_FONT_FAMILY,
  chartFont,
  chartFontPaths,
  registerChartFonts,
} from "../../../src/documents/fonts.ts";
import { renderLeaderboardChart } from "../../../src/documents/leaderboard-chart.ts";
import { renderProjectTrendChart } from "../../../src/documents/project-trend-chart.ts";
import { readBmpCoverage } from "./font-cmap.ts";

const KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function pixelsOf(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height);
}

function countColour(data: Uint8ClampedArray, [r, g, b]: [number, number, number]): number {
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count += 1;
  }
  return count;
}

/** A letter drawn alone in the chart font, as raw RGBA. */
function drawLetter(letter: string): Uint8ClampedArray {
  const canvas = createCanvas(64, 64);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, 64, 64);
  ctx.fillStyle = "#000";
  ctx.font = chartFont(40);
  ctx.fillText(letter, 12, 48);
  return ctx.getImageData(0, 0, 64, 64).data;
}

function inkOf(data: Uint8ClampedArray): number {
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark += 1;
  return dark;
}

const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];

describe("chart font", () => {
  it("ships a font file that maps every Kazakh letter to a glyph", () => {
    const covers = readBmpCoverage(chartFontPaths().regular);
    for (const letter of KAZAKH_LETTERS) {
      expect(covers(letter.codePointAt(0)!), letter).toBe(true);
    }
    expect(covers(0x0378)).toBe(false); // unassigned: proves the reader can say no
  });

  it("registers the shipped font under its own family name", () => {
    registerChartFonts();
    expect(GlobalFonts.has(CHART_FONT_FAMILY)).toBe(true);
  });

  it("draws each Kazakh letter as a real glyph, not the missing-glyph box", () => {
    registerChartFonts();
    const missing = drawLetter("\u0378");
    for (const letter of KAZAKH_LETTERS) {
      const drawn = drawLetter(letter);
      expect(inkOf(drawn), letter).toBeGreaterThan(20);
      expect(Buffer.from(drawn).equals(Buffer.from(missing)), letter).toBe(false);
    }
  });
});

describe("renderProjectTrendChart", () => {
  it("renders a PNG with Kazakh labels and each project's colour", async () => {
    const png = await renderProjectTrendChart({
      lang: "kk",
      title: `Жобалар бойынша балдар: ${KAZAKH_LETTERS}`,
      months,
      series: [
        { label: "1-жоба: тәуекелдерді ішкі талдау", points: [0, 300, -1000, 570, 0] },
        {
          label: "4-жоба: құқықтық насихаттау, һ і ү ұ ө ң ғ",
          points: [2000, 2210, 1850, 0, 3000],
        },
      ],
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 720 });
    const { data } = await pixelsOf(png);
    expect(countColour(data, [0x00, 0x72, 0xb2])).toBeGreaterThan(100);
    expect(countColour(data, [0xe6, 0x9f, 0x00])).toBeGreaterThan(100);
  });

  it("renders a Russian chart and one with no months at all", async () => {
    const ru = await renderProjectTrendChart({
      lang: "ru",
      title: `Баллы по проектам: ${KAZAKH_LETTERS}`,
      months: ["2025-12", "2026-01"],
      series: [{ label: "Проект 2", points: [1800, 15] }],
    });
    expect(pngSize(ru).width).toBe(1200);
    const empty = await renderProjectTrendChart({ lang: "ru", title: "—", months: [], series: [] });
    expect(pngSize(empty).height).toBe(720);
  });

  it("refuses a series whose length does not match the months", async () => {
    await expect(
      renderProjectTrendChart({
        lang: "ru",
        title: "x",
        months,
        series: [{ label: "Проект 1", points: [1, 2] }],
      }),
    ).rejects.toBeInstanceOf(ChartDataError);
  });

  it("refuses points that are not integer hundredths", async () => {
    await expect(
      renderProjectTrendChart({
        lang: "kk",
        title: "x",
        months: ["2026-01"],
        series: [{ label: "1-жоба", points: [2.1] }],
      }),
    ).rejects.toBeInstanceOf(ChartDataError);
  });
});

describe("renderLeaderboardChart", () => {
  const entries = [
    { name: "Абай облысының әкімдігі", points: 8450 },
    { name: "Жамбыл облысының әкімдігі (ғқңөұүһі)", points: 10210 },
    { name: "Акимат города Шымкента", points: -1000 },
  ];

  it("grows one row a body and marks the highlighted body in its own colour", async () => {
    const marked = await renderLeaderboardChart({
      lang: "kk",
      title: `Рейтинг: ${KAZAKH_LETTERS}`,
      entries: [
        ...entries,
        { name: "Қызылорда облысының әкімдігі", points: 7000, highlight: true },
      ],
    });
    const size = pngSize(marked);
    expect(size.width).toBe(1200);
    const plain = await renderLeaderboardChart({ lang: "ru", title: "Рейтинг", entries });
    expect(size.height - pngSize(plain).height).toBe(34);

    const highlight: [number, number, number] = [0xd5, 0x5e, 0x00];
    expect(countColour((await pixelsOf(marked)).data, highlight)).toBeGreaterThan(1000);
    expect(countColour((await pixelsOf(plain)).data, highlight)).toBe(0);
  });

  it("renders an empty leaderboard", async () => {
    const png = await renderLeaderboardChart({ lang: "ru", title: "Рейтинг", entries: [] });
    expect(pngSize(png).width).toBe(1200);
  });
});
