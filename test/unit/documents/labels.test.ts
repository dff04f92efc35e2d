import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatHundredths } from "../../../src/documents/labels.ts";
import { LOCALES_DIR } from "../../../src/i18n.ts";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

describe("documents locale", () => {
  it("has the same keys in Kazakh and Russian", () => {
    const read = (lang: string) =>
      JSON.parse(readFileSync(join(LOCALES_DIR, lang, "documents.json"), "utf8"));
    expect(keysOf(read("kk")).sort()).toEqual(keysOf(read("ru")).sort());
  });
});

describe("formatHundredths", () => {
  it("shows exact decimals with a comma and a true minus", () => {
    expect(formatHundredths(210)).toBe("2,1");
    expect(formatHundredths(8450)).toBe("84,5");
    expect(formatHundredths(-1000)).toBe("\u221210");
    expect(formatHundredths(5)).toBe("0,05");
    expect(formatHundredths(0)).toBe("0");
    expect(formatHundredths(12345)).toBe("123,45");
  });

  it("uses a dot and a hyphen-minus for machine-read files", () => {
    expect(formatHundredths(-30, ".")).toBe("-0.3");
  });

  it("refuses binary floats", () => {
    expect(() => formatHundredths(2.1)).toThrow(RangeError);
  });
});
