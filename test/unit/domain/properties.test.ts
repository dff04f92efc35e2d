import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIndicatorValue } from "../../../src/domain/scoring/parse-value.ts";
import { type Scorecard, scoreScorecard } from "../../../src/domain/scoring/scorecard.ts";
import { V2026 } from "../../support/methodology.ts";
import { points } from "./support.ts";

const SHARE_IDS = V2026.indicators.filter((d) => d.input === "share").map((d) => d.id);
const COUNT_IDS = V2026.indicators.filter((d) => d.input === "count").map((d) => d.id);
const FLAG_IDS = V2026.indicators.filter((d) => d.input === "flag").map((d) => d.id);
const REGIONAL_ONLY = ["p1.t5.s1", "p4.t1.s1", "p4.t1.s2"];

const share = fc
  .integer({ min: 1, max: 10_000 })
  .chain((total) =>
    fc.record({ done: fc.integer({ min: 0, max: total }), total: fc.constant(total) }),
  );

/** A random valid scorecard: shares, counts and flags plus the periodic lists. */
const scorecard: fc.Arbitrary<Scorecard> = fc.record({
  bodyKind: fc.constantFrom("central" as const, "regional" as const),
  p1Exempt: fc.boolean(),
  values: fc
    .record({
      shares: fc.dictionary(fc.constantFrom(...SHARE_IDS), share),
      counts: fc.dictionary(
        fc.constantFrom(...COUNT_IDS.filter((id) => !id.startsWith("p4.t2"))),
        fc.nat(200),
      ),
      flags: fc.dictionary(fc.constantFrom(...FLAG_IDS), fc.boolean()),
      events: fc.array(fc.nat(30), { maxLength: 12 }),
      talks: fc.array(fc.nat(30), { maxLength: 12 }),
      propaganda: fc.array(
        fc.record({ events: fc.nat(5), published: fc.boolean(), views: fc.nat(3000) }),
        { maxLength: 12 },
      ),
    })
    .map(({ shares, counts, flags, events, talks, propaganda }) => ({
      ...shares,
      ...counts,
      ...flags,
      "p4.t2.s3": events,
      "p4.t2.s4": talks,
      "p4.t3.s1": propaganda,
    })),
});

describe("scoring properties", () => {
  it("never scores less for more done of the same total", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHARE_IDS), share, fc.nat(10_000), (id, s, extra) => {
        const more = { done: Math.min(s.total, s.done + extra), total: s.total };
        expect(points(id, more).points).toBeGreaterThanOrEqual(points(id, s).points);
      }),
    );
  });

  it("never scores less for a larger count, except the staff offence count, where fewer is better", () => {
    const entry = (id: string, n: number) => (id.startsWith("p4.") ? [n] : n);
    fc.assert(
      fc.property(fc.constantFrom(...COUNT_IDS), fc.nat(1000), fc.nat(1000), (id, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = points(id, entry(id, lo)).points;
        const high = points(id, entry(id, hi)).points;
        if (id === "p2.t2.s1") expect(high).toBeLessThanOrEqual(low);
        else expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });

  it("scores a flag done at least as well as not done", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FLAG_IDS), (id) => {
        expect(points(id, true).points).toBeGreaterThan(points(id, false).points);
      }),
    );
  });

  it("holds the monthly caps for each month", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }), (months) => {
        for (const id of ["p4.t2.s3", "p4.t2.s4"]) {
          const s = points(id, months);
          for (const p of s.perEntry ?? []) expect(p).toBeLessThanOrEqual(1000);
          expect(s.points).toBeLessThanOrEqual(1000 * months.length);
          expect(s.points).toBeLessThanOrEqual(s.max ?? 0);
        }
      }),
    );
  });

  it("always refuses negative, fractional and inconsistent input", () => {
    const negative = fc.integer({ min: -1_000_000, max: -1 });
    const fraction = fc
      .double({ min: 0, max: 1e6, noNaN: true })
      .filter((x) => !Number.isInteger(x));
    fc.assert(
      fc.property(fc.constantFrom(...COUNT_IDS), fc.oneof(negative, fraction), (id, bad) => {
        expect(parseIndicatorValue(V2026, id, bad).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...SHARE_IDS),
        fc.nat(1000),
        fc.integer({ min: 1, max: 1000 }),
        (id, total, over) => {
          expect(parseIndicatorValue(V2026, id, { done: total + over, total }).ok).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(fc.nat(100), fc.integer({ min: 1, max: 100 }), (headcount, over) => {
        expect(
          parseIndicatorValue(V2026, "p4.t2.s1", { headcount, trained: headcount + over }).ok,
        ).toBe(false);
        const commission = { held: true, districts: headcount, districtsNotHeld: headcount + over };
        expect(parseIndicatorValue(V2026, "p4.t1.s1", commission).ok).toBe(false);
      }),
    );
  });

  it("never scores regional-only indicators for a central body", () => {
    fc.assert(
      fc.property(scorecard, (card) => {
        const b = scoreScorecard(V2026, { ...card, bodyKind: "central" });
        for (const id of REGIONAL_ONLY)
          expect(b.indicators[id]).toEqual({ points: 0, applicable: false });
      }),
    );
  });

  it("totals the indicators, the tasks and the projects alike", () => {
    fc.assert(
      fc.property(scorecard, (card) => {
        const b = scoreScorecard(V2026, card);
        const byIndicator = Object.values(b.indicators).reduce((sum, i) => sum + i.points, 0);
        expect(b.total).toBe(byIndicator);
        for (const p of b.projects)
          expect(p.points).toBe(p.tasks.reduce((sum, t) => sum + t.points, 0));
        expect(Number.isSafeInteger(b.total)).toBe(true);
      }),
    );
  });

  it("zeroes project 1 for an exempt body", () => {
    fc.assert(
      fc.property(scorecard, (card) => {
        const b = scoreScorecard(V2026, { ...card, p1Exempt: true });
        expect(b.projects[0]?.points).toBe(0);
        for (const [id, s] of Object.entries(b.indicators)) {
          if (id.startsWith("p1.")) expect(s.applicable).toBe(false);
        }
      }),
    );
  });
});
