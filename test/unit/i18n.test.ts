import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getI18n, LOCALES_DIR, remembering, translator } from "../../src/i18n.ts";
import { byDataKeys } from "../../src/i18n-keys.ts";

/** Every message key of a language, "namespace:dotted.key", plural suffixes dropped. */
function keysOf(lang: string): string[] {
  const keys = new Set<string>();
  const walk = (ns: string, value: unknown, prefix: string) => {
    if (typeof value !== "object" || value === null) {
      keys.add(`${ns}:${prefix.replace(/_(zero|one|two|few|many|other)$/, "")}`);
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(ns, v, prefix ? `${prefix}.${k}` : k);
  };
  for (const file of readdirSync(join(LOCALES_DIR, lang)).filter((f) => f.endsWith(".json")))
    walk(file.slice(0, -5), JSON.parse(readFileSync(join(LOCALES_DIR, lang, file), "utf8")), "");
  return [...keys];
}

describe("the remembering translator", () => {
  // Values of the kinds messages take: counts (plurals), text, and a Kazakh numeral suffix.
  const params = [undefined, { count: 1 }, { count: 25, n: 2, month: "X" }];

  it("answers every message of both languages as i18next does, first time and from memory", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const lang of ["kk", "ru"] as const) {
      const plain = getI18n().getFixedT(lang);
      const t = byDataKeys(translator(lang));
      for (const key of keysOf(lang))
        for (const p of params) {
          const expected = JSON.stringify(plain(key, p as never));
          const first = JSON.stringify(t(key, p as never));
          const again = JSON.stringify(t(key, p as never));
          checked++;
          if (first !== expected || again !== expected) wrong.push(`${lang} ${key}`);
        }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it("tells a number from its digits and one option from another", () => {
    let calls = 0;
    const t = byDataKeys(
      remembering(((key: string, options?: Record<string, unknown>) => {
        calls++;
        return `${key}|${JSON.stringify(options)}|${typeof options?.n}`;
      }) as never),
    );
    expect(t("k", { n: 1 })).toBe('k|{"n":1}|number');
    expect(t("k", { n: "1" })).toBe('k|{"n":"1"}|string');
    expect(t("k", { m: 1 })).toBe('k|{"m":1}|undefined');
    expect(t("k", { n: 1 })).toBe('k|{"n":1}|number');
    expect(calls).toBe(3);
  });

  it("always asks i18next when an option is an object, and never hands out a remembered object", () => {
    let calls = 0;
    const t = byDataKeys(
      remembering(((key: string) => {
        calls++;
        return key === "obj" ? { a: 1 } : key;
      }) as never),
    );
    const at = new Date(0);
    t("k", { at } as never);
    t("k", { at } as never);
    expect(calls).toBe(2);
    const first = t("obj") as unknown as { a: number };
    first.a = 2;
    expect(t("obj")).toEqual({ a: 1 });
  });
});
