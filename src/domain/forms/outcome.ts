import type { ReportDraft } from "../reports/draft.ts";
import type { FieldCheck } from "../reports/report-fields.ts";
import { reportProblemKey } from "../reports/report-fields.ts";
import type { FormProblem } from "./answer.ts";

/** What a form does with one answer. */
export type FormOutcome =
  /**
   * Save the draft and show its current step (after the notice, if any). `inPlace`: the answer
   * changed the screen it was given on (a tick, a page) rather than moving on, so the screen is
   * updated where it is instead of sent again.
   */
  | { kind: "saved"; draft: ReportDraft; notice?: FormProblem; inPlace?: boolean }
  /** Say what is wrong and ask again; the draft may keep the valid parts of the answer. */
  | { kind: "refused"; draft: ReportDraft; problem: FormProblem }
  /** A button of an earlier screen, or nothing to do: show the current step again. */
  | { kind: "stale" }
  /** Back past the first question: to choosing the period. */
  | { kind: "leave" }
  /** Stop for now; the draft is kept. */
  | { kind: "pause" }
  | { kind: "submit"; draft: ReportDraft };

/** Moves the draft to a step with a patch applied; every move is a new revision. */
export function go(
  draft: ReportDraft,
  step: ReportDraft["step"],
  patch: Partial<ReportDraft> = {},
): FormOutcome {
  return { kind: "saved", draft: { ...draft, ...patch, step, revision: draft.revision + 1 } };
}

/** Like `go`, for a button that changes its own screen (a tick, a page): updated in place. */
export function goInPlace(
  draft: ReportDraft,
  step: ReportDraft["step"],
  patch: Partial<ReportDraft> = {},
): FormOutcome {
  return {
    kind: "saved",
    draft: { ...draft, ...patch, step, revision: draft.revision + 1 },
    inPlace: true,
  };
}

/** Refuses the answer with a problem, keeping the draft as given. */
export function refuse(draft: ReportDraft, problem: FormProblem): FormOutcome {
  return { kind: "refused", draft, problem };
}

/** Refuses with the message of a failed field check ("scoring:report.<code>"). */
export function refuseCheck(
  draft: ReportDraft,
  check: FieldCheck<unknown> & { ok: false },
): FormOutcome {
  return refuse(draft, problemOfCheck(check));
}

/** The message of a failed field check. */
export function problemOfCheck(check: FieldCheck<unknown> & { ok: false }): FormProblem {
  const problem: FormProblem = { key: reportProblemKey(check.code) };
  if (check.params) problem.params = check.params;
  return problem;
}
