import { z } from "zod";
import { isPeriodKey } from "../periods.ts";
import { readPoints } from "./points-text.ts";
import { BODY_KINDS, COUNTS_OVER, INPUT_KINDS, PERIOD_KINDS } from "./types.ts";

// The one schema of a methodology version file. Error messages are problem codes
// (locales/*/methodology.json "problems"); to-problems.ts turns zod issues into lines.

/** The longest short title: it must fit on a Telegram button. */
export const MAX_SHORT_TITLE = 40;
const MAX_TITLE = 1000;

const text = (max: number) =>
  z
    .string({ error: "notText" })
    .trim()
    .min(1, { error: "empty" })
    .max(max, { error: () => ({ message: "tooLong", params: { max } }) });

const localized = z.strictObject({ kk: text(MAX_TITLE), ru: text(MAX_TITLE) });
const shortLocalized = z.strictObject({ kk: text(MAX_SHORT_TITLE), ru: text(MAX_SHORT_TITLE) });

type Sign = "any" | "positive" | "notNegative" | "notPositive";
const SIGN_PROBLEM = {
  positive: "mustBePositive",
  notNegative: "mustNotBeNegative",
  notPositive: "mustNotBePositive",
} as const;

/** Points as the methodology writes them (0.3, −10), read into integer hundredths. */
function points(sign: Sign) {
  return z.unknown().transform((raw, ctx) => {
    if (raw === undefined) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const read = readPoints(raw);
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.reason });
      return z.NEVER;
    }
    const p = read.points;
    const wrong =
      (sign === "positive" && p <= 0) ||
      (sign === "notNegative" && p < 0) ||
      (sign === "notPositive" && p > 0);
    if (wrong) {
      ctx.addIssue({ code: "custom", message: SIGN_PROBLEM[sign as keyof typeof SIGN_PROBLEM] });
      return z.NEVER;
    }
    return p;
  });
}

const count = (max: number) =>
  z
    .int({ error: "notAWholeNumber" })
    .min(0, { error: "negative" })
    .max(max, {
      error: () => ({ message: "tooLarge", params: { max } }),
    });
const flag = z.boolean({ error: "notYesNo" });

const rule = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("flagPenalty"), notDone: points("notPositive") }),
    z.strictObject({
      kind: z.literal("shareSteps"),
      perStep: points("positive"),
      minSteps: count(10).default(0),
    }),
    z.strictObject({ kind: z.literal("perPercent"), perPercent: points("positive") }),
    z.strictObject({
      kind: z.literal("shareStepsWithZeroPenalty"),
      perStep: points("positive"),
      zeroDone: points("notPositive"),
    }),
    z.strictObject({
      kind: z.literal("riskCounts"),
      identified: points("notNegative"),
      eliminated: points("notNegative"),
      completed: points("notNegative"),
      cumulative: flag.default(false),
    }),
    z.strictObject({ kind: z.literal("perCount"), perItem: points("positive") }),
    z.strictObject({
      kind: z.literal("weightedCounts"),
      administrative: points("notNegative"),
      criminal: points("notNegative"),
    }),
    z.strictObject({
      kind: z.literal("countBrackets"),
      brackets: z
        .array(z.strictObject({ upTo: count(1_000_000).nullable(), points: points("any") }))
        .min(1, { error: "empty" }),
      notReported: points("any"),
    }),
    z.strictObject({
      kind: z.literal("giftsInformation"),
      provided: points("notNegative"),
      notProvided: points("notPositive"),
    }),
    z.strictObject({
      kind: z.literal("giftsPerFact"),
      perFact: points("positive"),
      notProvided: points("notPositive"),
    }),
    z.strictObject({
      kind: z.literal("commissionMeetings"),
      held: points("positive"),
      perStepMissed: points("notNegative"),
      notHeld: points("notPositive"),
    }),
    z.strictObject({
      kind: z.literal("trainingThreshold"),
      perHalfPercent: points("positive"),
      maxHalfPercents: count(200).min(1, { error: "mustBePositive" }),
    }),
    z.strictObject({
      kind: z.literal("legalPropaganda"),
      report: points("notNegative"),
      published: points("notNegative"),
      reach: points("notNegative"),
      reachViews: count(1_000_000_000),
      additive: flag.default(false),
    }),
  ],
  { error: "unknownRuleKind" },
);

const readingName = z
  .string({ error: "notText" })
  .regex(/^[a-z][a-zA-Z0-9]{0,31}$/, { error: "badReadingName" });

const indicator = z.strictObject({
  id: z.string({ error: "notText" }).regex(/^p\d+\.t\d+\.[a-z0-9]+$/, { error: "badIndicatorId" }),
  number: z.string({ error: "quoteNumber" }).regex(/^\d+\.\d+\.\d+$/, { error: "badNumber" }),
  title: localized,
  shortTitle: shortLocalized,
  period: z.enum(PERIOD_KINDS, { error: "notOneOf" }),
  appliesTo: z.array(z.enum(BODY_KINDS, { error: "notOneOf" })).min(1, { error: "empty" }),
  input: z.enum(INPUT_KINDS, { error: "notOneOf" }),
  countsOver: z.enum(COUNTS_OVER, { error: "notOneOf" }).optional(),
  rule,
  cap: points("positive").optional(),
  reading: readingName.optional(),
  variants: z.record(readingName, z.strictObject({ rule })).default({}),
  rulebookReadings: z.array(localized).default([]),
  question: localized.optional(),
});

const task = z.strictObject({
  id: z.string({ error: "notText" }).regex(/^p\d+\.t\d+$/, { error: "badTaskId" }),
  number: z.string({ error: "quoteNumber" }).regex(/^\d+\.\d+$/, { error: "badNumber" }),
  title: localized,
  shortTitle: shortLocalized,
  indicators: z.array(indicator).min(1, { error: "empty" }),
});

const project = z.strictObject({
  id: z.string({ error: "notText" }).regex(/^p\d+$/, { error: "badProjectId" }),
  number: z.string({ error: "quoteNumber" }).regex(/^\d+$/, { error: "badNumber" }),
  title: localized,
  shortTitle: shortLocalized,
  tasks: z.array(task).min(1, { error: "empty" }),
});

/** A version file as written: what `npm run methodology -- check` and the bot's upload check. */
export const methodologyFileSchema = z.strictObject({
  id: z.string({ error: "quoteVersionId" }).regex(/^\d{4}\.\d+$/, { error: "badVersionId" }),
  // YAML reads an unquoted year as a number: both mean the same period.
  appliesFrom: z
    .union([z.string(), z.int()], { error: "notAPeriod" })
    .transform(String)
    .refine((key) => isPeriodKey(key), { error: "notAPeriod" }),
  title: localized,
  p1Exemption: z.strictObject({
    externalPlan: z.strictObject({ title: localized, shortTitle: shortLocalized }),
  }),
  projects: z.array(project).min(1, { error: "empty" }),
});

export type MethodologyFile = z.infer<typeof methodologyFileSchema>;
