import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBLEM_CODES } from "../../src/domain/problems.ts";
import { getI18n, LOCALES_DIR, translator } from "../../src/i18n.ts";
import { dataKey } from "../../src/i18n-keys.ts";
import { V2026 } from "../support/methodology.ts";

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

/** The names of the placeholders in a message, formatters left out ({{n, kkPossessive}} → n). */
const placeholders = (text: unknown) => [
  ...new Set([...String(text).matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort()),
];

/** Every message of a language as "file key" → text, plural suffixes dropped from the key. */
function messages(byFile: Record<string, unknown>): Map<string, string> {
  const all = new Map<string, string>();
  for (const [file, content] of Object.entries(byFile))
    for (const [key, text] of leaves(content))
      all.set(`${file} ${key.replace(/_(zero|one|two|few|many|other)$/, "")}`, String(text));
  return all;
}

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

  it("use the same placeholders in kk and ru messages", () => {
    const k = messages(kk);
    for (const [key, text] of messages(ru))
      expect(placeholders(k.get(key)), key).toEqual(placeholders(text));
  });

  it("use the methodology's words (GLOSSARY.md), not their look-alikes", () => {
    // «міндетті» (required) shares its root with «міндет» (a duty, not the methodology's task),
    // so neither is used; «ұпай» and «айыппұл» / «штраф» (a money fine) are not the methodology's.
    const avoid = {
      kk: /ұпай|айыппұл|міндет|бейім|көрсеткіш|балдар|балдың|жоба сақта/iu,
      ru: /штраф|показател/iu,
    };
    for (const [lang, words] of [
      ["kk", avoid.kk],
      ["ru", avoid.ru],
    ] as const) {
      const found = [...messages(lang === "kk" ? kk : ru)].filter(([, text]) => words.test(text));
      expect(found, lang).toEqual([]);
    }
  });

  it("leave Kazakh numeral suffixes to the helper, never written by hand after a number", () => {
    // "{{n}}-сі" is right for some numbers only; {{n, kkPossessive}} is right for all of them.
    const handWritten = /(?:\d|\}\})-(?:с?[іы]|ш[іы])(?![\p{L}-])/u;
    const wrong = [...messages(kk)].filter(([, text]) => handWritten.test(text));
    expect(wrong).toEqual([]);
  });

  it("end a sentence with one full stop when a value before it ends in one", () => {
    const ru = translator("ru");
    const offer = ru("forms:entry.draftFound", { report: "Годовой отчёт", period: "2026 г." });
    expect(offer).toBe(
      "У вас есть незаконченный черновик: Годовой отчёт за 2026 г. Продолжить его или начать заново?",
    );
    const i18n = getI18n();
    i18n.addResourceBundle("ru", "stops-test", { line: "{{what}}." });
    expect(ru(dataKey("stops-test:line"), { what: "и т. д." })).toBe("и т. д.");
    expect(ru(dataKey("stops-test:line"), { what: "ждём…" })).toBe("ждём….");
    expect(ru(dataKey("stops-test:line"), { what: "ждём..." })).toBe("ждём....");
  });

  it("name every action the audit log records, in kk and ru", () => {
    const recorded = new Set<string>();
    const sourceFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === "generated"
            ? []
            : sourceFiles(join(dir, entry.name))
          : entry.name.endsWith(".ts")
            ? [join(dir, entry.name)]
            : [],
      );
    for (const file of sourceFiles(join(LOCALES_DIR, "../src"))) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("audit.record")) continue;
      for (const m of text.matchAll(
        /action: (?:[\w.]+ \? )?"([a-z]+\.[a-zA-Z]+)"(?: : "([a-z]+\.[a-zA-Z]+)")?/g,
      ))
        for (const action of [m[1], m[2]]) if (action) recorded.add(action.replace(".", "_"));
    }
    expect(recorded.size).toBeGreaterThan(10);
    for (const lang of [kk, ru]) {
      const labels = (lang["audit.json"] as { actions: Record<string, string> }).actions;
      expect([...recorded].filter((action) => !labels[action])).toEqual([]);
    }
  });

  it("write Kazakh numeral suffixes by the number from locale strings", () => {
    const i18n = getI18n();
    i18n.addResourceBundle("kk", "numerals-test", {
      of: "{{count}} индикатордың {{n, kkPossessive}}",
      place: "{{n, kkOrdinal}} орын",
    });
    const t = translator("kk");
    expect(t(dataKey("numerals-test:of"), { count: 36, n: 2 })).toBe("36 индикатордың 2-сі");
    expect(t(dataKey("numerals-test:of"), { count: 36, n: 36 })).toBe("36 индикатордың 36-сы");
    expect(t(dataKey("numerals-test:of"), { count: 3, n: 1 })).toBe("3 индикатордың 1-і");
    expect(t(dataKey("numerals-test:of"), { count: 2000, n: "1 500" })).toBe(
      "2000 индикатордың 1 500-і",
    );
    expect(t(dataKey("numerals-test:place"), { n: 6 })).toBe("6-шы орын");
    expect(t(dataKey("numerals-test:place"), { n: "x" })).toBe("x орын");
  });

  it("have a message for every problem code in kk, ru and en", () => {
    for (const lang of ["kk", "ru", "en"]) {
      const scoring = namespaces(lang)["scoring.json"] as { problems: Record<string, string> };
      for (const code of PROBLEM_CODES)
        expect(scoring.problems[code]?.trim(), `${lang} ${code}`).toBeTruthy();
    }
  });

  it("give every project, task and indicator a title in kk and ru", () => {
    const items = V2026.projects.flatMap((p) => [
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

describe("keys the code passes to t()", () => {
  it("are checked against the Russian resources by the compiler", () => {
    const t = translator("ru");
    expect(t("bot:access.switchedOff")).not.toBe("access.switchedOff");
    // npm run typecheck fails if either line compiles: a misspelt key, a key of no namespace.
    // @ts-expect-error "swichedOff" is no key of bot.json
    expect(t("bot:access.swichedOff")).toBe("access.swichedOff");
    // @ts-expect-error there is no namespace "reports"
    expect(t("reports:title")).toBe("title");
  });
});
