import type { IndicatorDef, MethodologyVersion, RuleSpec } from "./methodology/types.ts";

/**
 * Readings chosen for the texts' discrepancies, by indicator id: { "p2.t5.s4": "kk" }
 * (SCORING.md, "Discrepancies"). The readings themselves are data: each version names its own.
 */
export type Variants = Readonly<Record<string, string>>;

export type ParseVariantsResult =
  | { ok: true; variants: Variants }
  | { ok: false; reason: "badSyntax"; item: string };

const ITEM = /^(p\d+\.t\d+\.[a-z0-9]+)=([a-z][a-zA-Z0-9]*)$/;

/** Parses "p2.t5.s4=kk,p4.t3.s1=additive" (empty string → no choices); names are checked against versions later. */
export function parseVariants(text: string): ParseVariantsResult {
  const variants: Record<string, string> = {};
  for (const item of text.split(",").map((s) => s.trim())) {
    if (item === "") continue;
    const match = ITEM.exec(item.replace(/\s*=\s*/, "="));
    if (!match) return { ok: false, reason: "badSyntax", item };
    variants[match[1] as string] = match[2] as string;
  }
  return { ok: true, variants };
}

/** Whether the indicator knows a reading by this name (its default one or a variant). */
export function hasReading(def: IndicatorDef, reading: string): boolean {
  return reading === def.reading || Object.hasOwn(def.variants, reading);
}

/** The reading an indicator is scored by under these choices ("ru", "kk", …); undefined without variants. */
export function readingOf(def: IndicatorDef, variants: Variants = {}): string | undefined {
  const chosen = variants[def.id];
  if (chosen !== undefined && Object.hasOwn(def.variants, chosen)) return chosen;
  return def.reading;
}

/** The rule an indicator is scored by: its variant's when one is chosen, else its own. */
export function ruleOf(def: IndicatorDef, variants: Variants = {}): RuleSpec {
  const chosen = variants[def.id];
  if (chosen !== undefined && Object.hasOwn(def.variants, chosen))
    return (def.variants[chosen] as { rule: RuleSpec }).rule;
  return def.rule;
}

/** The readings every indicator with variants is scored by in a version. */
export function readingsOf(version: MethodologyVersion, variants: Variants = {}): Variants {
  const readings: Record<string, string> = {};
  for (const def of version.indicators) {
    const reading = readingOf(def, variants);
    if (reading !== undefined) readings[def.id] = reading;
  }
  return readings;
}

/** Choices a version does not know: "p9.t9.s9=kk" (no such indicator) or "p2.t5.s4=xx" (no such reading). */
export function unknownVariants(version: MethodologyVersion, variants: Variants): string[] {
  return Object.entries(variants)
    .filter(([id, reading]) => {
      const def = version.indicators.find((d) => d.id === id);
      return !def || !hasReading(def, reading);
    })
    .map(([id, reading]) => `${id}=${reading}`);
}
