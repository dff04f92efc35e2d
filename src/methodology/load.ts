import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { createMethodologyBook, type MethodologyBook } from "../domain/methodology/book.ts";
import {
  describeMethodologyProblem,
  type MethodologyProblem,
  type ReadVersionResult,
  readMethodologyVersion,
} from "../domain/methodology/read-version.ts";
import type { MethodologyVersion } from "../domain/methodology/types.ts";
import { unknownVariants, type Variants } from "../domain/variants.ts";
import { type AnyLang, translator } from "../i18n.ts";
import { byDataKeys } from "../i18n-keys.ts";

/** The repository's version files: methodology/<id>.yaml, one a version. */
export const METHODOLOGY_DIR = fileURLToPath(new URL("../../methodology/", import.meta.url));

/** Thrown at start when a version file is unreadable or wrong: the bot never scores with it. */
export class MethodologyLoadError extends Error {
  override readonly name = "MethodologyLoadError";
  constructor(
    readonly file: string,
    readonly problems: readonly MethodologyProblem[],
  ) {
    const t = translator("ru");
    const lines = problems.map((p) => `  ${describeMethodologyProblem(p, byDataKeys(t))}`);
    super(`Methodology file ${file} is refused:\n${lines.join("\n")}`);
  }
}

/**
 * Where parsed version texts are kept, by their SHA-256: a start reads their JSON (under a
 * millisecond) instead of parsing 60 KB of YAML again (a tenth of a second of CPU, at every start
 * of the bot and of each command). Keyed by content, an entry is never stale. It is kept beside
 * the code, not in a shared temporary folder, since what it holds becomes the rules. Where the
 * folder cannot be written, every start parses.
 */
export const PARSED_VERSIONS_DIR = fileURLToPath(
  new URL("../../node_modules/.cache/adaldyq-methodology/", import.meta.url),
);

/**
 * Reads a version file's text (YAML; JSON is YAML too) and checks it: the version, or one problem
 * per thing wrong, each naming its place (a YAML syntax error names its line).
 */
export function parseVersionText(
  text: string,
  cacheDir: string | undefined = PARSED_VERSIONS_DIR,
): ReadVersionResult {
  const key = createHash("sha256").update(text).digest("hex");
  const cached = cacheDir === undefined ? undefined : readParsed(cacheDir, key);
  const parsed = cached ? { ok: true as const, raw: cached.raw } : parseYaml(text);
  if (!parsed.ok) return parsed;
  const read = readMethodologyVersion(parsed.raw);
  if (read.ok && !cached && cacheDir !== undefined) writeParsed(cacheDir, key, parsed.raw);
  return read;
}

function parseYaml(
  text: string,
): { ok: true; raw: unknown } | Extract<ReadVersionResult, { ok: false }> {
  // Loaded only when a text must be parsed: most starts read kept parses and never need it.
  const { parseDocument } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        path: error.linePos ? `(line ${error.linePos[0].line})` : "(file)",
        code: error.code === "DUPLICATE_KEY" ? "duplicateKey" : "yamlSyntax",
        params: { message: (error.message.split("\n")[0] ?? "").replace(/:\s*$/, "") },
      })),
    };
  }
  try {
    // Anchors and aliases may repeat a block; the default limit keeps a hostile file small.
    return { ok: true, raw: doc.toJS() };
  } catch (error) {
    return {
      ok: false,
      problems: [
        { path: "(file)", code: "yamlSyntax", params: { message: (error as Error).message } },
      ],
    };
  }
}

/** A kept parse, or undefined when there is none or it is unreadable (then the text is parsed). */
function readParsed(dir: string, key: string): { raw: unknown } | undefined {
  try {
    return { raw: JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) };
  } catch {
    return undefined;
  }
}

function writeParsed(dir: string, key: string, raw: unknown): void {
  const json = JSON.stringify(raw);
  // YAML can say what JSON cannot (.inf, .nan): such a text is parsed every time.
  if (!isDeepStrictEqual(JSON.parse(json), raw)) return;
  try {
    mkdirSync(dir, { recursive: true });
    // Renamed into place, so a reader never sees half a file.
    const partial = join(dir, `${key}.${process.pid}.${randomUUID()}.partial`);
    writeFileSync(partial, json);
    renameSync(partial, join(dir, `${key}.json`));
  } catch {
    // A read-only installation parses at each start, as before.
  }
}

/** One version file, checked; throws MethodologyLoadError when it is unreadable or wrong. */
export function readVersionFile(file: string): MethodologyVersion {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new MethodologyLoadError(file, [
      { path: "(file)", code: "unreadable", params: { message: (error as Error).message } },
    ]);
  }
  const read = parseVersionText(text);
  if (!read.ok) throw new MethodologyLoadError(file, read.problems);
  return read.version;
}

/** Every version file of a folder (*.yaml, *.yml, *.json), in file-name order. */
export function readVersionFiles(dir: string = METHODOLOGY_DIR): MethodologyVersion[] {
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => readVersionFile(join(dir, name)));
}

let bundled: MethodologyBook | undefined;

/** The book of the repository's version files, read once (the CLI, tests, and the bot before uploads). */
export function bundledMethodology(): MethodologyBook {
  bundled ??= createMethodologyBook(readVersionFiles());
  return bundled;
}

/** Thrown at start when METHODOLOGY_VARIANTS names a reading no loaded version has. */
export class UnknownVariantsError extends Error {
  override readonly name = "UnknownVariantsError";
  constructor(readonly items: readonly string[]) {
    super(`METHODOLOGY_VARIANTS: ${items.join(", ")} names no reading of any methodology version`);
  }
}

/**
 * Choices of METHODOLOGY_VARIANTS that no loaded version knows ("p9.t9.s9=kk"): a typo would
 * otherwise score silently by the default reading. A choice some versions lack is fine there.
 */
export function variantsNoVersionKnows(
  book: Pick<MethodologyBook, "versions">,
  variants: Variants,
): string[] {
  const unknownIn = book.versions.map((v) => new Set(unknownVariants(v, variants)));
  return Object.entries(variants)
    .map(([id, reading]) => `${id}=${reading}`)
    .filter((item) => unknownIn.every((unknown) => unknown.has(item)));
}

/** Problems as lines in a language, for a command line or an admin. */
export function describeMethodologyProblems(
  problems: readonly MethodologyProblem[],
  lang: AnyLang,
): string[] {
  const t = translator(lang);
  return problems.map((p) => describeMethodologyProblem(p, byDataKeys(t)));
}
