import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readMethodologyVersion } from "../../src/domain/methodology/read-version.ts";
import type { MethodologyVersion } from "../../src/domain/methodology/types.ts";
import { bundledMethodology, METHODOLOGY_DIR } from "../../src/methodology/load.ts";

/** The book of the repository's version files, as the bot loads it. */
export const BOOK = bundledMethodology();

/** The 2026.1 version file: every worked example of SCORING.md runs on it. */
export const V2026: MethodologyVersion = (() => {
  const version = BOOK.byId("2026.1");
  if (!version) throw new Error("methodology/2026.1.yaml is missing");
  return version;
})();

/** Every indicator id of 2026.1 in methodology order. */
export const INDICATOR_IDS: readonly string[] = V2026.indicators.map((d) => d.id);

/**
 * A changed copy of the 2026.1 file, as a methodologist would make next year's: another id and
 * appliesFrom, and whatever `edit` changes in the plain data (points written as decimals).
 */
export function changedCopy(
  id: string,
  appliesFrom: string,
  // biome-ignore lint/suspicious/noExplicitAny: the file's plain data, edited freely by tests.
  edit: (file: any) => void = () => undefined,
): MethodologyVersion {
  const file = parse(readFileSync(join(METHODOLOGY_DIR, "2026.1.yaml"), "utf8"));
  file.id = id;
  file.appliesFrom = appliesFrom;
  edit(file);
  const read = readMethodologyVersion(file);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.version;
}

/** The indicator of a file's plain data by id, to edit it. */
// biome-ignore lint/suspicious/noExplicitAny: the file's plain data, edited freely by tests.
export function fileIndicator(file: any, id: string): any {
  for (const project of file.projects)
    for (const task of project.tasks)
      for (const indicator of task.indicators) if (indicator.id === id) return indicator;
  throw new Error(`no ${id}`);
}
