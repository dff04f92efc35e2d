import type { Repositories } from "../db/index.ts";
import type { Json } from "../db/repositories/index.ts";
import { type DeadlineRule, isLate, reportablePeriods } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { BodyKind, IndicatorDef, MethodologyVersion } from "../domain/methodology/types.ts";
import { type ReportMeta, reportMetaSchema } from "../domain/reports/report-meta.ts";
import {
  indicatorsOfReport,
  type ReportScore,
  scoreReport,
} from "../domain/scoring/score-report.ts";
import type { Variants } from "../domain/variants.ts";
import { loadDeadlineRules } from "./deadlines.ts";
import { emptyDraft, type IndicatorsDraft, readDraft, valuesOf } from "./indicators-draft.ts";
import { recomputeReportScores } from "./report-scores.ts";

/** The reports this conversation fills in: the year's annual and the quarter's quarterly. */
export type IndicatorsReportKind = "annual" | "quarterly";

/** One report of one body for one period. */
export interface IndicatorsReportKey {
  bodyId: number;
  kind: IndicatorsReportKind;
  periodKey: string;
}

/**
 * The indicators a body answers in a report by the version in force for its period, in
 * methodology order: only those of the report's period that apply to the body's kind, and none
 * of project 1 when it is exempt.
 */
export function dueIndicators(
  version: MethodologyVersion,
  kind: IndicatorsReportKind,
  bodyKind: BodyKind,
  p1Exempt = false,
): IndicatorDef[] {
  return indicatorsOfReport(version, kind).filter(
    (def) => def.appliesTo.includes(bodyKind) && !(p1Exempt && def.id.startsWith("p1.")),
  );
}

/** A report the body may fill in now; the first of each kind is the period just ended. */
export interface ReportChoice {
  kind: IndicatorsReportKind;
  periodKey: string;
  /** Its deadline has passed: it is still accepted, marked late. */
  late: boolean;
}

/** The annual and quarterly reports open now, newest first, where any of their indicators applies. */
export function reportChoices(
  methodology: MethodologyBook,
  now: Date,
  rules: readonly DeadlineRule[],
  bodyKind: BodyKind,
  zone: string,
): ReportChoice[] {
  const kinds: IndicatorsReportKind[] = ["annual", "quarterly"];
  return kinds.flatMap((kind) =>
    reportablePeriods(kind, now, rules, zone)
      .filter(
        (periodKey) => dueIndicators(methodology.forPeriod(periodKey), kind, bodyKind).length > 0,
      )
      .map((periodKey) => ({
        kind,
        periodKey,
        late: isLate(kind, periodKey, now, rules, zone),
      })),
  );
}

/**
 * The user's draft of a report; without one, the answers of the report's current version
 * (so a correction starts from what was sent), else an empty draft.
 */
export async function loadIndicatorsDraft(
  repos: Repositories,
  methodology: MethodologyBook,
  userId: number,
  key: IndicatorsReportKey,
): Promise<IndicatorsDraft> {
  const version = methodology.forPeriod(key.periodKey);
  const draft = await repos.drafts.getDraft({ userId, ...key });
  if (draft) return readDraft(version, draft.document);
  const current = await repos.submissions.getCurrent(key.bodyId, key.kind, key.periodKey);
  if (!current?.version) return emptyDraft();
  const meta = reportMetaSchema.safeParse(current.version.meta ?? {});
  const restored = readDraft(version, { values: current.version.values });
  const evidence: IndicatorsDraft["evidence"] = {};
  for (const item of current.version.evidence) {
    const { type, telegramFileId, link, mime, size } = item;
    const list = evidence[item.item] ?? [];
    list.push({
      type,
      ...(telegramFileId ? { telegramFileId } : {}),
      ...(link ? { link } : {}),
      ...(mime ? { mime } : {}),
      ...(size !== null ? { size } : {}),
    });
    evidence[item.item] = list;
  }
  if (!meta.success) return { ...restored, evidence };
  return {
    ...restored,
    evidence,
    comments: meta.data.comments ?? {},
    ...(meta.data.p1Exempt !== undefined ? { p1Exempt: meta.data.p1Exempt } : {}),
    ...(meta.data.p1ExternalPlan ? { p1ExternalPlan: meta.data.p1ExternalPlan } : {}),
  };
}

/** Saves the draft after an answer. */
export async function saveIndicatorsDraft(
  repos: Repositories,
  userId: number,
  key: IndicatorsReportKey,
  draft: IndicatorsDraft,
  at: Date,
): Promise<void> {
  // A parsed draft holds only JSON values.
  await repos.drafts.saveDraft({ userId, ...key }, draft as unknown as Json, at);
}

/** The report's points as they would be scored now by the period's version, indicator by indicator. */
export function scoreIndicatorsDraft(
  version: MethodologyVersion,
  input: {
    kind: IndicatorsReportKind;
    bodyKind: BodyKind;
    draft: IndicatorsDraft;
    variants?: Variants;
  },
): ReportScore {
  return scoreReport(version, {
    bodyKind: input.bodyKind,
    p1Exempt: input.kind === "annual" && input.draft.p1Exempt === true,
    kind: input.kind,
    values: valuesOf(input.draft),
    variants: input.variants,
  });
}

/** What a report version records besides the values. */
export function metaOfDraft(kind: IndicatorsReportKind, draft: IndicatorsDraft): ReportMeta {
  const meta: ReportMeta = {};
  if (kind === "annual") {
    meta.p1Exempt = draft.p1Exempt === true;
    if (draft.p1Exempt && draft.p1ExternalPlan) meta.p1ExternalPlan = draft.p1ExternalPlan;
  }
  if (Object.keys(draft.comments).length > 0) meta.comments = draft.comments;
  return reportMetaSchema.parse(meta);
}

export type SubmitIndicatorsResult =
  | { ok: true; version: number; late: boolean; score: ReportScore | undefined }
  | { ok: false; reason: "alreadyAccepted" | "invalidValues" | "badPeriodKey" };

/**
 * Stores the draft as a new version of the report (late after the deadline), drops the draft,
 * and recomputes the report's stored scores.
 */
export async function submitIndicatorsReport(
  repos: Repositories,
  methodology: MethodologyBook,
  input: {
    key: IndicatorsReportKey;
    userId: number;
    draft: IndicatorsDraft;
    now: Date;
    zone: string;
    variants?: Variants;
  },
): Promise<SubmitIndicatorsResult> {
  const { key, draft, now } = input;
  const body = await repos.directory.getBody(key.bodyId);
  if (!body) throw new Error(`Body ${key.bodyId} does not exist`);
  const exempt = key.kind === "annual" && draft.p1Exempt === true;
  const version = methodology.forPeriod(key.periodKey);
  const due = new Set(dueIndicators(version, key.kind, body.kind, exempt).map((d) => d.id));
  const values = Object.fromEntries(Object.entries(draft.values).filter(([id]) => due.has(id)));
  const evidence = Object.entries(draft.evidence)
    .filter(([id]) => due.has(id))
    .flatMap(([item, list]) => list.map((e) => ({ item, ...e })));
  const rules = await loadDeadlineRules(repos);
  const late = isLate(key.kind, key.periodKey, now, rules, input.zone);
  const result = await repos.submissions.submit({
    ...key,
    authorUserId: input.userId,
    values,
    evidence,
    meta: metaOfDraft(key.kind, draft),
    late,
    at: now,
  });
  if (!result.ok) return { ok: false, reason: result.reason };
  const score = await recomputeReportScores(repos, methodology, key, {
    variants: input.variants,
    now,
  });
  return { ok: true, version: result.version.number, late, score };
}
