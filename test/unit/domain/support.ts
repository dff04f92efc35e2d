import { findIndicator } from "../../../src/domain/methodology/lookup.ts";
import type { BodyKind, IndicatorDef } from "../../../src/domain/methodology/types.ts";
import { scoreIndicator } from "../../../src/domain/scoring/score-indicator.ts";
import type { IndicatorValue } from "../../../src/domain/scoring/values.ts";
import type { Variants } from "../../../src/domain/variants.ts";
import { V2026 } from "../../support/methodology.ts";

/** The indicator definition, failing loudly when the id is unknown. */
export function def(id: string): IndicatorDef {
  const d = findIndicator(V2026, id);
  if (!d) throw new Error(`no indicator ${id}`);
  return d;
}

/** Points (hundredths) an indicator scores for a regional body unless told otherwise. */
export function points(
  id: string,
  value: IndicatorValue | IndicatorValue[] | undefined,
  options: { bodyKind?: BodyKind; variants?: Variants } = {},
) {
  return scoreIndicator(def(id), value, {
    bodyKind: options.bodyKind ?? "regional",
    variants: options.variants,
  });
}
