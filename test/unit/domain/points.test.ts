import { describe, expect, it } from "vitest";
import { formatPoints, PointsError, pointsToNumber } from "../../../src/domain/points.ts";

describe("formatPoints", () => {
  it.each([
    [210, "2,1"],
    [8450, "84,5"],
    [12345, "123,45"],
    [-1000, "\u221210"],
    [0, "0"],
    [5, "0,05"],
    [-30, "\u22120,3"],
    [1800, "18"],
  ])("shows %i hundredths as %s", (h, text) => {
    expect(formatPoints(h)).toBe(text);
  });

  it("refuses fractional hundredths", () => {
    expect(() => formatPoints(2.5)).toThrow(PointsError);
  });
});

describe("pointsToNumber", () => {
  it("gives exact two-decimal JSON numbers", () => {
    expect(pointsToNumber(8450)).toBe(84.5);
    expect(pointsToNumber(210)).toBe(2.1);
    expect(pointsToNumber(-1000)).toBe(-10);
    expect(JSON.stringify(pointsToNumber(12345))).toBe("123.45");
  });

  it("keeps 0.3 × 7 at exactly 2,1 in hundredths, where floats drift (0.1 × 3 ≠ 0.3)", () => {
    expect(0.1 * 3).not.toBe(0.3);
    const hundredths = Array.from({ length: 7 }, () => 30).reduce((a, b) => a + b);
    expect(pointsToNumber(hundredths)).toBe(2.1);
    expect(formatPoints(hundredths)).toBe("2,1");
  });
});
