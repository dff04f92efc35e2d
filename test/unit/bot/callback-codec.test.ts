import { describe, expect, it } from "vitest";
import { featureCodec, field } from "../../../src/bot/callback-codec.ts";
import { exportBodyPages, exportButtons } from "../../../src/bot/features/export-buttons.ts";

describe("a feature's callback codec", () => {
  it("writes an unnamed action without a name and reads back only what it writes", () => {
    const audit = featureCodec("au", { "": [field.maybe(field.id, "")] });
    expect(audit.data("", null)).toBe("au:");
    expect(audit.data("", 57)).toBe("au:57");
    expect(audit.decode("", "au:")).toEqual([null]);
    expect(audit.decode("", "au:57")).toEqual([57]);
    for (const bad of ["au", "au:0", "au:x", "au:99999999999", "au:1:2", "aux:1"]) {
      expect(audit.decode("", bad), bad).toBeUndefined();
    }
  });

  it("gives a field as many parts as it spans, and the rest to a rest field", () => {
    const pair: typeof field.id & { parts: number } = {
      parts: 2,
      decode: (text) => (text === "1:2" ? 12 : undefined),
      encode: () => "1:2",
    };
    const codec = featureCodec("t", {
      p: [pair, field.page],
      r: [field.id, { parts: "rest", decode: (text: string) => text, encode: String }],
    });
    expect(codec.data("p", 12, 3)).toBe("t:p:1:2:3");
    expect(codec.decode("p", "t:p:1:2:3")).toEqual([12, 3]);
    expect(codec.decode("p", "t:p:1:2")).toBeUndefined();
    expect(codec.decode("p", "t:p:1:2:3:4")).toBeUndefined();
    expect(codec.decode("r", "t:r:5:a:b:c")).toEqual([5, "a:b:c"]);
    expect(codec.decode("r", "t:r:5")).toEqual([5, ""]);
  });
});

describe("the export buttons", () => {
  it("write the same data as the buttons people already have", () => {
    expect(exportButtons.data("")).toBe("ex");
    expect(exportButtons.data("monthly", { to: "year" })).toBe("ex:monthly");
    expect(exportButtons.data("scores", { to: "year", year: 2025, bodyId: 7 })).toBe(
      "ex:scores:y:2025:7",
    );
    expect(exportButtons.data("leaderboard", { to: "year", year: 2026 })).toBe(
      "ex:leaderboard:y:2026",
    );
    expect(exportButtons.data("reporting", { to: "period", periodKey: "2026-Q3" })).toBe(
      "ex:reporting:2026-Q3",
    );
    expect(exportButtons.data("scores", { to: "period", periodKey: "2026", bodyId: 7 })).toBe(
      "ex:scores:2026:7",
    );
    const file = { to: "file", periodKey: "2026-10", format: "xlsx" } as const;
    expect(exportButtons.data("monthly", file)).toBe("ex:monthly:2026-10:0:xlsx");
    expect(exportButtons.data("scores", { ...file, bodyId: 7, format: "csv" })).toBe(
      "ex:scores:2026-10:7:csv",
    );
    expect(exportBodyPages.data("", "2026-10", 2)).toBe("exb:2026-10:2");
  });

  it("read back every step they write", () => {
    const steps = [
      { to: "year" },
      { to: "year", year: 2024 },
      { to: "year", year: 2024, bodyId: 3 },
      { to: "period", periodKey: "2026-10" },
      { to: "period", periodKey: "2026-Q1", bodyId: 3 },
      { to: "file", periodKey: "2026", format: "csv" },
      { to: "file", periodKey: "2026-10", format: "xlsx", bodyId: 3 },
    ] as const;
    for (const step of steps) {
      const data = exportButtons.data("scores", step);
      expect(exportButtons.decode("scores", data), data).toEqual([step]);
    }
  });

  it("refuse kinds, periods, bodies and formats they never offer", () => {
    for (const bad of [
      "ex:monthly:2026-13",
      "ex:monthly:y:26",
      "ex:monthly:y:2026:0",
      "ex:monthly:2026-10:abc",
      "ex:monthly:2026-10:0:pdf",
      "ex:monthly:2026-10:99999999999:csv",
      "ex:monthly:2026-10:0:csv:more",
      "ex:monthly:x",
    ]) {
      expect(exportButtons.decode("monthly", bad), bad).toBeUndefined();
    }
    expect(exportButtons.decode("", "ex:mars")).toBeUndefined();
    expect(exportBodyPages.decode("", "exb:2026-10:-1")).toBeUndefined();
  });
});
