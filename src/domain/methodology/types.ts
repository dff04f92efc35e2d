import type { Points } from "../points.ts";

/** A text in both user languages. */
export type LocalizedText = { kk: string; ru: string };

export type BodyKind = "central" | "regional";
export const BODY_KINDS = ["central", "regional"] as const satisfies readonly BodyKind[];

export type PeriodKind = "annual" | "quarterly" | "monthly";
export const PERIOD_KINDS = ["annual", "quarterly", "monthly"] as const satisfies PeriodKind[];

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
export const INPUT_KINDS = [
  "flag",
  "share",
  "count",
  "risks",
  "offenceReports",
  "gifts",
  "commission",
  "training",
  "propaganda",
] as const satisfies readonly InputKind[];

/**
 * What a share's `done` and `total` count, so the bot can count over directory lists:
 * p1.t4.s1 counts subordinate state bodies and supervised quasi-public organisations together,
 * project 3 the supervised quasi-public organisations only.
 */
export type CountsOver =
  | "subdivisions"
  | "subordinatesAndQuasiPublic"
  | "quasiPublic"
  | "districts"
  | "employees";
export const COUNTS_OVER = [
  "subdivisions",
  "subordinatesAndQuasiPublic",
  "quasiPublic",
  "districts",
  "employees",
] as const satisfies readonly CountsOver[];

/** The closed set of scoring rules; each is a pure function of these parameters (points in hundredths). */
export type RuleSpec =
  | { kind: "flagPenalty"; notDone: Points }
  | { kind: "shareSteps"; perStep: Points; minSteps: number }
  | { kind: "perPercent"; perPercent: Points }
  | { kind: "shareStepsWithZeroPenalty"; perStep: Points; zeroDone: Points }
  | {
      kind: "riskCounts";
      identified: Points;
      eliminated: Points;
      completed: Points;
      /** A completed elimination also earns the elimination's points (variant `cumulative`). */
      cumulative: boolean;
    }
  | { kind: "perCount"; perItem: Points }
  | { kind: "weightedCounts"; administrative: Points; criminal: Points }
  | {
      kind: "countBrackets";
      /** Ascending; `upTo: null` is the open last bracket. */
      brackets: readonly { upTo: number | null; points: Points }[];
      notReported: Points;
    }
  | { kind: "giftsInformation"; provided: Points; notProvided: Points }
  | { kind: "giftsPerFact"; perFact: Points; notProvided: Points }
  | { kind: "commissionMeetings"; held: Points; perStepMissed: Points; notHeld: Points }
  | { kind: "trainingThreshold"; perHalfPercent: Points; maxHalfPercents: number }
  | {
      kind: "legalPropaganda";
      report: Points;
      published: Points;
      reach: Points;
      reachViews: number;
      /** Reach is paid on top of publishing (variant `additive`) instead of in its place. */
      additive: boolean;
    };

export type RuleKind = RuleSpec["kind"];

/** An alternative reading of an indicator (SCORING.md's discrepancies), chosen by METHODOLOGY_VARIANTS. */
export type IndicatorVariant = { rule: RuleSpec };

export type IndicatorDef = {
  /** The id of SCORING.md (p1.t3.s2): files, the database and the `score` command. */
  id: string;
  /** The methodology's own numbering people read (1.3.2). */
  number: string;
  title: LocalizedText;
  /** At most 40 characters: for buttons. */
  shortTitle: LocalizedText;
  period: PeriodKind;
  appliesTo: readonly BodyKind[];
  input: InputKind;
  rule: RuleSpec;
  /** The most one entry (a year's value, a month's or a quarter's) scores; applied after the rule. */
  cap?: Points;
  /** Only for share inputs. */
  countsOver?: CountsOver;
  /** The name of the reading `rule` follows, when the indicator has variants ("ru", "default"). */
  reading?: string;
  /** Alternative readings by name ("kk", "additive", "cumulative"). */
  variants: Readonly<Record<string, IndicatorVariant>>;
  /** This rulebook's own decisions where the texts are silent: shown as such, never as the methodology's words. */
  rulebookReadings: readonly LocalizedText[];
  /** How the bot asks for a count, in the methodology's words; without it, the input kind's question. */
  question?: LocalizedText;
};

export type TaskDef = {
  id: string;
  number: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  indicators: readonly IndicatorDef[];
};

export type ProjectDef = {
  id: string;
  number: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  tasks: readonly TaskDef[];
};

/**
 * The project-1 exemption: a body that had an external analysis of corruption risks the year
 * before is not scored on project 1; the share of the external plan's measures done is recorded
 * and shown without points (the methodology gives no scale for it yet; a later version may).
 */
export type ExemptionDef = {
  externalPlan: { title: LocalizedText; shortTitle: LocalizedText };
};

/** One version of the methodology: what it scores, and the first period it applies to. */
export type MethodologyVersion = {
  /** "2026.1": kept with every score it produced. */
  id: string;
  /** The first period this version scores (a year, quarter or month key); later periods too, until a newer version. */
  appliesFrom: string;
  title: LocalizedText;
  exemption: ExemptionDef;
  projects: readonly ProjectDef[];
  /** Every indicator in methodology order. */
  indicators: readonly IndicatorDef[];
};

/** The input kind each rule reads; the data is checked against it. */
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
  giftsPerFact: "gifts",
  commissionMeetings: "commission",
  trainingThreshold: "training",
  legalPropaganda: "propaganda",
};
