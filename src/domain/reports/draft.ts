// One draft model for every report: what a person has entered so far and where they are in it.
// The draft is the only record of both, saved after every answer, so a crash between two saves
// can never leave an answer attached to another question.
import { z } from "zod";
import { isPeriodKey } from "../periods.ts";
import { shareValueSchema } from "../scoring/values.ts";
import { reportKindSchema } from "../vocabulary.ts";
import { MAX_REPORT_COUNT, MAX_TEXT_LENGTH } from "./report-fields.ts";

/** Longest free-text comment kept with one indicator. */
export const MAX_DRAFT_COMMENT = 2000;
/** Most items one list of a report takes (nobody holds 100 events a month). */
export const MAX_LIST_ITEMS = 100;
/** Files one report keeps at most. */
export const MAX_EVIDENCE_FILES = 50;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().min(1).max(MAX_TEXT_LENGTH);
const count = z.int().min(0).max(MAX_REPORT_COUNT);

/** An explanatory or training event of the ethics commissioner (p4.t2.s3; Appendix 5). */
export const explanatoryEventSchema = z.object({
  date: isoDate,
  topic: text,
  participants: count.min(1),
});
/** Preventive work with one official in a position exposed to corruption risks (p4.t2.s4). */
export const preventiveTalkSchema = z.object({ position: text, date: isoDate });
/** A legal propaganda event (p4.t3.s1; Appendix 6): where it was shown and its reach. */
export const propagandaEventSchema = z.object({
  date: isoDate,
  topic: text,
  audience: text,
  participants: count,
  links: z.array(z.string().max(2000)).max(MAX_LIST_ITEMS),
  /** Views of its publications; null when it was not published. */
  views: count.nullable(),
});

export type ExplanatoryEvent = z.infer<typeof explanatoryEventSchema>;
export type PreventiveTalk = z.infer<typeof preventiveTalkSchema>;
export type PropagandaEvent = z.infer<typeof propagandaEventSchema>;

/**
 * A photo, document or link kept as evidence. `item` is what it proves: an indicator id
 * ("p4.t3.s1") or one line of the monthly report ("event:propaganda:0").
 */
export const draftEvidenceSchema = z.object({
  item: z.string().min(1).max(64),
  type: z.enum(["photo", "document", "link"]),
  telegramFileId: z.string().max(256).optional(),
  link: z.string().max(2000).optional(),
  mime: z.string().max(128).optional(),
  size: z.int().min(0).optional(),
  name: z.string().max(256).optional(),
});
export type DraftEvidence = z.infer<typeof draftEvidenceSchema>;

/** A value far outside the body's own history that the person confirmed was right (for reviewers). */
export const confirmationSchema = z.object({
  field: z.string().max(64),
  value: z.number(),
  usual: z.number(),
  at: z.string(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

/**
 * Where the person is: the form's own step (its shape belongs to the form that reads it) and,
 * for answers typed field by field, what was typed of the item so far.
 */
const stepSchema = z.object({ at: z.string().min(1) }).catchall(z.unknown());
export type DraftStep = z.infer<typeof stepSchema>;

export const reportDraftSchema = z.object({
  v: z.literal(2),
  kind: reportKindSchema,
  periodKey: z.string().refine((key) => isPeriodKey(key)),
  /** The submitted version this draft corrects; null for a first report. */
  baseVersion: z.int().min(1).nullable(),
  /** Grows with every saved answer; a button of an older screen cannot act on a newer draft. */
  revision: z.int().min(0),
  /** The Telegram update applied last: a redelivered update is shown, never applied twice. */
  lastUpdateId: z.int().nullable(),
  /**
   * The message id of the answer applied last. In a private chat the person's and the bot's
   * messages share one sequence, so a text whose id is only one more was typed before the bot
   * showed anything after that answer (the reply was lost in a crash or a failed send): it is not
   * applied to the next question; the question is shown again instead.
   */
  lastAnswerMessageId: z.int().nullable(),
  step: stepSchema,
  /** After editing one part from the summary, go straight back to the summary. */
  toSummary: z.boolean(),
  /** The part being typed field by field, before it joins its list or becomes a value. */
  pending: z.record(z.string(), z.unknown()),
  /** Indicator values (quarterly and annual reports), by indicator id. */
  values: z.record(z.string(), z.unknown()),
  /** Directory members ticked for a share, by indicator id. */
  selections: z.record(z.string(), z.array(z.int())),
  /** The monthly report's lines. */
  explanatoryEvents: z.array(explanatoryEventSchema).max(MAX_LIST_ITEMS),
  preventiveTalks: z.array(preventiveTalkSchema).max(MAX_LIST_ITEMS),
  propagandaEvents: z.array(propagandaEventSchema).max(MAX_LIST_ITEMS),
  evidence: z.array(draftEvidenceSchema).max(MAX_EVIDENCE_FILES + MAX_LIST_ITEMS),
  comments: z.record(z.string(), z.string().min(1).max(MAX_DRAFT_COMMENT)),
  confirmations: z.array(confirmationSchema).max(50),
  /**
   * What the form took from elsewhere when the draft was opened (the body's history for the
   * monthly report), so a step needs no query beyond the draft itself.
   */
  reference: z.record(z.string(), z.unknown()),
  /** The annual report's project-1 exemption; undefined while not answered. */
  p1Exempt: z.boolean().optional(),
  p1ExternalPlan: shareValueSchema.optional(),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/** A fresh draft of a report for a period, at the form's first step. */
export function emptyReportDraft(
  kind: ReportDraft["kind"],
  periodKey: string,
  step: DraftStep,
): ReportDraft {
  return {
    v: 2,
    kind,
    periodKey,
    baseVersion: null,
    revision: 0,
    lastUpdateId: null,
    lastAnswerMessageId: null,
    step,
    toSummary: false,
    pending: {},
    values: {},
    selections: {},
    explanatoryEvents: [],
    preventiveTalks: [],
    propagandaEvents: [],
    evidence: [],
    comments: {},
    confirmations: [],
    reference: {},
  };
}

/** Reads a stored draft; undefined when it is not one this version of the model wrote. */
export function readReportDraft(document: unknown): ReportDraft | undefined {
  const parsed = reportDraftSchema.safeParse(document);
  return parsed.success ? parsed.data : undefined;
}
