/** Readings of the two texts' discrepancies, selectable without code changes (SCORING.md, "Discrepancies"). */
export type Variants = { "p2.t5.s4": "ru" | "kk"; "p4.t3.s1": "default" | "additive" };

export const DEFAULT_VARIANTS: Variants = { "p2.t5.s4": "ru", "p4.t3.s1": "default" };

const CHOICES: { [K in keyof Variants]: readonly Variants[K][] } = {
  "p2.t5.s4": ["ru", "kk"],
  "p4.t3.s1": ["default", "additive"],
};

export type ParseVariantsResult =
  | { ok: true; variants: Partial<Variants> }
  | { ok: false; reason: "unknownVariant" | "badChoice"; item: string };

/** Parses "p2.t5.s4=kk,p4.t3.s1=additive" (empty string → no overrides). */
export function parseVariants(text: string): ParseVariantsResult {
  const variants: Record<string, string> = {};
  for (const item of text.split(",").map((s) => s.trim())) {
    if (item === "") continue;
    const [key = "", choice = ""] = item.split("=").map((s) => s.trim());
    if (!Object.hasOwn(CHOICES, key)) return { ok: false, reason: "unknownVariant", item };
    const choices: readonly string[] = CHOICES[key as keyof Variants];
    if (!choices.includes(choice)) return { ok: false, reason: "badChoice", item };
    variants[key] = choice;
  }
  return { ok: true, variants: variants as Partial<Variants> };
}

/** The defaults with the given overrides applied. */
export function resolveVariants(overrides: Partial<Variants> = {}): Variants {
  return { ...DEFAULT_VARIANTS, ...overrides };
}
