// The monthly report between its draft and what is stored: event lines (Appendices 5 and 6),
// evidence by event, the values scored, and the body's history its questions compare with.
import type { Repositories } from "../db/index.ts";
import type { EventLine, EvidenceInput, VersionDetail } from "../db/repositories/index.ts";
import type { Json } from "../db/repositories/shared.ts";
import { type MonthlyHistory, medianOf } from "../domain/forms/monthly/history.ts";
import { monthlyValuesOfDraft } from "../domain/forms/monthly/report.ts";
import { FIRST_MONTHLY_STEP } from "../domain/forms/monthly/steps.ts";
import { monthsOf, previousPeriod } from "../domain/periods.ts";
import {
  emptyReportDraft,
  type PropagandaEvent,
  type ReportDraft,
} from "../domain/reports/draft.ts";
import type { ReportContent } from "./reports.ts";

/** What a monthly draft keeps from elsewhere when it is opened (draft.reference). */
export interface MonthlyReference {
  history: MonthlyHistory;
  /** ISO instant of the month's deadline. */
  dueAt: string;
}

/** The monthly draft's reference, or a neutral one when it holds none. */
export function monthlyReferenceOf(draft: ReportDraft): MonthlyReference {
  const r = draft.reference as Partial<MonthlyReference>;
  return {
    history: r.history ?? {
      previous: null,
      median: { explanatory: 0, preventive: 0, propaganda: 0 },
    },
    dueAt: typeof r.dueAt === "string" ? r.dueAt : new Date(0).toISOString(),
  };
}

const MONTHLY_IDS = ["p4.t2.s3", "p4.t2.s4", "p4.t3.s1"] as const;

function countOf(value: Json | undefined): number {
  return typeof value === "number" ? value : 0;
}

function propagandaOf(value: Json | undefined): { events: number; views: number } {
  const v = (value ?? {}) as { events?: unknown; views?: unknown; published?: unknown };
  return {
    events: typeof v.events === "number" ? v.events : 0,
    views: v.published === true && typeof v.views === "number" ? v.views : 0,
  };
}

/**
 * The body's reported history before `month`: last month's counts and views, and the median
 * monthly counts of the twelve months before (months not reported are left out).
 */
export async function monthlyHistory(
  repos: Repositories,
  bodyId: number,
  month: string,
): Promise<MonthlyHistory> {
  const previous = previousPeriod(month);
  const months: string[] = [];
  for (let m = previous; months.length < 12; m = previousPeriod(m)) months.push(m);
  const values = await repos.submissions.listCountedValues(bodyId, "monthly", months, MONTHLY_IDS);
  const reported = months.filter((m) => values[m] !== undefined);
  const series = (pick: (v: Record<string, Json>) => number) =>
    medianOf(reported.map((m) => pick(values[m] ?? {})));
  const last = values[previous];
  return {
    previous: last
      ? {
          month: previous,
          explanatory: countOf(last["p4.t2.s3"]),
          preventive: countOf(last["p4.t2.s4"]),
          propaganda: propagandaOf(last["p4.t3.s1"]).events,
          views: propagandaOf(last["p4.t3.s1"]).views,
        }
      : null,
    median: {
      explanatory: series((v) => countOf(v["p4.t2.s3"])),
      preventive: series((v) => countOf(v["p4.t2.s4"])),
      propaganda: series((v) => propagandaOf(v["p4.t3.s1"]).events),
    },
  };
}

/** A fresh monthly draft for a month, with the body's history and the month's deadline. */
export function freshMonthlyDraft(month: string, reference: MonthlyReference): ReportDraft {
  monthsOf(month);
  return { ...emptyReportDraft("monthly", month, FIRST_MONTHLY_STEP), reference: { ...reference } };
}

/** The ordinal (1-based) of each event line, in the order lines are stored. */
function ordinals(d: Pick<ReportDraft, "explanatoryEvents" | "preventiveTalks">) {
  const explanatory = (i: number) => i + 1;
  const propaganda = (i: number) => d.explanatoryEvents.length + d.preventiveTalks.length + i + 1;
  return { explanatory, propaganda };
}

/** The draft as a stored version: values, event lines, evidence by event, confirmations. */
export function monthlyContentOf(d: ReportDraft): ReportContent {
  const events: EventLine[] = [
    ...d.explanatoryEvents.map((e) => ({ kind: "explanatory" as const, ...e })),
    // A talk is one official; the line keeps the position as its topic for the Appendix 5 table.
    ...d.preventiveTalks.map((p) => ({
      kind: "preventive" as const,
      date: p.date,
      topic: p.position,
      position: p.position,
      participants: 1,
    })),
    ...d.propagandaEvents.map((e) => ({
      kind: "propaganda" as const,
      date: e.date,
      topic: e.topic,
      audience: e.audience,
      participants: e.participants,
      link: e.links[0] ?? null,
      views: e.views,
    })),
  ];
  const at = ordinals(d);
  const itemOf = (item: string): string => {
    const event = /^event:(explanatory|propaganda):(\d+)$/.exec(item);
    if (!event) return item;
    const index = Number(event[2]);
    return `event:${event[1] === "explanatory" ? at.explanatory(index) : at.propaganda(index)}`;
  };
  const evidence: EvidenceInput[] = [
    ...d.evidence
      .filter((e) => e.type !== "link")
      .map((e) => ({
        item: itemOf(e.item),
        type: e.type,
        telegramFileId: e.telegramFileId ?? null,
        size: e.size ?? null,
        mime: e.mime ?? null,
      })),
    ...d.propagandaEvents.flatMap((e, i) =>
      e.links.map((link) => ({ item: `event:${at.propaganda(i)}`, type: "link" as const, link })),
    ),
  ];
  const meta = d.confirmations.length > 0 ? { confirmations: d.confirmations } : undefined;
  return {
    values: { ...monthlyValuesOfDraft(d) },
    events,
    evidence,
    ...(meta ? { meta: meta as unknown as Json } : {}),
  };
}

/** A stored version back as a draft, for a correction: at its summary, every answer seen once. */
export function monthlyDraftOfVersion(
  month: string,
  version: VersionDetail,
  reference: MonthlyReference,
): ReportDraft {
  const of = (kind: EventLine["kind"]) => version.events.filter((e) => e.kind === kind);
  const explanatory = of("explanatory");
  const preventive = of("preventive");
  const firstPropaganda = explanatory.length + preventive.length + 1;
  const linksOf = (ordinal: number, line: EventLine): string[] => {
    const links = version.evidence
      .filter((e) => e.type === "link" && e.item === `event:${ordinal}` && e.link)
      .map((e) => e.link as string);
    return links.length > 0 ? links : line.link ? [line.link] : [];
  };
  const propagandaEvents: PropagandaEvent[] = of("propaganda").map((e, i) => {
    const links = linksOf(firstPropaganda + i, e);
    return {
      date: e.date,
      topic: e.topic,
      audience: e.audience ?? "",
      participants: e.participants,
      links,
      views: links.length > 0 ? (e.views ?? 0) : null,
    };
  });
  const itemOf = (item: string): string => {
    const ordinal = /^event:(\d+)$/.exec(item);
    if (!ordinal) return item;
    const n = Number(ordinal[1]);
    if (n <= explanatory.length) return `event:explanatory:${n - 1}`;
    return `event:propaganda:${n - firstPropaganda}`;
  };
  const evidence = version.evidence
    .filter((e) => (e.type === "photo" || e.type === "document") && e.telegramFileId)
    .map((e) => ({
      item: itemOf(e.item),
      type: e.type as "photo" | "document",
      telegramFileId: e.telegramFileId as string,
      ...(e.mime ? { mime: e.mime } : {}),
      ...(e.size !== null ? { size: e.size } : {}),
    }));
  return {
    ...freshMonthlyDraft(month, reference),
    baseVersion: version.number,
    explanatoryEvents: explanatory.map((e) => ({
      date: e.date,
      topic: e.topic,
      participants: e.participants,
    })),
    preventiveTalks: preventive.map((p) => ({ position: p.position ?? p.topic, date: p.date })),
    propagandaEvents,
    evidence,
    step: { at: "summary", page: 0 },
    toSummary: true,
  };
}
