import type { BodyKind } from "./methodology/types.ts";
import type { Points } from "./points.ts";

export type LeaderboardEntry = { bodyId: string; kind: BodyKind; points: Points };
export type RankedEntry = LeaderboardEntry & { rank: number };

/**
 * Ranks bodies against bodies of the same kind only, most points first; equal points share a rank
 * and the next rank skips (1, 2, 2, 4). Sorted by kind (central first), rank, then bodyId.
 */
export function rankBodies(entries: readonly LeaderboardEntry[]): RankedEntry[] {
  const sorted = [...entries].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      b.points - a.points ||
      (a.bodyId < b.bodyId ? -1 : a.bodyId > b.bodyId ? 1 : 0),
  );
  const ranked: RankedEntry[] = [];
  // Where the entry's kind begins in the sorted list: its place in the kind is i - groupStart.
  let groupStart = 0;
  sorted.forEach((entry, i) => {
    const prev = ranked[i - 1];
    const sameGroup = prev !== undefined && prev.kind === entry.kind;
    if (!sameGroup) groupStart = i;
    const rank = !sameGroup ? 1 : prev.points === entry.points ? prev.rank : i - groupStart + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked;
}
