import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { METHODOLOGY } from "../../src/domain/methodology/data.ts";
import { PROBLEM_CODES } from "../../src/domain/problems.ts";
import { LOCALES_DIR } from "../../src/i18n.ts";

/** Every leaf of a nested JSON object as [dotted key, value]. */
function leaves(value: unknown, prefix = ""): [string, unknown][] {
  if (typeof value !== "object" || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const keysOf = (value: unknown) => leaves(value).map(([k]) => k);

function namespaces(lang: string): Record<string, unknown> {
  const dir = join(LOCALES_DIR, lang);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  return Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]));
}

/** Placeholders like {{count}} in a message, sorted. */
const placeholders = (text: unknown) =>
  String(text)
    .match(/\{\{\s*\w+\s*\}\}/g)
    ?.sort() ?? [];

describe("locales", () => {
  const kk = namespaces("kk");
  const ru = namespaces("ru");

  it("have the same namespace files in kk and ru", () => {
    expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
  });

  it("have exactly the same keys in every kk and ru namespace", () => {
    for (const file of Object.keys(ru)) {
      // i18next plural suffixes differ by language (ru: _few/_many), so compare without them.
      const base = (keys: string[]) =>
        [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")))].sort();
      expect(base(keysOf(kk[file])), file).toEqual(base(keysOf(ru[file])));
    }
  });

  it("use the same placeholders in kk and ru scoring messages", () => {
    const flat = (o: unknown) => Object.fromEntries(leaves(o));
    const k = flat(kk["scoring.json"]);
    const r = flat(ru["scoring.json"]);
    for (const key of Object.keys(r))
      expect(placeholders(k[key]), key).toEqual(placeholders(r[key]));
  });

  it("have a message for every problem code in kk, ru and en", () => {
    for (const lang of ["kk", "ru", "en"]) {
      const scoring = namespaces(lang)["scoring.json"] as { problems: Record<string, string> };
      for (const code of PROBLEM_CODES)
        expect(scoring.problems[code]?.trim(), `${lang} ${code}`).toBeTruthy();
    }
  });

  it("give every project, task and indicator a title in kk and ru", () => {
    const items = METHODOLOGY.projects.flatMap((p) => [
      p,
      ...p.tasks,
      ...p.tasks.flatMap((t) => t.indicators),
    ]);
    for (const item of items) {
      expect(item.title.kk.trim(), item.id).not.toBe("");
      expect(item.title.ru.trim(), item.id).not.toBe("");
    }
  });
});
