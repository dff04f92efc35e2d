// A version text is parsed once and kept as JSON by its SHA-256; starts read the JSON.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { METHODOLOGY_DIR, parseVersionText } from "../../../src/methodology/load.ts";

const TEXT = readFileSync(join(METHODOLOGY_DIR, "2026.1.yaml"), "utf8");
const keyOf = (text: string) => createHash("sha256").update(text).digest("hex");

describe("parsed version texts", () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), "parsed-versions-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a valid text's parse by its hash, and reads it back instead of the YAML", () => {
    const dir = scratch();
    const fresh = parseVersionText(TEXT, dir);
    expect(fresh.ok).toBe(true);
    expect(readdirSync(dir)).toEqual([`${keyOf(TEXT)}.json`]);
    expect(parseVersionText(TEXT, dir)).toEqual(fresh);
    expect(parseVersionText(TEXT, undefined)).toEqual(fresh);
    // What is kept is what is used (and still checked): a changed entry shows through.
    const file = join(dir, `${keyOf(TEXT)}.json`);
    const raw = JSON.parse(readFileSync(file, "utf8"));
    raw.title = { kk: "Өзгертілген", ru: "Изменённая" };
    writeFileSync(file, JSON.stringify(raw));
    const read = parseVersionText(TEXT, dir);
    expect(read.ok && read.version.title).toEqual(raw.title);
    raw.id = 42;
    writeFileSync(file, JSON.stringify(raw));
    expect(parseVersionText(TEXT, dir).ok).toBe(false);
  });

  it("parses again over an unreadable entry and where nothing can be written", () => {
    const dir = scratch();
    const fresh = parseVersionText(TEXT, undefined);
    writeFileSync(join(dir, `${keyOf(TEXT)}.json`), "{ half a fi");
    expect(parseVersionText(TEXT, dir)).toEqual(fresh);
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    expect(parseVersionText(TEXT, join(file, "below"))).toEqual(fresh);
  });

  it("keeps nothing of a text that is refused, which still names its line", () => {
    const dir = scratch();
    const broken = `${TEXT}\n  bad: [unclosed\n`;
    const read = parseVersionText(broken, dir);
    expect(read.ok).toBe(false);
    expect(JSON.stringify(read)).toMatch(/\(line \d+\)/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
