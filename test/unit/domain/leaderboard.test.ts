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

  it("ranks nothing for no entries", () => {
    expect(rankBodies([])).toEqual([]);
  });
});
