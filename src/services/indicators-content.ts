// The annual and quarterly indicators report between its draft and what is stored: the values
// scored, evidence by indicator, the meta (exemption, external plan, comments, confirmations,
// "not reported" answers, ticks), and the reference its questions read (lists, history, deadline).
import type { Repositories } from "../db/index.ts";
import type { BodyRecord, MemberKind } from "../db/repositories/directory.ts";
import type { EvidenceInput, VersionDetail } from "../db/repositories/index.ts";
import type { Json } from "../db/repositories/shared.ts";
import {
  claimsExemption,
  dueIndicators,
  dueOfDraft,
  type IndicatorsReportKind,
  isComplete,
  notReportedOf,
  valuesOfDraft,
} from "../domain/forms/indicators/due.ts";
import { fieldsOf } from "../domain/forms/indicators/fields.ts";
import { USUAL_OVER, usualValues } from "../domain/forms/indicators/history.ts";
import {
  DIRECTORY_LISTS,
  type DirectoryList,
  type IndicatorsHistory,
  type IndicatorsReference,
  indicatorsReferenceOf,
  type ListMember,
} from "../domain/forms/indicators/reference.ts";
import { firstIndicatorsStep } from "../domain/forms/indicators/steps.ts";
import type { BodyKind, MethodologyVersion } from "../domain/methodology/types.ts";
import { previousPeriod } from "../domain/periods.ts";
import { emptyReportDraft, type ReportDraft } from "../domain/reports/draft.ts";
import {
  type ReportMeta,
  readReportMeta,
  reportMetaSchema,
} from "../domain/reports/report-meta.ts";
import { parseIndicatorValue } from "../domain/scoring/parse-value.ts";
import type { ReportContent } from "./reports.ts";

// The directory's lists as the methodology names them.
const LIST_OF_MEMBER: Record<MemberKind, DirectoryList> = {
  subdivision: "subdivisions",
  subordinate: "subordinates",
  quasiPublic: "quasiPublic",
  district: "districts",
};

/** The body's active directory members, by the lists shares count over. */
export async function directoryLists(
  repos: Repositories,
  bodyId: number,
): Promise<Record<DirectoryList, ListMember[]>> {
  const lists = Object.fromEntries(DIRECTORY_LISTS.map((l) => [l, [] as ListMember[]])) as Record<
    DirectoryList,
    ListMember[]
  >;
  for (const m of await repos.directory.listMembers(bodyId))
    lists[LIST_OF_MEMBER[m.kind]].push({ id: m.id, kk: m.nameKk, ru: m.nameRu });
  return lists;
}

/**
 * What the body reported before this period: the report just before (its values and "not
 * reported" answers), and the usual value of each whole number over its last reports.
 */
export async function indicatorsHistory(
  repos: Repositories,
  body: Pick<BodyRecord, "id" | "kind">,
  kind: IndicatorsReportKind,
  periodKey: string,
  version: MethodologyVersion,
): Promise<IndicatorsHistory> {
  const periods: string[] = [];
  for (let p = previousPeriod(periodKey); periods.length < USUAL_OVER[kind]; p = previousPeriod(p))
    periods.push(p);
  const due = dueIndicators(version, kind, body.kind);
  const ids = due.map((d) => d.id);
  const values = await repos.submissions.listCountedValues(body.id, kind, periods, ids);
  const last = periods[0] as string;
  const previousValues = values[last];
  const current = previousValues && (await repos.submissions.getCurrent(body.id, kind, last));
  const meta = readReportMeta(current?.version?.meta);
  const reports = periods.flatMap((p) => (values[p] ? [values[p] as Record<string, unknown>] : []));
  return {
    previous: previousValues
      ? { periodKey: last, values: previousValues, notReported: meta.notReported ?? [] }
      : null,
    usual: usualValues(due, fieldsOf, reports),
  };
}

/** Everything the form reads besides the draft, taken when the draft is opened. */
export async function indicatorsReference(
  repos: Repositories,
  body: Pick<BodyRecord, "id" | "kind">,
  report: { kind: IndicatorsReportKind; periodKey: string; dueAt: string },
  version: MethodologyVersion,
): Promise<IndicatorsReference> {
  return {
    bodyKind: body.kind,
    dueAt: report.dueAt,
    lists: await directoryLists(repos, body.id),
    history: await indicatorsHistory(repos, body, report.kind, report.periodKey, version),
  };
}

/** A fresh draft at the report's first question. */
export function freshIndicatorsDraft(
  kind: IndicatorsReportKind,
  periodKey: string,
  reference: IndicatorsReference,
  version: MethodologyVersion,
): ReportDraft {
  const due = dueIndicators(version, kind, reference.bodyKind);
  const step = firstIndicatorsStep(kind, due, reference);
  return { ...emptyReportDraft(kind, periodKey, step), reference: { ...reference } };
}

/** A draft reopened from the entry: a complete one at its summary, any other where it stopped. */
export function reopenIndicatorsDraft(d: ReportDraft, version: MethodologyVersion): ReportDraft {
  const reference = indicatorsReferenceOf(d);
  const due = dueOfDraft(d, version, reference.bodyKind);
  if (!isComplete(d, due) || d.step.at === "summary") return d;
  return {
    ...d,
    step: { at: "summary", page: 0 },
    toSummary: true,
    pending: {},
    revision: d.revision + 1,
  };
}

/** What the version records besides values; only what the report asked of this body. */
function metaOf(d: ReportDraft, due: ReturnType<typeof dueOfDraft>): ReportMeta {
  const ids = new Set(due.map((def) => def.id));
  const pick = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
  const meta: ReportMeta = {};
  if (d.kind === "annual") {
    meta.p1Exempt = claimsExemption(d);
    if (meta.p1Exempt && d.p1ExternalPlan) meta.p1ExternalPlan = d.p1ExternalPlan;
  }
  const comments = pick(d.comments);
  if (Object.keys(comments).length > 0) meta.comments = comments;
  const confirmations = d.confirmations.filter((c) =>
    ids.has(c.field.split(".").slice(0, 3).join(".")),
  );
  if (confirmations.length > 0) meta.confirmations = confirmations;
  const notReported = notReportedOf(d, due);
  if (notReported.length > 0) meta.notReported = notReported;
  const selections = pick(d.selections);
  if (Object.keys(selections).length > 0) meta.selections = selections;
  return reportMetaSchema.parse(meta);
}

/** The draft as a stored version: the due values answered, evidence by indicator, the meta. */
export function indicatorsContentOf(
  d: ReportDraft,
  version: MethodologyVersion,
  bodyKind: BodyKind,
): ReportContent {
  const due = dueOfDraft(d, version, bodyKind);
  const ids = new Set(due.map((def) => def.id));
  const evidence: EvidenceInput[] = d.evidence
    .filter((e) => ids.has(e.item))
    .map((e) => ({
      item: e.item,
      type: e.type,
      telegramFileId: e.telegramFileId ?? null,
      size: e.size ?? null,
      mime: e.mime ?? null,
      link: e.link ?? null,
    }));
  return {
    values: { ...valuesOfDraft(d, due) },
    evidence,
    meta: metaOf(d, due) as unknown as Json,
  };
}

/** A stored version back as a draft, for a correction: at its summary, every answer kept. */
export function indicatorsDraftOfVersion(
  kind: IndicatorsReportKind,
  periodKey: string,
  stored: VersionDetail,
  reference: IndicatorsReference,
  version: MethodologyVersion,
): ReportDraft {
  const meta = readReportMeta(stored.meta);
  const values: Record<string, unknown> = {};
  // Values the version in force no longer takes are left to be answered again.
  for (const [id, value] of Object.entries(stored.values))
    if (parseIndicatorValue(version, id, value).ok) values[id] = value;
  for (const id of meta.notReported ?? []) values[id] = null;
  const evidence = stored.evidence.map((e) => ({
    item: e.item,
    type: e.type,
    ...(e.telegramFileId ? { telegramFileId: e.telegramFileId } : {}),
    ...(e.link ? { link: e.link } : {}),
    ...(e.mime ? { mime: e.mime } : {}),
    ...(e.size !== null ? { size: e.size } : {}),
  }));
  return {
    ...freshIndicatorsDraft(kind, periodKey, reference, version),
    baseVersion: stored.number,
    values,
    selections: meta.selections ?? {},
    evidence,
    comments: meta.comments ?? {},
    confirmations: meta.confirmations ?? [],
    ...(meta.p1Exempt !== undefined && kind === "annual" ? { p1Exempt: meta.p1Exempt } : {}),
    ...(meta.p1ExternalPlan ? { p1ExternalPlan: meta.p1ExternalPlan } : {}),
    step: { at: "summary", page: 0 },
    toSummary: true,
  };
}
