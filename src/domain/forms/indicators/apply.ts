// The annual and quarterly indicators report, one answer at a time. Pure: the draft in, the
// outcome out. Every value is checked by the methodology version in force for the period.
import type { IndicatorDef } from "../../methodology/types.ts";
import type { ReportDraft } from "../../reports/draft.ts";
import { checkCount, checkShare } from "../../reports/report-fields.ts";
import { parseIndicatorValue } from "../../scoring/parse-value.ts";
import type { FormAnswer, FormProblem } from "../answer.ts";
import { type FormOutcome, go, refuse, refuseCheck } from "../outcome.ts";
import { takesNotReported } from "./due.ts";
import { fieldAt, fieldsOf, numberKey, readYesNo } from "./fields.ts";
import { unusualNumber } from "./history.ts";
import {
  applyChecklistButton,
  applyEvidence,
  applyListButton,
  applySummaryButton,
  listStepAround,
} from "./screens.ts";
import { type IndicatorsStep, summaryStep } from "./steps.ts";
import {
  dueDef,
  type IndicatorsFormEnv,
  keepValue,
  mine,
  nextStep,
  previousStep,
  stepAfterExemption,
  type Walk,
  walkOf,
} from "./walk.ts";

export type { IndicatorsFormEnv } from "./walk.ts";

type Answered = boolean | number | { done: number; total: number };

/** Applies one answer to the indicators draft. */
export function applyIndicatorsAnswer(
  draft: ReportDraft,
  answer: FormAnswer,
  env: IndicatorsFormEnv,
): FormOutcome {
  const outcome = applyAnswer(draft, answer, env);
  // Once the summary was seen, a changed answer leads straight back to it.
  if (outcome.kind === "saved" && outcome.draft.step.at === "summary" && !outcome.draft.toSummary)
    return { ...outcome, draft: { ...outcome.draft, toSummary: true } };
  return outcome;
}

function applyAnswer(draft: ReportDraft, answer: FormAnswer, env: IndicatorsFormEnv): FormOutcome {
  const walk = walkOf(draft, env);
  const { step } = walk;
  if (step.at === "evidence") return applyEvidence(walk, step.id, answer);
  if (answer.kind === "file") return refuse(draft, mine("fileNotExpected"));
  if (answer.kind === "button") return applyButton(walk, answer.data);
  switch (step.at) {
    case "exemption": {
      const yes = readYesNo(answer.text);
      return yes === undefined ? refuse(draft, mine("useButtons")) : answerExemption(walk, yes);
    }
    case "externalPlan": {
      const check = checkShare(answer.text);
      if (!check.ok) return refuseCheck(draft, check);
      const share = check.value;
      if (share.done > share.total)
        return refuse(draft, { key: "scoring:problems.doneExceedsTotal", params: share });
      return go(draft, stepAfterExemption(walk, "externalPlan"), { p1ExternalPlan: share });
    }
    case "indicator":
      return answerText(walk, step, answer.text);
    default:
      return refuse(draft, mine("useButtons"));
  }
}

function answerExemption(walk: Walk, exempt: boolean): FormOutcome {
  const { d } = walk;
  if (exempt) return go(d, { at: "externalPlan" }, { p1Exempt: true });
  const { p1ExternalPlan: _, ...rest } = d;
  const next: ReportDraft = { ...rest, p1Exempt: false };
  return go(next, stepAfterExemption(walkOf(next, walk.env), "exemption"));
}

function answerText(
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "indicator" }>,
  text: string,
): FormOutcome {
  const def = dueDef(walk, step.id);
  const field = def && fieldAt(def, step.field);
  if (!def || !field) return { kind: "stale" };
  if (field.kind === "flag") {
    const yes = readYesNo(text);
    return yes === undefined
      ? refuse(walk.d, mine("useButtons"))
      : answerField(walk, def, step.field, yes);
  }
  const check = field.kind === "share" ? checkShare(text) : checkCount(text);
  if (!check.ok) return refuseCheck(walk.d, check);
  return answerField(walk, def, step.field, check.value);
}

/** What was typed of this indicator's fields so far. */
function pendingOf(d: ReportDraft, id: string): Record<string, unknown> {
  const { id: pendingId, ...fields } = d.pending;
  return pendingId === id ? fields : {};
}

/**
 * Takes the answer to one question of an indicator. Each field is checked with the later ones as
 * 0, so an out-of-order number is refused at once and the earlier fields are kept; a whole number
 * far outside the body's own history is asked about first (unless just confirmed).
 */
function answerField(
  walk: Walk,
  def: IndicatorDef,
  index: number,
  answered: Answered,
  confirmed = false,
): FormOutcome {
  const { d } = walk;
  const fields = fieldsOf(def);
  const field = fields[index];
  if (!field) return { kind: "stale" };
  if (field.kind === "flag" && answered === false && field.whenNo)
    return keepValue(walk, def, field.whenNo);
  const name = field.kind === "share" ? undefined : field.name;
  // The whole value, or the fields typed so far with this one and the later ones as 0.
  const filled = name === undefined ? answered : { ...pendingOf(d, def.id), [name]: answered };
  const later = fields
    .slice(index + 1)
    .flatMap((f) => (f.kind === "number" && f.name ? [[f.name, 0] as const] : []));
  const checked =
    typeof filled === "object" && name !== undefined
      ? { ...filled, ...Object.fromEntries(later) }
      : filled;
  const problem = problemOf(walk, def, checked);
  if (problem) return refuse(d, problem);
  if (field.kind === "number" && typeof answered === "number" && !confirmed) {
    const usual = unusualNumber(def, field, answered, walk.env.reference.history);
    if (usual !== undefined)
      return go(d, { at: "confirm", id: def.id, field: index, value: answered, usual });
  }
  if (name === undefined || index + 1 >= fields.length) return keepValue(walk, def, filled);
  return go(
    d,
    { at: "indicator", id: def.id, field: index + 1 },
    { pending: { id: def.id, ...(filled as Record<string, unknown>) } },
  );
}

/** Why the methodology refuses a value, leaving out fields not answered yet; undefined when it takes it. */
function problemOf(walk: Walk, def: IndicatorDef, value: unknown): FormProblem | undefined {
  const result = parseIndicatorValue(walk.env.version, def.id, value);
  if (result.ok) return undefined;
  const problem = result.problems.find((p) => p.code !== "missingField");
  if (!problem) return undefined;
  const params = { ...problem.params };
  delete params.field;
  return { key: `scoring:problems.${problem.code}`, params };
}

function confirmButton(
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "confirm" }>,
  data: string,
): FormOutcome {
  const def = dueDef(walk, step.id);
  const field = def && fieldAt(def, step.field);
  if (!def || !field) return { kind: "stale" };
  if (data === "fix" || data === "back")
    return go(walk.d, { at: "indicator", id: def.id, field: step.field });
  if (data !== "confirm") return { kind: "stale" };
  const key = numberKey(def, field);
  const confirmation = { field: key, value: step.value, usual: step.usual, at: walk.env.now };
  const d = {
    ...walk.d,
    confirmations: [...walk.d.confirmations.filter((c) => c.field !== key), confirmation],
  };
  return answerField({ ...walk, d }, def, step.field, step.value, true);
}

/** Buttons every indicator screen has: back, next, the list, the summary, files and comment. */
function navButton(walk: Walk, id: string, data: string, field: number): FormOutcome | undefined {
  const { d } = walk;
  switch (data) {
    case "back": {
      if (field > 0) return go(d, { at: "indicator", id, field: field - 1 });
      const back = previousStep(walk, id);
      return back === "leave" ? { kind: "leave" } : go(d, back, { pending: {} });
    }
    case "next":
      return go(d, nextStep(walk, id), { pending: {} });
    case "list":
      return go(d, listStepAround(walk, id), { pending: {} });
    case "summary":
      return go(d, summaryStep(), { pending: {}, toSummary: true });
    case "evidence":
      return go(d, { at: "evidence", id }, { pending: {} });
    default:
      return undefined;
  }
}

function indicatorButton(
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "indicator" }>,
  data: string,
): FormOutcome {
  const def = dueDef(walk, step.id);
  const field = def && fieldAt(def, step.field);
  if (!def || !field) return { kind: "stale" };
  const nav = navButton(walk, def.id, data, step.field);
  if (nav) return nav;
  if (field.kind === "flag" && (data === "yes" || data === "no"))
    return answerField(walk, def, step.field, data === "yes");
  if (field.kind === "number" && data === "nr" && takesNotReported(def))
    return keepValue(walk, def, null);
  // A share over a directory list that is empty here: the body has none of them.
  if (field.kind === "share" && data === "none" && def.countsOver && def.countsOver !== "employees")
    return answerField(walk, def, step.field, { done: 0, total: 0 });
  const quick = /^n:(\d{1,9})$/.exec(data);
  if (field.kind === "number" && quick) return answerField(walk, def, step.field, Number(quick[1]));
  return { kind: "stale" };
}

function applyButton(walk: Walk, data: string): FormOutcome {
  const { d, step } = walk;
  switch (step.at) {
    case "exemption":
      if (data === "back") return { kind: "leave" };
      if (data === "yes" || data === "no") return answerExemption(walk, data === "yes");
      return { kind: "stale" };
    case "externalPlan":
      return data === "back" ? go(d, { at: "exemption" }) : { kind: "stale" };
    case "indicator":
      return indicatorButton(walk, step, data);
    case "checklist":
      return navButton(walk, step.id, data, 0) ?? applyChecklistButton(walk, step, data);
    case "confirm":
      return confirmButton(walk, step, data);
    case "list":
      return applyListButton(walk, step, data);
    case "summary":
      return applySummaryButton(walk, data);
    default:
      return { kind: "stale" };
  }
}
