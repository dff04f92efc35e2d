// The one report pipeline: open periods, drafts, submission, correction and late marking, for
// every kind of report. Conversations call these and hold no persistence of their own.
import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { EventLine, EvidenceInput, SubmissionStatus } from "../db/repositories/index.ts";
import type { Json } from "../db/repositories/shared.ts";
import { type DeadlineRule, dueAt, isLate, reportablePeriods } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { ReportDraft } from "../domain/reports/draft.ts";
import { readReportDraft } from "../domain/reports/draft.ts";
import { owesReport } from "../domain/reports/obligations.ts";
import type { Variants } from "../domain/variants.ts";
import type { ReportKind } from "../domain/vocabulary.ts";
import { loadDeadlineRules } from "./deadlines.ts";
import { recomputeReportScores } from "./report-scores.ts";

/** One person's report of one body for one period. */
export interface ReportKey {
  userId: number;
  bodyId: number;
  kind: ReportKind;
  periodKey: string;
}

/** A period a report may be made for now, and what can be done with it. JSON-safe. */
export interface PeriodChoice {
  periodKey: string;
  /** ISO instant of the deadline. */
  dueAt: string;
  /** A report made now would be late. */
  late: boolean;
  submitted: { status: SubmissionStatus; version: number; late: boolean } | null;
  /** new: nothing submitted; correct: the submitted report may be corrected; closed: neither. */
  mode: "new" | "correct" | "closed";
}

/** What the pipeline needs of the process: the clock, the zone, the methodology and its readings. */
export interface ReportEnv {
  now: Date;
  zone: string;
  methodology: MethodologyBook;
  variants?: Variants;
  /** Deadline rules, when the caller has them already (cached). */
  rules?: readonly DeadlineRule[];
}

/**
 * The periods a body may report now, newest first: those `reportablePeriods` opens that the body
 * owes (its report carries an indicator that applies to it, and it existed then).
 */
export async function listPeriodChoices(
  repos: Repositories,
  body: Pick<BodyRecord, "id" | "kind" | "createdAt">,
  kind: ReportKind,
  env: ReportEnv,
): Promise<PeriodChoice[]> {
  const rules = env.rules ?? (await loadDeadlineRules(repos));
  const periods = reportablePeriods(kind, env.now, rules, env.zone).filter((periodKey) =>
    owesReport(
      { kind: body.kind, joinedAt: body.createdAt },
      { kind, periodKey },
      { methodology: env.methodology.forPeriod(periodKey), zone: env.zone },
    ),
  );
  const statuses = await repos.submissions.listStatuses(body.id, kind, periods);
  const choices: PeriodChoice[] = [];
  for (const periodKey of periods) {
    const current = statuses.get(periodKey);
    const status = current?.status;
    const submitted =
      current?.version != null && status && status !== "draft"
        ? { status, version: current.version, late: current.late }
        : null;
    const late = isLate(kind, periodKey, env.now, rules, env.zone);
    // A returned report must be corrected whatever the date; a submitted one until the deadline.
    const mode = !submitted
      ? "new"
      : status === "returned" || (status === "submitted" && !late)
        ? "correct"
        : "closed";
    const due = dueAt(kind, periodKey, rules, env.zone).toISOString();
    choices.push({ periodKey, dueAt: due, late, submitted, mode });
  }
  return choices;
}

const draftKeyOf = (key: ReportKey) => key;

/** The saved draft of a report, or undefined (none, or one an older model wrote). */
export async function loadReportDraft(
  repos: Repositories,
  key: ReportKey,
): Promise<ReportDraft | undefined> {
  const saved = await repos.drafts.getDraft(draftKeyOf(key));
  return saved ? readReportDraft(saved.document) : undefined;
}

/** Saves the draft after an answer (one statement). */
export async function saveReportDraft(
  repos: Repositories,
  key: ReportKey,
  draft: ReportDraft,
  at: Date,
): Promise<void> {
  // A parsed draft holds only JSON values.
  await repos.drafts.saveDraft(draftKeyOf(key), draft as unknown as Json, at);
}

/** Drops a draft ("Start over"). */
export async function dropReportDraft(repos: Repositories, key: ReportKey): Promise<void> {
  await repos.drafts.deleteDraft(draftKeyOf(key));
}

/** The period of the most recently touched draft of this kind among the open periods, if any. */
export async function findResumableDraft(
  repos: Repositories,
  key: Omit<ReportKey, "periodKey">,
  open: readonly string[],
): Promise<string | undefined> {
  const drafts = await repos.drafts.listDrafts(key.userId);
  const found = drafts.find(
    (d) =>
      d.kind === key.kind &&
      d.bodyId === key.bodyId &&
      open.includes(d.periodKey) &&
      readReportDraft(d.document) !== undefined,
  );
  return found?.periodKey;
}

/**
 * Opens the draft a form continues from: the saved one, else a copy of the submitted report for
 * a correction (`restore`), else a new one (`fresh`).
 */
export async function openReportDraft(
  repos: Repositories,
  key: ReportKey,
  choice: PeriodChoice,
  make: {
    fresh: () => ReportDraft;
    restore: (
      version: NonNullable<
        Awaited<ReturnType<Repositories["submissions"]["getCurrent"]>>
      >["version"],
    ) => ReportDraft;
  },
  at: Date,
): Promise<ReportDraft> {
  const saved = await loadReportDraft(repos, key);
  if (saved) return saved;
  const current =
    choice.mode === "correct"
      ? await repos.submissions.getCurrent(key.bodyId, key.kind, key.periodKey)
      : undefined;
  const draft = current?.version ? make.restore(current.version) : make.fresh();
  await saveReportDraft(repos, key, draft, at);
  return draft;
}

/** What a report stores besides its key: built from the draft by the report's own form. */
export interface ReportContent {
  values: Record<string, unknown>;
  events?: EventLine[];
  evidence: EvidenceInput[];
  meta?: Json;
}

export type SubmitReportResult =
  | { ok: true; version: number; late: boolean; total: number | undefined }
  | { ok: false; reason: "closed"; dueAt: string; version: number }
  | { ok: false; reason: "alreadySubmitted"; version: number }
  | { ok: false; reason: "invalid"; problems: string[] }
  | { ok: false; reason: "alreadyAccepted" };

/**
 * Stores the draft as a new version of the report (late after the deadline), drops the draft,
 * rescores the period by the methodology version in force for it, and audits the submission.
 * A submitted report may be replaced only until its deadline, a returned one at any time; a
 * second press of Submit finds the draft gone and reports the version already stored.
 */
export async function submitReport(
  repos: Repositories,
  input: {
    key: ReportKey;
    body: Pick<BodyRecord, "id" | "kind" | "createdAt">;
    draft: ReportDraft;
    content: ReportContent;
  },
  env: ReportEnv,
): Promise<SubmitReportResult> {
  const { key } = input;
  const saved = await loadReportDraft(repos, key);
  const choices = await listPeriodChoices(repos, input.body, key.kind, env);
  const choice = choices.find((c) => c.periodKey === key.periodKey);
  const version = choice?.submitted?.version ?? 0;
  if (saved?.revision !== input.draft.revision)
    return { ok: false, reason: "alreadySubmitted", version };
  if (!choice || choice.mode === "closed") {
    const rules = env.rules ?? (await loadDeadlineRules(repos));
    const due = dueAt(key.kind, key.periodKey, rules, env.zone).toISOString();
    return { ok: false, reason: "closed", dueAt: due, version };
  }
  const result = await repos.submissions.submit({
    bodyId: key.bodyId,
    kind: key.kind,
    periodKey: key.periodKey,
    authorUserId: key.userId,
    values: input.content.values,
    events: input.content.events ?? [],
    evidence: input.content.evidence,
    ...(input.content.meta !== undefined ? { meta: input.content.meta } : {}),
    late: choice.late,
    at: env.now,
  });
  if (!result.ok) {
    if (result.reason === "invalidValues") {
      return { ok: false, reason: "invalid", problems: result.problems.map((p) => p.code) };
    }
    return { ok: false, reason: "alreadyAccepted" };
  }
  // The repository dropped the draft in the submission's own transaction.
  const report = { bodyId: key.bodyId, kind: key.kind, periodKey: key.periodKey };
  const score = await recomputeReportScores(repos, env.methodology, report, {
    ...(env.variants ? { variants: env.variants } : {}),
    now: env.now,
  });
  await repos.audit.record({
    actorUserId: key.userId,
    action: "report.submitted",
    target: `${key.kind}:${key.bodyId}:${key.periodKey}`,
    details: {
      version: result.version.number,
      late: choice.late,
      corrects: input.draft.baseVersion,
    },
    at: env.now,
  });
  return { ok: true, version: result.version.number, late: choice.late, total: score?.total };
}
