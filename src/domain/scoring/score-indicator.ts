import type { BodyKind, IndicatorDef } from "../methodology/types.ts";
import { type Points, sumPoints } from "../points.ts";
import { ruleOf, type Variants } from "../variants.ts";
import { type EntryScore, scoreEntry } from "./rules.ts";
import type { IndicatorValue } from "./values.ts";

/** Who is scored and under which readings. */
export type ScoringContext = {
  bodyKind: BodyKind;
  p1Exempt?: boolean;
  variants?: Variants;
};

/** An indicator's score; `perEntry` lists monthly/quarterly entries' points in input order. */
export type IndicatorScore = {
  id: string;
  points: Points;
  applicable: boolean;
  max?: Points;
  perEntry?: Points[];
};

/** Whether the indicator applies to this body at all (body kind, project 1 exemption). */
export function appliesToBody(def: IndicatorDef, ctx: ScoringContext): boolean {
  if (!def.appliesTo.includes(ctx.bodyKind)) return false;
  return !(ctx.p1Exempt && def.id.startsWith("p1."));
}

/**
 * One entry of an indicator by the rule its reading chooses, held to the indicator's cap
 * (a monthly cap holds for each month on its own).
 */
export function scoreIndicatorEntry(
  def: IndicatorDef,
  value: IndicatorValue | undefined,
  variants?: Variants,
): EntryScore {
  const s = scoreEntry(ruleOf(def, variants), value);
  if (def.cap === undefined || !s.applicable) return s;
  const max = s.max === undefined ? def.cap : Math.min(s.max, def.cap);
  return { points: Math.min(s.points, def.cap), applicable: true, max };
}

/**
 * Scores one indicator from already validated input: a single value for annual indicators,
 * a list (one entry a month or quarter) for the others; undefined when nothing was reported.
 */
export function scoreIndicator(
  def: IndicatorDef,
  value: IndicatorValue | IndicatorValue[] | undefined,
  ctx: ScoringContext,
): IndicatorScore {
  if (!appliesToBody(def, ctx)) return { id: def.id, points: 0, applicable: false };
  if (def.period === "annual") {
    const s = scoreIndicatorEntry(def, value as IndicatorValue | undefined, ctx.variants);
    const result: IndicatorScore = {
      id: def.id,
      points: s.applicable ? s.points : 0,
      applicable: s.applicable,
    };
    if (s.applicable && s.max !== undefined) result.max = s.max;
    return result;
  }
  const entries = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const perEntry = entries.map((e) => scoreIndicatorEntry(def, e, ctx.variants).points);
  const result: IndicatorScore = {
    id: def.id,
    points: sumPoints(perEntry),
    applicable: true,
    perEntry,
  };
  // A cap holds for each period on its own; with nothing reported the maximum is one period's.
  const capPerEntry = scoreIndicatorEntry(def, undefined, ctx.variants).max;
  if (capPerEntry !== undefined) result.max = capPerEntry * Math.max(1, entries.length);
  return result;
}

/** The most one report can score on an indicator (one month's, quarter's or year's entry), if bounded. */
export function maxPerEntry(def: IndicatorDef, variants?: Variants): Points | undefined {
  return scoreIndicatorEntry(def, undefined, variants).max;
}
