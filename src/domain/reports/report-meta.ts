import { z } from "zod";
import { shareValueSchema } from "../scoring/values.ts";

/** Longest free-text comment kept with one indicator. */
export const MAX_COMMENT_LENGTH = 2000;

/**
 * What a report version records besides indicator values: the annual report's project-1
 * exemption (an external analysis of corruption risks the year before), the share of the
 * external plan's measures done (shown without points), and comments per indicator.
 */
export const reportMetaSchema = z.strictObject({
  p1Exempt: z.boolean().optional(),
  p1ExternalPlan: shareValueSchema.optional(),
  comments: z.record(z.string(), z.string().min(1).max(MAX_COMMENT_LENGTH)).optional(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

/** The meta of a stored version, or an empty one when absent or unreadable. */
export function readReportMeta(raw: unknown): ReportMeta {
  const parsed = reportMetaSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
