import type { Points } from "../points.ts";

/** A text in both user languages. */
export type LocalizedText = { kk: string; ru: string };

export type BodyKind = "central" | "regional";
export const BODY_KINDS = ["central", "regional"] as const satisfies readonly BodyKind[];

export type PeriodKind = "annual" | "quarterly" | "monthly";

/** The shape of one reported value (an annual value, or one month's / quarter's entry). */
export type InputKind =
  | "flag"
  | "share"
  | "count"
  | "risks"
  | "offenceReports"
  | "gifts"
  | "commission"
  | "training"
  | "propaganda";

/** What a share's `done` and `total` count, so the bot can count over directory lists. */
export type CountsOver =
  | "subdivisions"
  | "organisations"
  | "supervisedOrganisations"
  | "districts"
  | "employees";

/** The closed set of scoring rules; each is a pure function of these parameters (points in hundredths). */
export type RuleSpec =
  | { kind: "flagPenalty"; notDone: Points }
  | { kind: "shareSteps"; perStep: Points; minSteps: number }
  | { kind: "perPercent"; perPercent: Points }
  | { kind: "shareStepsWithZeroPenalty"; perStep: Points; zeroDone: Points }
  | { kind: "riskCounts"; identified: Points; eliminated: Points; completed: Points }
  | { kind: "perCount"; perItem: Points }
  | { kind: "weightedCounts"; administrative: Points; criminal: Points }
  | {
      kind: "countBrackets";
      /** Ascending; `upTo: null` is the open last bracket. */
      brackets: readonly { upTo: number | null; points: Points }[];
      notReported: Points;
    }
  | { kind: "giftsInformation"; provided: Points; notProvided: Points; perFactKk: Points }
  | { kind: "commissionMeetings"; held: Points; perStepMissed: Points; notHeld: Points }
  | { kind: "trainingThreshold"; perHalfPercent: Points; maxHalfPercents: number }
  | { kind: "perCountMonthlyCap"; perItem: Points; cap: Points }
  | {
      kind: "legalPropaganda";
      report: Points;
      published: Points;
      reach: Points;
      reachViews: number;
    };

export type RuleKind = RuleSpec["kind"];

export type IndicatorDef = {
  id: string;
  title: LocalizedText;
  period: PeriodKind;
  appliesTo: readonly BodyKind[];
  input: InputKind;
  rule: RuleSpec;
  /** Only for share inputs. */
  countsOver?: CountsOver;
};

export type TaskDef = { id: string; title: LocalizedText; indicators: readonly IndicatorDef[] };
export type ProjectDef = { id: string; title: LocalizedText; tasks: readonly TaskDef[] };
export type Methodology = { version: string; projects: readonly ProjectDef[] };

/** The input kind each rule reads; the data module is checked against it. */
export const INPUT_OF_RULE: Record<RuleKind, InputKind> = {
  flagPenalty: "flag",
  shareSteps: "share",
  perPercent: "share",
  shareStepsWithZeroPenalty: "share",
  riskCounts: "risks",
  perCount: "count",
  weightedCounts: "offenceReports",
  countBrackets: "count",
  giftsInformation: "gifts",
  commissionMeetings: "commission",
  trainingThreshold: "training",
  perCountMonthlyCap: "count",
  legalPropaganda: "propaganda",
};
