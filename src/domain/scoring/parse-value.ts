import type { z } from "zod";
import { findIndicator, maxEntriesOf } from "../methodology/lookup.ts";
import type { IndicatorDef, MethodologyVersion } from "../methodology/types.ts";
import { PROBLEM_CODES, type Problem, type ProblemCode } from "../problems.ts";
import { type IndicatorValue, VALUE_SCHEMAS } from "./values.ts";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Zod issues (whose messages are problem codes) as Problems naming the indicator. */
export function issuesToProblems(
  indicatorId: string,
  issues: readonly z.core.$ZodIssue[],
  entry?: number,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const code: ProblemCode = (PROBLEM_CODES as readonly string[]).includes(issue.message)
      ? (issue.message as ProblemCode)
      : "wrongShape";
    const base: Record<string, string | number> = entry === undefined ? {} : { entry };
    const field = issue.path.findLast((p) => typeof p === "string");
    if (field !== undefined) base.field = field;
    if (issue.code === "custom" && issue.params) {
      for (const [k, v] of Object.entries(issue.params)) {
        if (typeof v === "number" || typeof v === "string") base[k] = v;
      }
    }
    if (code === "wrongShape") base.expected = "value";
    if (issue.code === "unrecognized_keys") {
      for (const name of issue.keys)
        problems.push({ indicatorId, code, params: { ...base, name } });
      continue;
    }
    problems.push(
      Object.keys(base).length > 0 ? { indicatorId, code, params: base } : { indicatorId, code },
    );
  }
  return problems;
}

function parseEntry(def: IndicatorDef, raw: unknown, entry?: number): ParseResult<IndicatorValue> {
  const result = VALUE_SCHEMAS[def.input].safeParse(raw);
  if (result.success) return { ok: true, value: result.data as IndicatorValue };
  return { ok: false, problems: issuesToProblems(def.id, result.error.issues, entry) };
}

/** Validates ONE entry against a version: an annual value, or one month's or one quarter's entry. */
export function parseIndicatorValue(
  version: MethodologyVersion,
  id: string,
  raw: unknown,
): ParseResult<IndicatorValue> {
  const def = findIndicator(version, id);
  if (!def) return { ok: false, problems: [{ indicatorId: id, code: "unknownIndicator" }] };
  return parseEntry(def, raw);
}

/** Validates what a scorecard holds for an indicator: a single annual value, or a list of entries. */
export function parseIndicatorInput(
  version: MethodologyVersion,
  id: string,
  raw: unknown,
): ParseResult<IndicatorValue | IndicatorValue[]> {
  const def = findIndicator(version, id);
  if (!def) return { ok: false, problems: [{ indicatorId: id, code: "unknownIndicator" }] };
  if (def.period === "annual") return parseEntry(def, raw);
  if (!Array.isArray(raw)) return { ok: false, problems: [{ indicatorId: id, code: "notAList" }] };
  const max = maxEntriesOf(def);
  if (raw.length > max) {
    return { ok: false, problems: [{ indicatorId: id, code: "tooManyEntries", params: { max } }] };
  }
  const values: IndicatorValue[] = [];
  const problems: Problem[] = [];
  raw.forEach((item, i) => {
    const r = parseEntry(def, item, i + 1);
    if (r.ok) values.push(r.value);
    else problems.push(...r.problems);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: values };
}
