import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankBodies } from "../../../src/domain/leaderboard.ts";

describe("rankBodies", () => {
  it("ranks within each kind, ties sharing a rank", () => {
    const ranked = rankBodies([
      { bodyId: "almaty", kind: "regional", points: 8450 },
      { bodyId: "justice", kind: "central", points: 9000 },
      { bodyId: "abai", kind: "regional", points: 9000 },
      { bodyId: "turkistan", kind: "regional", points: 8450 },
      { bodyId: "zhetisu", kind: "regional", points: 100 },
      { bodyId: "finance", kind: "central", points: 9500 },
    ]);
    expect(ranked.map((r) => `${r.kind}:${r.bodyId}:${r.rank}`)).toEqual([
      "central:finance:1",
      "central:justice:2",
      "regional:abai:1",
      "regional:almaty:2",
      "regional:turkistan:2",
      "regional:zhetisu:4",
    ]);
  });

  it("gives each body one more than the bodies of its kind with more points", () => {
    const entry = fc.record({
      bodyId: fc.string({ maxLength: 3 }),
      kind: fc.constantFrom("central" as const, "regional" as const),
      points: fc.integer({ min: -3, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        for (const r of rankBodies(entries)) {
          const above = entries.filter((e) => e.kind === r.kind && e.points > r.points).length;
          expect(r.rank).toBe(above + 1);
        }
      }),
    );
  });

  it("ranks nothing for no entries", () => {
    expect(rankBodies([])).toEqual([]);
  });
});
