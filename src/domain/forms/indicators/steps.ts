// Where the officer is in the annual or quarterly report: the exemption (annual), the external
// plan (when exempt), one question of one indicator, a checklist page, an indicator's evidence,
// a value to confirm, the list to jump from, or the summary.
import { z } from "zod";
import type { IndicatorDef } from "../../methodology/types.ts";
import type { ReportDraft } from "../../reports/draft.ts";
import { fieldsOf } from "./fields.ts";
import { type IndicatorsReference, membersOf } from "./reference.ts";

const indicatorId = z.string().min(1).max(40);
const page = z.int().min(0).max(999);
/** What was answered just before: an indicator id, "exemption" or "externalPlan" (echoed once). */
const answered = z.string().min(1).max(40).optional();

export const indicatorsStepSchema = z.discriminatedUnion("at", [
  z.object({ at: z.literal("exemption") }),
  z.object({ at: z.literal("externalPlan") }),
  z.object({ at: z.literal("indicator"), id: indicatorId, field: z.int().min(0).max(4), answered }),
  z.object({ at: z.literal("checklist"), id: indicatorId, page, answered }),
  z.object({ at: z.literal("evidence"), id: indicatorId }),
  z.object({
    at: z.literal("confirm"),
    id: indicatorId,
    field: z.int().min(0).max(4),
    value: z.int().min(0),
    usual: z.number().min(0),
  }),
  z.object({ at: z.literal("list"), page, from: indicatorId.optional() }),
  z.object({ at: z.literal("summary"), page, answered }),
]);
export type IndicatorsStep = z.infer<typeof indicatorsStepSchema>;
export type IndicatorsStepAt = IndicatorsStep["at"];

/** Whether a share is ticked over a directory list (else it is typed, "45 из 60"). */
export function isChecklist(def: IndicatorDef, reference: Pick<IndicatorsReference, "lists">) {
  return def.input === "share" && membersOf(reference, def.countsOver).length > 0;
}

/** The first screen of an indicator: its checklist, or its first question. */
export function stepOfIndicator(
  def: IndicatorDef,
  reference: Pick<IndicatorsReference, "lists">,
  answeredBefore?: string,
): IndicatorsStep {
  const echo = answeredBefore ? { answered: answeredBefore } : {};
  return isChecklist(def, reference)
    ? { at: "checklist", id: def.id, page: 0, ...echo }
    : { at: "indicator", id: def.id, field: 0, ...echo };
}

/** The summary, echoing what was answered just before. */
export function summaryStep(answeredBefore?: string): IndicatorsStep {
  return answeredBefore
    ? { at: "summary", page: 0, answered: answeredBefore }
    : {
        at: "summary",
        page: 0,
      };
}

/** The report's first question: the exemption in the annual report, else the first indicator. */
export function firstIndicatorsStep(
  kind: ReportDraft["kind"],
  due: readonly IndicatorDef[],
  reference: Pick<IndicatorsReference, "lists">,
): IndicatorsStep {
  if (kind === "annual") return { at: "exemption" };
  const first = due[0];
  return first ? stepOfIndicator(first, reference) : summaryStep();
}

const naming = new Set(["indicator", "checklist", "evidence", "confirm"]);

/**
 * The draft's step as this form reads it. A step it does not know, or one naming an indicator
 * the report no longer asks (the exemption changed), starts at the first question.
 */
export function indicatorsStepOf(
  d: ReportDraft,
  due: readonly IndicatorDef[],
  reference: Pick<IndicatorsReference, "lists">,
): IndicatorsStep {
  const parsed = indicatorsStepSchema.safeParse(d.step);
  const first = () => firstIndicatorsStep(d.kind, due, reference);
  if (!parsed.success) return first();
  const step = parsed.data;
  if (!naming.has(step.at) || !("id" in step)) return step;
  const def = due.find((x) => x.id === step.id);
  if (!def) return first();
  // A share's list may have emptied or filled since: show the screen its answer takes now.
  if (step.at === "checklist" && !isChecklist(def, reference))
    return stepOfIndicator(def, reference);
  if (step.at === "indicator" && isChecklist(def, reference))
    return stepOfIndicator(def, reference);
  if ((step.at === "indicator" || step.at === "confirm") && step.field >= fieldsOf(def).length)
    return stepOfIndicator(def, reference);
  return step;
}
