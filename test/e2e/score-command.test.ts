// The one run of the real `npm run score` process; test/unit/domain/score-cli.test.ts covers the
// command's behaviour in-process.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { INDICATOR_IDS } from "../support/methodology.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = fileURLToPath(
  new URL("../unit/domain/fixtures/example-scorecard.json", import.meta.url),
);

describe("npm run score", () => {
  it("scores a scorecard file: total 84.5 and every indicator id", () => {
    const r = spawnSync("npm", ["run", "--silent", "score", "--", FIXTURE], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(84.5);
    expect(Object.keys(out.indicators)).toEqual(INDICATOR_IDS);
    expect(out.indicators["p1.t1.s3"]).toEqual({ points: 2.1, applicable: true, max: 3 });
  });
});
