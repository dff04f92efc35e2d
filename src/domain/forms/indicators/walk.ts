// The order of the report's questions: the exemption and the external plan (annual), then every
// due indicator in methodology order, then the summary.
import type { IndicatorDef, MethodologyVersion } from "../../methodology/types.ts";
import type { ReportDraft } from "../../reports/draft.ts";
import type { FormProblem } from "../answer.ts";
import { type FormOutcome, go } from "../outcome.ts";
import { dueOfDraft } from "./due.ts";
import type { IndicatorsReference } from "./reference.ts";
import { type IndicatorsStep, indicatorsStepOf, stepOfIndicator, summaryStep } from "./steps.ts";

/** A problem of this form: "indicators:problems.<code>". */
export const mine = (code: string, params?: FormProblem["params"]): FormProblem =>
  params ? { key: `indicators:problems.${code}`, params } : { key: `indicators:problems.${code}` };

/** What the form knows besides the draft: the methodology in force, the reference, the time. */
export interface IndicatorsFormEnv {
  /** The methodology version in force for the report's period. */
  version: MethodologyVersion;
  reference: IndicatorsReference;
  /** ISO time of the answer, recorded with a confirmation. */
  now: string;
}

/** A draft as the form walks it: its due indicators and its current step. */
export interface Walk {
  d: ReportDraft;
  env: IndicatorsFormEnv;
  due: IndicatorDef[];
  step: IndicatorsStep;
}

/** The walk of a draft. */
export function walkOf(d: ReportDraft, env: IndicatorsFormEnv): Walk {
  const due = dueOfDraft(d, env.version, env.reference.bodyKind);
  return { d, env, due, step: indicatorsStepOf(d, due, env.reference) };
}

/** The due indicator with this id. */
export function dueDef(walk: Pick<Walk, "due">, id: string): IndicatorDef | undefined {
  return walk.due.find((def) => def.id === id);
}

/** The step after answering an indicator: the next one, or the summary (straight back to it when editing from it). */
export function stepAfterAnswer(walk: Walk, id: string): IndicatorsStep {
  if (walk.d.toSummary) return summaryStep(id);
  const next = walk.due[walk.due.findIndex((def) => def.id === id) + 1];
  return next ? stepOfIndicator(next, walk.env.reference, id) : summaryStep(id);
}

/** The step "Next" leads to from an indicator: the next one, or the summary after the last. */
export function nextStep(walk: Walk, id: string): IndicatorsStep {
  const next = walk.due[walk.due.findIndex((def) => def.id === id) + 1];
  return next ? stepOfIndicator(next, walk.env.reference) : summaryStep();
}

/** The step "Back" leads to from an indicator's first question; "leave" is back to the periods. */
export function previousStep(walk: Walk, id: string): IndicatorsStep | "leave" {
  const index = walk.due.findIndex((def) => def.id === id);
  const previous = index > 0 ? walk.due[index - 1] : undefined;
  if (previous) return stepOfIndicator(previous, walk.env.reference);
  if (walk.d.kind !== "annual") return "leave";
  return walk.d.p1Exempt === true ? { at: "externalPlan" } : { at: "exemption" };
}

/** The step after the exemption (and the external plan): the first indicator, or the summary. */
export function stepAfterExemption(walk: Walk, answered: string): IndicatorsStep {
  if (walk.d.toSummary) return summaryStep(answered);
  const first = walk.due[0];
  return first ? stepOfIndicator(first, walk.env.reference, answered) : summaryStep(answered);
}

/** The last question before the summary. */
export function lastStep(walk: Walk): IndicatorsStep {
  const last = walk.due.at(-1);
  if (last) return stepOfIndicator(last, walk.env.reference);
  return walk.d.kind === "annual" ? { at: "exemption" } : summaryStep();
}

/** Keeps an indicator's value (null: "not reported") and moves on; what was typed of it is done. */
export function keepValue(
  walk: Walk,
  def: IndicatorDef,
  value: unknown,
  patch: Partial<ReportDraft> = {},
): FormOutcome {
  const { d } = walk;
  return go(d, stepAfterAnswer(walk, def.id), {
    ...patch,
    values: { ...d.values, [def.id]: value },
    pending: {},
  });
}
