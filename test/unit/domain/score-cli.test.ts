import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { INDICATOR_IDS } from "../../support/methodology.ts";
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
