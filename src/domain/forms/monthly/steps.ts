import { z } from "zod";
import type { ReportDraft } from "../../reports/draft.ts";

/** The monthly report's three parts (indicators p4.t2.s3, p4.t2.s4, p4.t3.s1). */
export const MONTHLY_SECTIONS = ["explanatory", "preventive", "propaganda"] as const;
export type MonthlySection = (typeof MONTHLY_SECTIONS)[number];

/** The indicator each part reports. */
export const INDICATOR_OF_SECTION: Record<MonthlySection, string> = {
  explanatory: "p4.t2.s3",
  preventive: "p4.t2.s4",
  propaganda: "p4.t3.s1",
};

/** Values far outside the body's own history that must be confirmed before they are kept. */
export const CHECKED_FIELDS = [
  "explanatoryCount",
  "preventiveCount",
  "propagandaCount",
  "views",
] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

/** Where the commissioner is in the monthly form: one question each. */
export const monthlyStepSchema = z.discriminatedUnion("at", [
  z.object({ at: z.literal("explanatory") }),
  z.object({ at: z.literal("explanatoryDate") }),
  z.object({ at: z.literal("explanatoryTopic") }),
  z.object({ at: z.literal("explanatoryParticipants") }),
  z.object({ at: z.literal("preventive") }),
  z.object({ at: z.literal("preventivePosition") }),
  z.object({ at: z.literal("preventiveDate") }),
  z.object({ at: z.literal("propaganda") }),
  z.object({ at: z.literal("propagandaDate") }),
  z.object({ at: z.literal("propagandaTopic") }),
  z.object({ at: z.literal("propagandaAudience") }),
  z.object({ at: z.literal("propagandaParticipants") }),
  z.object({ at: z.literal("propagandaPublished") }),
  z.object({ at: z.literal("propagandaLinks") }),
  z.object({ at: z.literal("propagandaViews") }),
  z.object({ at: z.literal("evidence"), page: z.int().min(0) }),
  z.object({ at: z.literal("evidenceFiles"), item: z.string().min(1).max(64) }),
  z.object({
    at: z.literal("confirm"),
    field: z.enum(CHECKED_FIELDS),
    value: z.number(),
    usual: z.number(),
  }),
  z.object({ at: z.literal("summary"), page: z.int().min(0) }),
  z.object({ at: z.literal("editSection") }),
]);
export type MonthlyStep = z.infer<typeof monthlyStepSchema>;
export type MonthlyStepAt = MonthlyStep["at"];

/** The form's first question. */
export const FIRST_MONTHLY_STEP: MonthlyStep = { at: "explanatory" };

/** The draft's step as the monthly form reads it; a step it does not know starts the form over. */
export function monthlyStepOf(draft: ReportDraft): MonthlyStep {
  const parsed = monthlyStepSchema.safeParse(draft.step);
  return parsed.success ? parsed.data : FIRST_MONTHLY_STEP;
}

/** Steps that take typed text. */
export const TEXT_STEPS: ReadonlySet<MonthlyStepAt> = new Set([
  "explanatory",
  "explanatoryDate",
  "explanatoryTopic",
  "explanatoryParticipants",
  "preventive",
  "preventivePosition",
  "preventiveDate",
  "propagandaDate",
  "propagandaTopic",
  "propagandaAudience",
  "propagandaParticipants",
  "propagandaLinks",
  "propagandaViews",
]);

/** The list step of each part, and the question after a part (the summary once it was seen). */
export function sectionStep(section: MonthlySection): MonthlyStep {
  return { at: section };
}

export function stepAfterSection(draft: ReportDraft, section: MonthlySection): MonthlyStep {
  if (draft.toSummary) return { at: "summary", page: 0 };
  if (section === "explanatory") return { at: "preventive" };
  if (section === "preventive") return { at: "propaganda" };
  return { at: "evidence", page: 0 };
}

/** Where ⬅ Back leads from each step; "leave" is back to choosing the month. */
export function previousMonthlyStep(draft: ReportDraft, step: MonthlyStep): MonthlyStep | "leave" {
  const partStart = (earlier: MonthlyStep): MonthlyStep =>
    draft.toSummary ? { at: "editSection" } : earlier;
  switch (step.at) {
    case "explanatory":
      return draft.toSummary ? { at: "editSection" } : "leave";
    case "explanatoryDate":
      return { at: "explanatory" };
    case "explanatoryTopic":
      return { at: "explanatoryDate" };
    case "explanatoryParticipants":
      return { at: "explanatoryTopic" };
    case "preventive":
      return partStart({ at: "explanatory" });
    case "preventivePosition":
      return { at: "preventive" };
    case "preventiveDate":
      return { at: "preventivePosition" };
    case "propaganda":
      return partStart({ at: "preventive" });
    case "propagandaDate":
      return { at: "propaganda" };
    case "propagandaTopic":
      return { at: "propagandaDate" };
    case "propagandaAudience":
      return { at: "propagandaTopic" };
    case "propagandaParticipants":
      return { at: "propagandaAudience" };
    case "propagandaPublished":
      return { at: "propagandaParticipants" };
    case "propagandaLinks":
      return { at: "propagandaPublished" };
    case "propagandaViews":
      return { at: "propagandaLinks" };
    case "evidence":
      return partStart({ at: "propaganda" });
    case "evidenceFiles":
      return { at: "evidence", page: 0 };
    case "confirm":
      return questionOfCheck(step.field);
    case "summary":
      return { at: "evidence", page: 0 };
    case "editSection":
      return { at: "summary", page: 0 };
  }
}

/** The question a checked value was answered at, where "correct it" leads. */
export function questionOfCheck(field: CheckedField): MonthlyStep {
  if (field === "views") return { at: "propagandaViews" };
  if (field === "explanatoryCount") return { at: "explanatory" };
  if (field === "preventiveCount") return { at: "preventive" };
  return { at: "propaganda" };
}
