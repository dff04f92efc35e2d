import { z } from "zod";
import type { MethodologyVersion } from "../domain/methodology/types.ts";
import { MAX_COMMENT_LENGTH } from "../domain/reports/report-meta.ts";
import { parseIndicatorValue } from "../domain/scoring/parse-value.ts";
import { type IndicatorValue, shareValueSchema } from "../domain/scoring/values.ts";

/** A file or link attached to one indicator while the report is being filled in. */
export const draftEvidenceSchema = z.object({
  type: z.enum(["photo", "document", "link"]),
  telegramFileId: z.string().optional(),
  link: z.string().optional(),
  mime: z.string().optional(),
  size: z.number().int().optional(),
});
export type DraftEvidence = z.infer<typeof draftEvidenceSchema>;

/**
 * An unfinished annual or quarterly indicators report, saved after every answer.
 * `selections` remembers which directory members were ticked for a share; `p1Exempt`
 * undefined means the exemption question is still open.
 */
export const indicatorsDraftSchema = z.object({
  p1Exempt: z.boolean().optional(),
  p1ExternalPlan: shareValueSchema.optional(),
  values: z.record(z.string(), z.unknown()).default({}),
  selections: z.record(z.string(), z.array(z.number().int())).default({}),
  evidence: z.record(z.string(), z.array(draftEvidenceSchema)).default({}),
  comments: z.record(z.string(), z.string().min(1).max(MAX_COMMENT_LENGTH)).default({}),
});
export type IndicatorsDraft = z.infer<typeof indicatorsDraftSchema>;

/** A fresh draft with nothing answered. */
export function emptyDraft(): IndicatorsDraft {
  return { values: {}, selections: {}, evidence: {}, comments: {} };
}

/**
 * Reads a stored draft, keeping only values that still pass their indicator's schema in the
 * period's version (the methodology may have changed since it was saved); anything unreadable
 * starts afresh.
 */
export function readDraft(version: MethodologyVersion, raw: unknown): IndicatorsDraft {
  const parsed = indicatorsDraftSchema.safeParse(raw);
  if (!parsed.success) return emptyDraft();
  const values: Record<string, IndicatorValue> = {};
  for (const [id, value] of Object.entries(parsed.data.values)) {
    const checked = parseIndicatorValue(version, id, value);
    if (checked.ok) values[id] = checked.value;
  }
  return { ...parsed.data, values };
}

/** The draft's values typed as the scoring engine reads them. */
export function valuesOf(draft: IndicatorsDraft): Partial<Record<string, IndicatorValue>> {
  return draft.values as Partial<Record<string, IndicatorValue>>;
}
