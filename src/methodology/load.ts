import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
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
 * Reads a version file's text (YAML; JSON is YAML too) and checks it: the version, or one problem
 * per thing wrong, each naming its place (a YAML syntax error names its line).
 */
export function parseVersionText(text: string): ReadVersionResult {
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
  let raw: unknown;
  try {
    // Anchors and aliases may repeat a block; the default limit keeps a hostile file small.
    raw = doc.toJS();
  } catch (error) {
    return {
      ok: false,
      problems: [
        { path: "(file)", code: "yamlSyntax", params: { message: (error as Error).message } },
      ],
    };
  }
  return readMethodologyVersion(raw);
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
