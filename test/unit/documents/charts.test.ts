import { createCanvas, GlobalFonts, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { leaderboardChart } from "../../../src/charts/leaderboard-chart.ts";
import { ChartDataError } from "../../../src/charts/look.ts";
import { type TrendChartInput, trendChart } from "../../../src/charts/trend-chart.ts";
import {
  CHART_FONT_FAMILY,
  chartFont,
  chartFontPaths,
  registerChartFonts,
} from "../../../src/documents/fonts.ts";
import {
  PNG_LOOK,
  renderChartSvg,
  renderLeaderboardChart,
  renderTrendChart,
} from "../../../src/documents/render-chart.ts";
import { saveScreenshot } from "../../support/screenshots.ts";
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

/** The texts of an SVG's <text> elements, in document order. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

const kkWords = {
  late: "мерзімінен кеш",
  returned: "пысықтауға қайтарылған",
  missing: "тапсырылмаған",
  pending: "күтілуде",
  noData: "Деректер жоқ",
};

/** A regional body's 2026 through April: March late, April missing, the first quarter's meeting held. */
const trendInput: TrendChartInput = {
  title: `Қарағанды облысының әкімдігі: жобалар бойынша балл, 2026 (${KAZAKH_LETTERS})`,
  periods: [
    { label: "қаңтар", mark: "onTime" },
    { label: "ақпан", mark: "onTime" },
    { label: "наурыз", mark: "late" },
    { label: "I тоқсан", mark: "onTime" },
    { label: "сәуір", mark: "missing" },
  ],
  projects: [
    { name: "1-жоба", points: [0, 0, 0, 0, 0] },
    { name: "2-жоба", points: [0, 0, 0, 0, 0] },
    { name: "3-жоба", points: [0, 0, 0, 0, 0] },
    { name: "4-жоба", points: [2550, 1210, 2000, 270, 0] },
  ],
  words: kkWords,
};

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

describe("the trend chart (one definition for the digest and the dashboard)", () => {
  it("stacks each project's points in each period and draws no bar for a zero", () => {
    const { option } = trendChart(trendInput, PNG_LOOK);
    const series = option.series as { name?: string; type: string; data: unknown[] }[];
    const project4 = series.find((s) => s.name === "4-жоба");
    expect(project4?.data).toEqual([25.5, 12.1, 20, 2.7, null]);
    expect(series.find((s) => s.name === "1-жоба")?.data).toEqual([null, null, null, null, null]);
  });

  it("names a missing report in words at its row, never a zero, and marks a late one", () => {
    const svg = renderChartSvg(trendChart(trendInput, PNG_LOOK));
    const texts = svgTexts(svg);
    expect(texts).toContain("тапсырылмаған");
    expect(texts).toContain("20 · мерзімінен кеш");
    expect(texts).toContain("12,1");
    expect(texts).toContain("2,7");
    // Every row is labelled: the four reported periods by their totals, April in words.
    expect(
      texts.filter((text) => /^(25,5|12,1|20 · .*|2,7|тапсырылмаған)$/.test(text)),
    ).toHaveLength(5);
  });

  it("shows penalties of a missed annual report left of zero, named as missing", () => {
    const svg = renderChartSvg(
      trendChart(
        {
          ...trendInput,
          periods: [{ label: "2026 жыл", mark: "missing" }],
          projects: [{ name: "1-жоба", points: [-3000] }],
        },
        PNG_LOOK,
      ),
    );
    expect(svgTexts(svg)).toContain("−30 · тапсырылмаған");
  });

  it("renders a PNG in each project's colour, Kazakh text and all", async () => {
    const png = await renderTrendChart(trendInput);
    const size = pngSize(png);
    expect(size.width).toBe(1200);
    const { data } = await pixelsOf(png);
    expect(countColour(data, [0xcc, 0x79, 0xa7])).toBeGreaterThan(1000);
    saveScreenshot("digest-trend-kk", png);
    const ru = await renderTrendChart({
      ...trendInput,
      title: "Акимат Карагандинской области: баллы по проектам, 2026",
      periods: trendInput.periods.map((p, i) => ({
        ...p,
        label: ["январь", "февраль", "март", "I квартал", "апрель"][i]!,
      })),
      projects: trendInput.projects.map((p, i) => ({ ...p, name: `Проект ${i + 1}` })),
      words: {
        late: "с опозданием",
        returned: "на доработке",
        missing: "не сдан",
        pending: "ожидается",
        noData: "Нет данных",
      },
    });
    saveScreenshot("digest-trend-ru", ru);
  });

  it("draws an empty chart, and refuses periods and points that do not match", async () => {
    const empty = await renderTrendChart({ ...trendInput, periods: [], projects: [] });
    expect(pngSize(empty).width).toBe(1200);
    expect(() =>
      trendChart({ ...trendInput, projects: [{ name: "1", points: [1, 2] }] }, PNG_LOOK),
    ).toThrow(ChartDataError);
    expect(() =>
      trendChart(
        {
          ...trendInput,
          periods: [{ label: "x", mark: "onTime" }],
          projects: [{ name: "1", points: [2.1] }],
        },
        PNG_LOOK,
      ),
    ).toThrow(ChartDataError);
  });
});

describe("the leaderboard chart", () => {
  const entries = [
    { rank: 1, name: "Жамбыл облысының әкімдігі (ғқңөұүһі)", points: 10210 },
    { rank: 2, name: "Абай облысының әкімдігі", points: 8450 },
    { rank: 2, name: "Ақмола облысының әкімдігі", points: 8450 },
    { rank: 4, name: "Қызылорда облысының әкімдігі", points: 7000, highlight: true },
    { rank: 5, name: "Акимат города Шымкента", points: -1050, notReported: true },
  ];
  const words = { notReported: "есеп тапсырмаған", noData: "Деректер жоқ" };

  it("writes each rank once, before the name, ties sharing one", () => {
    const texts = svgTexts(
      renderChartSvg(leaderboardChart({ title: "Рейтинг", entries, words }, PNG_LOOK)),
    );
    expect(texts).toContain("1. Жамбыл облысының әкімдігі (ғқңөұүһі)");
    expect(texts.filter((text) => text.startsWith("2. "))).toHaveLength(2);
    expect(texts.some((text) => /^\d+\. \d+\./.test(text))).toBe(false);
    expect(texts.filter((text) => /^\d+\.$/.test(text))).toEqual([]);
  });

  it("names a body that sent nothing as not reported instead of its points", () => {
    const texts = svgTexts(
      renderChartSvg(leaderboardChart({ title: "Рейтинг", entries, words }, PNG_LOOK)),
    );
    expect(texts).toContain("есеп тапсырмаған");
    expect(texts).not.toContain("−10,5");
    expect(texts).toContain("84,5");
  });

  it("grows one row a body and marks the highlighted body in its own colour", async () => {
    const marked = await renderLeaderboardChart({
      title: `Рейтинг: ${KAZAKH_LETTERS}`,
      entries,
      words,
    });
    const plain = await renderLeaderboardChart({
      title: "Рейтинг",
      entries: [
        ...entries.slice(0, 3),
        { ...entries[3]!, highlight: false },
        entries[4]!,
        entries[0]!,
      ],
      words,
    });
    expect(pngSize(plain).height - pngSize(marked).height).toBe(34);
    const highlight: [number, number, number] = [0xd5, 0x5e, 0x00];
    expect(countColour((await pixelsOf(marked)).data, highlight)).toBeGreaterThan(1000);
    expect(countColour((await pixelsOf(plain)).data, highlight)).toBe(0);
    saveScreenshot("digest-leaderboard-kk", marked);
  });

  it("renders an empty leaderboard", async () => {
    const png = await renderLeaderboardChart({ title: "Рейтинг", entries: [], words });
    expect(pngSize(png).width).toBe(1200);
  });
});
