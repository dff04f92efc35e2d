// Which indicators a body answers in its annual or quarterly report, and when the report is whole.
import type { BodyKind, IndicatorDef, MethodologyVersion } from "../../methodology/types.ts";
import type { ReportDraft } from "../../reports/draft.ts";
import { indicatorsOwed } from "../../reports/obligations.ts";
import type { IndicatorValue } from "../../scoring/values.ts";

/** The two reports the responsible officer makes. */
export type IndicatorsReportKind = "annual" | "quarterly";

/**
 * The indicators a body answers by the version in force for the period, in methodology order:
 * those of the report's period that apply to the body's kind, none of project 1 when exempt.
 */
export function dueIndicators(
  version: MethodologyVersion,
  kind: IndicatorsReportKind,
  bodyKind: BodyKind,
  p1Exempt = false,
): IndicatorDef[] {
  return indicatorsOwed(version, kind, bodyKind).filter(
    (def) => !(p1Exempt && def.id.startsWith("p1.")),
  );
}

/** Whether the draft is the annual report and claims the project-1 exemption. */
export function claimsExemption(d: Pick<ReportDraft, "kind" | "p1Exempt">): boolean {
  return d.kind === "annual" && d.p1Exempt === true;
}

/** The indicators this draft asks of the body. */
export function dueOfDraft(
  d: ReportDraft,
  version: MethodologyVersion,
  bodyKind: BodyKind,
): IndicatorDef[] {
  const kind = d.kind === "quarterly" ? "quarterly" : "annual";
  return dueIndicators(version, kind, bodyKind, claimsExemption(d));
}

/** An indicator has an answer once its value is set; null is the answer "not reported". */
export function isAnswered(d: ReportDraft, id: string): boolean {
  return d.values[id] !== undefined;
}

/** Whether the annual report's exemption question (and the external plan, when exempt) is answered. */
export function exemptionAnswered(d: ReportDraft): boolean {
  if (d.kind !== "annual") return true;
  return d.p1Exempt === false || (d.p1Exempt === true && d.p1ExternalPlan !== undefined);
}

/** The due indicators still without an answer. */
export function unansweredOf(d: ReportDraft, due: readonly IndicatorDef[]): IndicatorDef[] {
  return due.filter((def) => !isAnswered(d, def.id));
}

/** Every question of the report answered: it reopens at its summary. */
export function isComplete(d: ReportDraft, due: readonly IndicatorDef[]): boolean {
  return exemptionAnswered(d) && unansweredOf(d, due).length === 0;
}

/** The values the scoring engine and the stored version read: the due ones that were answered. */
export function valuesOfDraft(
  d: ReportDraft,
  due: readonly IndicatorDef[],
): Partial<Record<string, IndicatorValue>> {
  const values: Partial<Record<string, IndicatorValue>> = {};
  for (const def of due) {
    const value = d.values[def.id];
    if (value !== undefined && value !== null) values[def.id] = value as IndicatorValue;
  }
  return values;
}

/** The due indicators answered "not reported" (p2.t2.s1's reconciliation not done). */
export function notReportedOf(d: ReportDraft, due: readonly IndicatorDef[]): string[] {
  return due.filter((def) => d.values[def.id] === null).map((def) => def.id);
}

/** Whether an indicator may be answered "not reported" (its rule scores that apart from 0). */
export function takesNotReported(def: IndicatorDef): boolean {
  return def.rule.kind === "countBrackets";
}
