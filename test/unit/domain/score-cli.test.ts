import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { METHODOLOGY_DIR } from "../../../src/methodology/load.ts";
import { fileIndicator, INDICATOR_IDS } from "../../support/methodology.ts";
import { runScoreCommand as score } from "../../support/score-command.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/example-scorecard.json", import.meta.url));

// In-process (src/cli/score.ts's main); test/e2e/score-command.test.ts runs the real command once.
describe("the score command", () => {
  it("scores a scorecard file: total 84.5 and every indicator id", () => {
    const r = score([FIXTURE]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(84.5);
    expect(Object.keys(out.indicators)).toEqual(INDICATOR_IDS);
    expect(out.indicators["p1.t1.s3"]).toEqual({ points: 2.1, applicable: true, max: 3 });
    expect(out.indicators["p1.t5.s1"]).toEqual({ points: 12, applicable: true });
  });

  it("reads standard input with - and takes variants", () => {
    const r = score(
      ["--variant", "p2.t5.s4=kk,p4.t3.s1=additive", "-"],
      readFileSync(FIXTURE, "utf8"),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe(86.5);
  });

  it("refuses bad input with exit 2, nothing on stdout and one line per problem naming the id", () => {
    const bad = {
      bodyKind: "central",
      values: { "p1.t1.s3": { done: 11, total: 10 }, "p4.t2.s3": [-1] },
    };
    const r = score(["-"], JSON.stringify(bad));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("p1.t1.s3");
    expect(lines[1]).toContain("p4.t2.s3");
  });

  it("refuses invalid JSON, a missing file and an unknown variant with exit 2", () => {
    for (const r of [
      score(["-"], "{"),
      score(["no-such-file.json"]),
      score(["--variant", "x=y", FIXTURE]),
    ]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

const card = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ bodyKind: "regional", values, ...extra });

describe("the score command's readings, versions and warnings", () => {
  const scratch = mkdtempSync(join(tmpdir(), "adaldyq-score-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Writes a changed copy of 2026.1 (another id and appliesFrom) and returns its path. */
  function versionFile(id: string, appliesFrom: string, edit: (file: never) => void = () => {}) {
    const file = parse(readFileSync(join(METHODOLOGY_DIR, "2026.1.yaml"), "utf8"));
    file.id = id;
    file.appliesFrom = appliesFrom;
    edit(file as never);
    const path = join(scratch, `${id}.yaml`);
    writeFileSync(path, stringify(file));
    return path;
  }

  it("scores contradicting values by the deciding field and names them on stderr, exit 0", () => {
    const r = score(
      ["-"],
      card({
        "p2.t5.s4": { provided: false, facts: 3 },
        "p4.t3.s1": [
          { events: 1, published: false, views: 500 },
          { events: 0, published: true, views: 2000 },
        ],
      }),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.indicators["p2.t5.s4"].points).toBe(-5);
    expect(out.indicators["p4.t3.s1"].points).toBe(10);
    expect(r.stderr.trim().split("\n")).toEqual([
      "p2.t5.s4: facts (3) are given but the information is marked not provided: scored as not provided",
      "p4.t3.s1, entry 1: views (500) are given but nothing is marked published: no publicity points",
      "p4.t3.s1, entry 2: publicity is given but no event was held: scored 0",
    ]);
  });

  it("reads the kk variant of p2.t5.s4 the same way: no information, −5 whatever the facts", () => {
    const r = score(
      ["--variant", "p2.t5.s4=kk", "-"],
      card({ "p2.t5.s4": { provided: false, facts: 3 } }),
    );
    expect(JSON.parse(r.stdout).indicators["p2.t5.s4"].points).toBe(-5);
    expect(r.stderr).toMatch(/^p2\.t5\.s4: facts \(3\)/);
  });

  it("takes the bot's METHODOLOGY_VARIANTS unless --variant is given", () => {
    const example = readFileSync(FIXTURE, "utf8");
    // Risks 4 found, 3 removed, 1 to the end: 4 + 2 × 2 + 5 = 13; cumulative 4 + 3 × 2 + 5 = 15.
    const env = { METHODOLOGY_VARIANTS: "p1.t3.risks=cumulative" };
    const bySetting = JSON.parse(score(["-"], example, env).stdout);
    expect(bySetting.indicators["p1.t3.risks"].points).toBe(15);
    expect(bySetting.total).toBe(86.5);
    const byOption = JSON.parse(score(["--variant", "p2.t5.s4=ru", "-"], example, env).stdout);
    expect(byOption.indicators["p1.t3.risks"].points).toBe(13);
    expect(JSON.parse(score(["-"], example).stdout).indicators["p1.t3.risks"].points).toBe(13);
  });

  it("refuses a reading no version has, naming the readings there are", () => {
    const option = score(["--variant", "p1.t3.risks=double", FIXTURE]);
    expect(option.code).toBe(2);
    expect(option.stderr.trim()).toBe(
      "unknown variant “p1.t3.risks=double”; the methodology 2026.1 reads: p1.t3.risks=default|cumulative, p2.t5.s4=ru|kk, p4.t3.s1=default|additive",
    );
    const setting = score([FIXTURE], "", { METHODOLOGY_VARIANTS: "p9.t9.s9=kk" });
    expect(setting.code).toBe(2);
    expect(setting.stdout).toBe("");
    expect(setting.stderr.trim()).toBe(
      "METHODOLOGY_VARIANTS: “p9.t9.s9=kk” names no reading of any methodology version",
    );
  });

  it("scores by the version file given, and by the one in force for the card's year", () => {
    const v2027 = versionFile("2027.1", "2027", (file) => {
      fileIndicator(file, "p1.t5.s1").rule.perItem = 3;
    });
    const v2026 = join(METHODOLOGY_DIR, "2026.1.yaml");
    const cartogram = card({ "p1.t5.s1": 4 });
    const points = (args: string[], input: string) =>
      JSON.parse(score(args, input).stdout).indicators["p1.t5.s1"].points;
    expect(points(["-"], cartogram)).toBe(8);
    expect(points(["--methodology", v2027, "-"], cartogram)).toBe(12);
    const both = ["--methodology", v2026, "--methodology", v2027, "-"];
    expect(points(both, card({ "p1.t5.s1": 4 }, { year: 2026 }))).toBe(8);
    expect(points(both, card({ "p1.t5.s1": 4 }, { year: 2027 }))).toBe(12);
    // Without a year, the newest.
    expect(points(both, cartogram)).toBe(12);
  });

  it("refuses a broken version file with one line per problem, and a bad year", () => {
    const broken = versionFile("2028.1", "2028", (file) => {
      fileIndicator(file, "p1.t5.s1").rule.perItem = 0.333;
    });
    const r = score(["--methodology", broken, FIXTURE]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      `${broken} is not a methodology version:`,
      "  projects[0].tasks[4].indicators[0].rule.perItem: at most two decimals: points are counted in hundredths (e.g. 0.25)",
    ]);
    const year = score(["-"], card({}, { year: "2026" }));
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/^year: /);
  });
});
