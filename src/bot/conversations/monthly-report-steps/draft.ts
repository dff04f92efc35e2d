import type { MonthlyReport } from "../../../domain/reports/monthly-report.ts";

/** The three indicators of the monthly report, which evidence files are attached to. */
export const REPORT_ITEMS = ["p4.t2.s3", "p4.t2.s4", "p4.t3.s1"] as const;
export type ReportItem = (typeof REPORT_ITEMS)[number];

export interface ExplanatoryEvent {
  date: string;
  topic: string;
  participants: number;
}
export interface PreventiveTalk {
  position?: string;
  date?: string;
}
export interface PropagandaEvent {
  date: string;
  topic: string;
  audience: string;
}
/** A photo or document kept by its Telegram file id (the bytes stay with Telegram). */
export interface EvidenceFile {
  item: ReportItem;
  type: "photo" | "document";
  telegramFileId: string;
  size: number | null;
  mime: string | null;
}

/** Where the person is in the form: one question each. */
export type Step =
  | { at: "explanatoryList" }
  | { at: "explanatoryDate" }
  | { at: "explanatoryTopic" }
  | { at: "explanatoryParticipants" }
  | { at: "preventiveCount" }
  | { at: "preventivePosition"; index: number }
  | { at: "preventiveDate"; index: number }
  | { at: "propagandaList" }
  | { at: "propagandaDate" }
  | { at: "propagandaTopic" }
  | { at: "propagandaAudience" }
  | { at: "published" }
  | { at: "links" }
  | { at: "views" }
  | { at: "evidenceItem" }
  | { at: "evidenceFiles"; item: ReportItem }
  | { at: "summary" }
  | { at: "editSection" };

/** An item being typed field by field, before it joins its list. */
export interface PendingItem {
  date?: string;
  topic?: string;
}

/**
 * Everything entered so far for one month, saved as the draft after every answer.
 * Plain JSON: it is the database draft document and what the conversation reloads.
 */
export interface MonthlyDraft {
  v: 1;
  month: string;
  /** The submitted version this draft corrects; null for a first report. */
  baseVersion: number | null;
  explanatoryEvents: ExplanatoryEvent[];
  preventiveCount: number | null;
  preventiveTalks: PreventiveTalk[];
  propagandaEvents: PropagandaEvent[];
  published: boolean | null;
  links: string[];
  views: number | null;
  evidence: EvidenceFile[];
  pending: PendingItem;
  step: Step;
  /** After editing one section from the summary, go straight back to the summary. */
  toSummary: boolean;
  /** Grows with every saved answer; the Submit button carries it so an old button cannot submit. */
  revision: number;
}

/** A fresh draft for a month, starting at the first question. */
export function emptyDraft(month: string): MonthlyDraft {
  return {
    v: 1,
    month,
    baseVersion: null,
    explanatoryEvents: [],
    preventiveCount: null,
    preventiveTalks: [],
    propagandaEvents: [],
    published: null,
    links: [],
    views: null,
    evidence: [],
    pending: {},
    step: { at: "explanatoryList" },
    toSummary: false,
    revision: 0,
  };
}

/** Reads a stored draft document; undefined when it is not one this version wrote. */
export function readDraft(document: unknown): MonthlyDraft | undefined {
  if (typeof document !== "object" || document === null) return undefined;
  const d = document as Partial<MonthlyDraft>;
  if (d.v !== 1 || typeof d.month !== "string" || typeof d.step !== "object") return undefined;
  return { ...emptyDraft(d.month), ...d } as MonthlyDraft;
}

/** The officials' talks whose position and date are both known, in order. */
export function completeTalks(draft: MonthlyDraft): { position: string; date: string }[] {
  const count = draft.preventiveCount ?? 0;
  return draft.preventiveTalks
    .slice(0, count)
    .filter((t): t is { position: string; date: string } => !!t.position && !!t.date);
}

/** The draft as the domain's report (unanswered questions count as nothing done). */
export function draftToReport(draft: MonthlyDraft): MonthlyReport {
  const hasPropaganda = draft.propagandaEvents.length > 0;
  const published = hasPropaganda && draft.published === true;
  return {
    month: draft.month,
    explanatoryEvents: draft.explanatoryEvents,
    preventiveTalks: completeTalks(draft),
    propagandaEvents: draft.propagandaEvents,
    published,
    links: published ? draft.links : [],
    views: published ? (draft.views ?? 0) : 0,
  };
}
