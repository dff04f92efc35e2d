import { BODY_KINDS, type BodyKind, type MethodologyVersion } from "../methodology/types.ts";
import type { Problem } from "../problems.ts";
import { issuesToProblems, type ParseResult, parseIndicatorInput } from "./parse-value.ts";
import type { Scorecard } from "./scorecard.ts";
import { type IndicatorValue, shareValueSchema } from "./values.ts";

const TOP_LEVEL = new Set(["year", "bodyKind", "p1Exempt", "p1ExternalPlan", "values"]);

/** The year a scorecard names, if any (the version in force for it scores the card). */
export function yearOfScorecard(raw: unknown): number | undefined {
  if (!isPlainObject(raw) || !isYear(raw.year)) return undefined;
  return raw.year;
}

function isYear(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 2000 && value <= 2999;
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

/**
 * Validates a whole scorecard against a version and reports every problem, not just the first.
 * `p1Exempt` may be left out (false); `values` may leave out any indicator (not reported).
 */
export function parseScorecard(version: MethodologyVersion, raw: unknown): ParseResult<Scorecard> {
  if (!isPlainObject(raw))
    return { ok: false, problems: [{ indicatorId: "scorecard", code: "notAnObject" }] };
  const problems: Problem[] = [];
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.has(key))
      problems.push({ indicatorId: "scorecard", code: "unknownField", params: { name: key } });
  }
  const bodyKind = raw.bodyKind;
  if (bodyKind === undefined) problems.push({ indicatorId: "bodyKind", code: "missingField" });
  else if (!BODY_KINDS.includes(bodyKind as BodyKind)) {
    problems.push({
      indicatorId: "bodyKind",
      code: "wrongShape",
      params: { expected: BODY_KINDS.join(" | ") },
    });
  }
  if (raw.year !== undefined && !isYear(raw.year)) {
    problems.push({ indicatorId: "year", code: "wrongShape", params: { expected: "2000 … 2999" } });
  }
  const p1Exempt = raw.p1Exempt ?? false;
  if (typeof p1Exempt !== "boolean")
    problems.push({ indicatorId: "p1Exempt", code: "notABoolean" });

  let p1ExternalPlan: Scorecard["p1ExternalPlan"];
  if (raw.p1ExternalPlan !== undefined) {
    const plan = shareValueSchema.safeParse(raw.p1ExternalPlan);
    if (plan.success) p1ExternalPlan = plan.data;
    else problems.push(...issuesToProblems("p1ExternalPlan", plan.error.issues));
  }

  const values: Scorecard["values"] = {};
  if (raw.values === undefined) problems.push({ indicatorId: "values", code: "missingField" });
  else if (!isPlainObject(raw.values))
    problems.push({ indicatorId: "values", code: "notAnObject" });
  else {
    for (const [id, value] of Object.entries(raw.values)) {
      const r = parseIndicatorInput(version, id, value);
      if (r.ok) values[id] = r.value as IndicatorValue | IndicatorValue[];
      else problems.push(...r.problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const card: Scorecard = { bodyKind: bodyKind as BodyKind, p1Exempt: p1Exempt as boolean, values };
  if (isYear(raw.year)) card.year = raw.year;
  if (p1ExternalPlan) card.p1ExternalPlan = p1ExternalPlan;
  return { ok: true, value: card };
}
