import { type FieldCheck, reportProblemKey } from "../../../domain/reports/report-fields.ts";
import type { MonthlyDraft, Step } from "./draft.ts";
import { NS } from "./format.ts";

/** A refused answer: the i18n key of what is wrong and its parameters. */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

/** What the conversation does after an answer. */
export type Outcome =
  /** Save the draft and ask its current question (after the notice, if any). */
  | { kind: "next"; draft: MonthlyDraft; notice?: Problem }
  /** Say what is wrong and ask the same question again; the draft may keep valid parts. */
  | { kind: "problem"; draft: MonthlyDraft; problem: Problem }
  /** A button of an earlier message: nothing changes. */
  | { kind: "stale" }
  | { kind: "backToMonth" }
  | { kind: "submit"; draft: MonthlyDraft };

/** Most items one list of the report takes (the domain allows more; nobody holds 100 events a month). */
export const MAX_LIST_ITEMS = 100;

export const mine = (code: string, params?: Problem["params"]): Problem =>
  params ? { key: `${NS}:problems.${code}`, params } : { key: `${NS}:problems.${code}` };

export function go(draft: MonthlyDraft, step: Step, patch: Partial<MonthlyDraft> = {}): Outcome {
  return { kind: "next", draft: { ...draft, ...patch, step, revision: draft.revision + 1 } };
}

export function refuse(draft: MonthlyDraft, problem: Problem): Outcome {
  return { kind: "problem", draft, problem };
}

export function refuseCheck(
  draft: MonthlyDraft,
  check: FieldCheck<unknown> & { ok: false },
): Outcome {
  const problem: Problem = { key: reportProblemKey(check.code) };
  if (check.params) problem.params = check.params;
  return refuse(draft, problem);
}

export const afterExplanatory = (d: MonthlyDraft): Step =>
  d.toSummary ? { at: "summary" } : { at: "preventiveCount" };
export const afterPreventive = (d: MonthlyDraft): Step =>
  d.toSummary ? { at: "summary" } : { at: "propagandaList" };
export const afterPropaganda = (d: MonthlyDraft): Step =>
  d.toSummary ? { at: "summary" } : { at: "evidenceItem" };
