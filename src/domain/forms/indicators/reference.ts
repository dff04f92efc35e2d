// What the indicators form takes from elsewhere when its draft is opened (draft.reference): the
// body's kind, its directory lists for the checklists, its own history for the "last time" hints
// and the unusual-value check, and the deadline. A step then needs nothing beyond the draft.
import { z } from "zod";
import { BODY_KINDS, type CountsOver } from "../../methodology/types.ts";
import type { ReportDraft } from "../../reports/draft.ts";

/** The directory lists a share can count over, as the methodology names them. */
export const DIRECTORY_LISTS = [
  "subdivisions",
  "subordinates",
  "quasiPublic",
  "districts",
] as const;
export type DirectoryList = (typeof DIRECTORY_LISTS)[number];

/**
 * Which lists each share counts over: p1.t4.s1 the subordinate state bodies and the supervised
 * quasi-public organisations together, project 3 the quasi-public organisations only. Employees
 * are not in the directory: their share is typed.
 */
export const LISTS_OF: Record<CountsOver, readonly DirectoryList[]> = {
  subdivisions: ["subdivisions"],
  subordinatesAndQuasiPublic: ["subordinates", "quasiPublic"],
  quasiPublic: ["quasiPublic"],
  districts: ["districts"],
  employees: [],
};

const memberSchema = z.object({ id: z.int(), kk: z.string(), ru: z.string() });
/** A directory member to tick, named in both languages. */
export type ListMember = z.infer<typeof memberSchema>;

const historySchema = z.object({
  /** The body's report of the period before, as submitted. */
  previous: z
    .object({
      periodKey: z.string(),
      values: z.record(z.string(), z.unknown()),
      notReported: z.array(z.string()),
    })
    .nullable(),
  /**
   * The body's usual value of each whole-number answer (the median of its last reports), by
   * "p2.t5.s1" or "p1.t3.risks.identified"; absent when it never reported one above 0.
   */
  usual: z.record(z.string(), z.number()),
});
export type IndicatorsHistory = z.infer<typeof historySchema>;

export const indicatorsReferenceSchema = z.object({
  bodyKind: z.enum(BODY_KINDS),
  /** ISO instant of the report's deadline. */
  dueAt: z.string(),
  lists: z.object(
    Object.fromEntries(DIRECTORY_LISTS.map((list) => [list, z.array(memberSchema)])) as Record<
      DirectoryList,
      z.ZodArray<typeof memberSchema>
    >,
  ),
  history: historySchema,
});
export type IndicatorsReference = z.infer<typeof indicatorsReferenceSchema>;

export const NO_INDICATORS_HISTORY: IndicatorsHistory = { previous: null, usual: {} };

const EMPTY_LISTS = Object.fromEntries(DIRECTORY_LISTS.map((l) => [l, []])) as unknown as Record<
  DirectoryList,
  ListMember[]
>;

/** The draft's reference; a neutral one (no lists, no history) when it holds none readable. */
export function indicatorsReferenceOf(draft: ReportDraft): IndicatorsReference {
  const parsed = indicatorsReferenceSchema.safeParse(draft.reference);
  if (parsed.success) return parsed.data;
  return {
    bodyKind: "central",
    dueAt: new Date(0).toISOString(),
    lists: EMPTY_LISTS,
    history: NO_INDICATORS_HISTORY,
  };
}

/** The members a share is ticked over, in directory order; empty when it is typed instead. */
export function membersOf(
  reference: Pick<IndicatorsReference, "lists">,
  countsOver: CountsOver | undefined,
): ListMember[] {
  if (!countsOver) return [];
  return LISTS_OF[countsOver].flatMap((list) => reference.lists[list]);
}
