/** Why a reported value was refused; each code has a message in locales/{kk,ru,en}/scoring.json. */
export type ProblemCode =
  | "unknownIndicator"
  | "notAnObject"
  | "notABoolean"
  | "notAnInteger"
  | "tooLarge"
  | "negative"
  | "missingField"
  | "unknownField"
  | "notAList"
  | "tooManyEntries"
  | "wrongShape"
  | "doneExceedsTotal"
  | "risksOutOfOrder"
  | "districtsNotHeldExceedsDistricts"
  | "trainedExceedsHeadcount";

export const PROBLEM_CODES: readonly ProblemCode[] = [
  "unknownIndicator",
  "notAnObject",
  "notABoolean",
  "notAnInteger",
  "tooLarge",
  "negative",
  "missingField",
  "unknownField",
  "notAList",
  "tooManyEntries",
  "wrongShape",
  "doneExceedsTotal",
  "risksOutOfOrder",
  "districtsNotHeldExceedsDistricts",
  "trainedExceedsHeadcount",
];

/**
 * One refused input. `indicatorId` names the indicator (or the scorecard field, e.g. "bodyKind");
 * params may hold `entry` (1-based position in a monthly/quarterly list) and `field`.
 */
export type Problem = {
  indicatorId: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
};

/** The i18n key of a problem's message: "scoring:problems.<code>". */
export function problemMessageKey(problem: Problem): string {
  return `scoring:problems.${problem.code}`;
}

/** Any translate function (i18next's TFunction fits); the domain does not import i18next. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A problem as one line of text: "p1.t1.s3, entry 2, field «done»: <message>".
 * Messages interpolate {{indicator}} and the problem's params.
 */
export function describeProblem(problem: Problem, t: Translate): string {
  const params = problem.params ?? {};
  const field = typeof params.field === "string" ? t(`scoring:fields.${params.field}`) : undefined;
  const where = [
    t("scoring:where.indicator", { indicator: problem.indicatorId }),
    params.entry !== undefined ? t("scoring:where.entry", { entry: params.entry }) : undefined,
    field !== undefined ? t("scoring:where.field", { field }) : undefined,
  ].filter((s) => s !== undefined);
  const message = t(problemMessageKey(problem), {
    ...params,
    field: field ?? "",
    indicator: problem.indicatorId,
  });
  return `${where.join(", ")}: ${message}`;
}
