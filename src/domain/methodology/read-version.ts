import type { z } from "zod";
import type { Translate } from "../problems.ts";
import { checkVersionFile } from "./check-version.ts";
import { type MethodologyFile, methodologyFileSchema } from "./schema.ts";
import type { IndicatorDef, MethodologyVersion, ProjectDef } from "./types.ts";

/**
 * One thing wrong with a version file: where in the file ("projects[1].tasks[2].indicators[0].rule.perStep")
 * and what (a message in locales/<lang>/methodology.json "problems.<code>").
 */
export type MethodologyProblem = {
  path: string;
  code: string;
  params?: Record<string, string | number>;
};

export type ReadVersionResult =
  | { ok: true; version: MethodologyVersion }
  | { ok: false; problems: MethodologyProblem[] };

/** "projects[1].tasks[2].rule": how a problem names its place in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(file)" : out;
}

const OWN_CODES = new Set([
  "notText",
  "empty",
  "tooLong",
  "required",
  "notPoints",
  "tooManyDecimals",
  "mustBePositive",
  "mustNotBeNegative",
  "mustNotBePositive",
  "notAWholeNumber",
  "negative",
  "tooLarge",
  "notYesNo",
  "unknownRuleKind",
  "badReadingName",
  "badIndicatorId",
  "badTaskId",
  "badProjectId",
  "badNumber",
  "quoteNumber",
  "quoteVersionId",
  "badVersionId",
  "notAPeriod",
  "notOneOf",
]);

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (issue.code === "custom" && issue.params) {
    for (const [k, v] of Object.entries(issue.params)) {
      if (typeof v === "number" || typeof v === "string") params[k] = v;
    }
  }
  if (issue.code === "invalid_value") params.options = issue.values.map(String).join(", ");
  if (issue.code === "invalid_union" && "options" in issue && Array.isArray(issue.options))
    params.options = issue.options.map(String).join(", ");
  if (issue.code === "too_big") params.max = Number(issue.maximum);
  if (issue.code === "too_small") params.min = Number(issue.minimum);
  if (issue.code === "invalid_type") params.expected = issue.expected;
  return params;
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (OWN_CODES.has(issue.message)) return issue.message;
  if (issue.code === "invalid_type") return issue.input === undefined ? "required" : "wrongType";
  if (issue.code === "invalid_value") return "notOneOf";
  if (issue.code === "invalid_union") return "unknownRuleKind";
  if (issue.code === "too_big") return "tooLarge";
  if (issue.code === "too_small") return "tooSmall";
  if (issue.code === "invalid_key") return "badReadingName";
  return "invalid";
}

/** Zod's issues as problems, one per unknown field. */
function issuesToProblems(issues: readonly z.core.$ZodIssue[]): MethodologyProblem[] {
  const problems: MethodologyProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        problems.push({ path: formatPath([...issue.path, key]), code: "unknownField" });
      continue;
    }
    const params = paramsOf(issue);
    const problem: MethodologyProblem = { path: formatPath(issue.path), code: codeOf(issue) };
    if (Object.keys(params).length > 0) problem.params = params;
    problems.push(problem);
  }
  return problems;
}

function compile(file: MethodologyFile): MethodologyVersion {
  const projects: ProjectDef[] = file.projects.map((p) => ({
    ...p,
    tasks: p.tasks.map((t) => ({
      ...t,
      indicators: t.indicators.map((d): IndicatorDef => {
        const def: IndicatorDef = { ...d };
        if (Object.keys(d.variants).length > 0) def.reading = d.reading ?? "default";
        return def;
      }),
    })),
  }));
  return {
    id: file.id,
    appliesFrom: file.appliesFrom,
    title: file.title,
    exemption: file.p1Exemption,
    projects,
    indicators: projects.flatMap((p) => p.tasks.flatMap((t) => t.indicators)),
  };
}

/**
 * Checks a parsed version file (YAML or JSON, already read into plain data) and turns it into a
 * version with points in integer hundredths; otherwise every problem found, each with its path.
 */
export function readMethodologyVersion(raw: unknown): ReadVersionResult {
  const parsed = methodologyFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues) };
  const problems = checkVersionFile(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, version: compile(parsed.data) };
}

/** A problem as one line: "projects[0].tasks[1].indicators[2].rule.perStep: <message>". */
export function describeMethodologyProblem(problem: MethodologyProblem, t: Translate): string {
  return `${problem.path}: ${t(`methodology:problems.${problem.code}`, problem.params ?? {})}`;
}
