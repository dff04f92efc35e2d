import { z } from "zod";
import { type ShareValue, shareValueSchema } from "../scoring/values.ts";

/** The monthly figures a commissioner is asked to confirm when far outside the body's history. */
export const CONFIRMED_FIELDS = [
  "views",
  "explanatoryCount",
  "preventiveCount",
  "propagandaCount",
] as const;
export type ConfirmedField = (typeof CONFIRMED_FIELDS)[number];

/** A value the person confirmed was right although it is far from what the body usually reports. */
export interface Confirmation {
  field: ConfirmedField;
  value: number;
  /** What the body usually reports (last month's views, the median count of the year before). */
  usual: number;
  /** When it was confirmed. */
  at: Date;
}

const confirmationSchema = z.object({
  field: z.enum(CONFIRMED_FIELDS),
  value: z.number(),
  usual: z.number(),
  at: z.union([z.string(), z.date()]).transform((at) => new Date(at)),
});

/** The project-1 exemption as a version's meta records it (annual reports only). */
export interface ExemptionClaim {
  exempt: boolean | undefined;
  externalPlan: ShareValue | undefined;
}

function objectOf(raw: unknown): Record<string, unknown> {
  return raw !== null && typeof raw === "object" && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : {};
}

/**
 * The confirmations a version's meta holds, readable ones only: a reviewer is shown what can be
 * shown, and one odd entry does not hide the others. Each field once (the last one wins).
 */
export function readConfirmations(meta: unknown): Confirmation[] {
  const list = objectOf(meta).confirmations;
  if (!Array.isArray(list)) return [];
  const byField = new Map<ConfirmedField, Confirmation>();
  for (const item of list) {
    const parsed = confirmationSchema.safeParse(item);
    if (parsed.success && !Number.isNaN(parsed.data.at.getTime())) {
      byField.set(parsed.data.field, parsed.data);
    }
  }
  return CONFIRMED_FIELDS.flatMap((field) => {
    const found = byField.get(field);
    return found ? [found] : [];
  });
}

/** The exemption claim of a version's meta, each part read on its own (others may sit beside them). */
export function readExemptionClaim(meta: unknown): ExemptionClaim {
  const raw = objectOf(meta);
  const plan = shareValueSchema.safeParse(raw.p1ExternalPlan);
  return {
    exempt: typeof raw.p1Exempt === "boolean" ? raw.p1Exempt : undefined,
    externalPlan: plan.success ? plan.data : undefined,
  };
}
