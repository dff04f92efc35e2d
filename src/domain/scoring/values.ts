import { z } from "zod";
import type { InputKind } from "../methodology/types.ts";

// Error messages are problem codes; to-problems.ts turns zod issues into Problems.

/** Counts above this are refused, so that points stay exact safe integers. */
export const MAX_COUNT = 1_000_000_000;

const countSchema = z
  .int({
    error: (iss) => {
      if (iss.input === undefined) return "missingField";
      return Number.isInteger(iss.input) ? "tooLarge" : "notAnInteger";
    },
  })
  .min(0, { error: "negative" })
  .max(MAX_COUNT, { error: "tooLarge" });

const flagSchema = z.boolean({
  error: (iss) => (iss.input === undefined ? "missingField" : "notABoolean"),
});

function record<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? "unknownField" : "notAnObject"),
  });
}

export const shareValueSchema = record({ done: countSchema, total: countSchema }).superRefine(
  (v, ctx) => {
    if (v.done > v.total) {
      ctx.addIssue({ code: "custom", message: "doneExceedsTotal", path: ["done"], params: v });
    }
  },
);

export const risksValueSchema = record({
  identified: countSchema,
  eliminated: countSchema,
  completed: countSchema,
}).superRefine((v, ctx) => {
  if (v.completed > v.eliminated || v.eliminated > v.identified) {
    ctx.addIssue({ code: "custom", message: "risksOutOfOrder", params: v });
  }
});

export const offenceReportsValueSchema = record({
  administrative: countSchema,
  criminal: countSchema,
});

/** Facts counted with the information marked not provided contradict, but are valid: see warnings.ts. */
export const giftsValueSchema = record({ provided: flagSchema, facts: countSchema });

/** A quarter's commission meetings; the district counts may be left out when no meeting was held. */
export const commissionValueSchema = record({
  held: flagSchema,
  districts: countSchema.optional(),
  districtsNotHeld: countSchema.optional(),
}).superRefine((v, ctx) => {
  if (v.held) {
    for (const field of ["districts", "districtsNotHeld"] as const) {
      if (v[field] === undefined)
        ctx.addIssue({ code: "custom", message: "missingField", path: [field] });
    }
  }
  if (
    v.districts !== undefined &&
    v.districtsNotHeld !== undefined &&
    v.districtsNotHeld > v.districts
  ) {
    ctx.addIssue({
      code: "custom",
      message: "districtsNotHeldExceedsDistricts",
      path: ["districtsNotHeld"],
      params: { districts: v.districts, districtsNotHeld: v.districtsNotHeld },
    });
  }
});

export const trainingValueSchema = record({
  headcount: countSchema,
  trained: countSchema,
}).superRefine((v, ctx) => {
  if (v.trained > v.headcount) {
    ctx.addIssue({
      code: "custom",
      message: "trainedExceedsHeadcount",
      path: ["trained"],
      params: v,
    });
  }
});

export const propagandaValueSchema = record({
  events: countSchema,
  published: flagSchema,
  views: countSchema,
});

export type FlagValue = boolean;
export type CountValue = number;
export type ShareValue = z.infer<typeof shareValueSchema>;
export type RisksValue = z.infer<typeof risksValueSchema>;
export type OffenceReportsValue = z.infer<typeof offenceReportsValueSchema>;
export type GiftsValue = z.infer<typeof giftsValueSchema>;
export type CommissionValue = z.infer<typeof commissionValueSchema>;
export type TrainingValue = z.infer<typeof trainingValueSchema>;
export type PropagandaValue = z.infer<typeof propagandaValueSchema>;

/** The value of each input kind. */
export type ValueOfInput = {
  flag: FlagValue;
  share: ShareValue;
  count: CountValue;
  risks: RisksValue;
  offenceReports: OffenceReportsValue;
  gifts: GiftsValue;
  commission: CommissionValue;
  training: TrainingValue;
  propaganda: PropagandaValue;
};

/** One annual value, or one month's or quarter's entry. */
export type IndicatorValue = ValueOfInput[InputKind];

/** The schema of one entry of each input kind. */
export const VALUE_SCHEMAS: { [K in InputKind]: z.ZodType<ValueOfInput[K]> } = {
  flag: flagSchema,
  share: shareValueSchema,
  count: countSchema,
  risks: risksValueSchema,
  offenceReports: offenceReportsValueSchema,
  gifts: giftsValueSchema,
  commission: commissionValueSchema,
  training: trainingValueSchema,
  propaganda: propagandaValueSchema,
};
