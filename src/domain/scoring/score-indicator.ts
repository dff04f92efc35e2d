import type { BodyKind, IndicatorDef } from "../methodology/types.ts";
import { type Points, sumPoints } from "../points.ts";
import { resolveVariants, type Variants } from "../variants.ts";
import { scoreEntry } from "./rules.ts";
import type { IndicatorValue } from "./values.ts";

/** Who is scored and under which readings. */
export type ScoringContext = {
  bodyKind: BodyKind;
  p1Exempt?: boolean;
  variants?: Partial<Variants>;
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

function variantOf(def: IndicatorDef, ctx: ScoringContext): string | undefined {
  const variants: Record<string, string> = resolveVariants(ctx.variants);
  return variants[def.id];
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
  const variant = variantOf(def, ctx);
  if (def.period === "annual") {
    const s = scoreEntry(def.rule, value as IndicatorValue | undefined, variant);
    const result: IndicatorScore = {
      id: def.id,
      points: s.applicable ? s.points : 0,
      applicable: s.applicable,
    };
    if (s.applicable && s.max !== undefined) result.max = s.max;
    return result;
  }
  const entries = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const perEntry = entries.map((e) => scoreEntry(def.rule, e, variant).points);
  const result: IndicatorScore = {
    id: def.id,
    points: sumPoints(perEntry),
    applicable: true,
    perEntry,
  };
  // A cap holds for each period on its own; with nothing reported the maximum is one period's.
  const capPerEntry = scoreEntry(def.rule, undefined, variant).max;
  if (capPerEntry !== undefined) result.max = capPerEntry * Math.max(1, entries.length);
  return result;
}
