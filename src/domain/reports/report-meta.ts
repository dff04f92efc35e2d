import { z } from "zod";
import { shareValueSchema } from "../scoring/values.ts";
import { confirmationSchema } from "./draft.ts";

/** Longest free-text comment kept with one indicator. */
export const MAX_COMMENT_LENGTH = 2000;

/**
 * What a report version records besides indicator values: the annual report's project-1
 * exemption (an external analysis of corruption risks the year before), the share of the
 * external plan's measures done (shown without points), comments per indicator, the unusual
 * values the author confirmed (for reviewers), the indicators answered "not reported" (p2.t2.s1's
 * reconciliation not done: an answer, scored as the rule says, unlike a question left open), and
 * the directory members ticked for each share.
 */
export const reportMetaSchema = z.strictObject({
  p1Exempt: z.boolean().optional(),
  p1ExternalPlan: shareValueSchema.optional(),
  comments: z.record(z.string(), z.string().min(1).max(MAX_COMMENT_LENGTH)).optional(),
  confirmations: z.array(confirmationSchema).max(50).optional(),
  notReported: z.array(z.string().max(64)).max(50).optional(),
  selections: z.record(z.string(), z.array(z.int())).optional(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

/** The meta of a stored version, or an empty one when absent or unreadable. */
export function readReportMeta(raw: unknown): ReportMeta {
  const parsed = reportMetaSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
