import type { Repositories } from "../db/index.ts";
import type { BodyRecord } from "../db/repositories/directory.ts";
import type { QueueFilter } from "../db/repositories/review-queue.ts";
import type { QueueItem, SubmissionRecord, VersionDetail } from "../db/repositories/submissions.ts";
import type { UserRecord } from "../db/repositories/users.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { indicatorIdsOf } from "../domain/methodology/lookup.ts";
import { pageWindow } from "../domain/paging.ts";
import type { Points } from "../domain/points.ts";
import { diffVersions, type VersionChange } from "../domain/reports/version-diff.ts";
import { type ReportScore, scoreReport } from "../domain/scoring/score-report.ts";
import type { IndicatorValue } from "../domain/scoring/values.ts";
import type { Variants } from "../domain/variants.ts";
import { isProject1Exempt, recomputeReportScores } from "./report-scores.ts";

/** A report as a reviewer sees it: its current version, who wrote it and what it scores. */
export interface ReviewView {
  submission: SubmissionRecord;
  body: BodyRecord;
  version: VersionDetail;
  author: UserRecord | undefined;
  score: ReportScore;
}

/** One line of a report's history, oldest first. */
export type HistoryEntry =
  | { type: "version"; number: number; at: Date; author: string; late: boolean }
  | {
      type: "decision";
      action: "accept" | "return";
      versionNumber: number;
      at: Date;
      reviewer: string;
      comment: string | null;
    };

export type DecideResult =
  | {
      ok: true;
      submission: SubmissionRecord;
      body: BodyRecord;
      author: UserRecord | undefined;
      /** The report's points now they count (undefined for a returned report: nothing counts). */
      total: Points | undefined;
    }
  | { ok: false; reason: "notFound" | "notSubmitted" | "commentRequired" };

/** One page of the review list and where it stands among the pages. */
export interface QueuePage {
  items: QueueItem[];
  /** How many reports the filter selects in all (not only this page). */
  total: number;
  /** 0-based, kept in range. */
  page: number;
  pages: number;
}

/**
 * A page of the reports a filter selects: waiting ones oldest first (a queue), decided ones newest
 * first. A page past the end (reports decided meanwhile) shows the last one.
 */
export async function pageReviewQueue(
  repos: Repositories,
  filter: QueueFilter & { page: number },
  perPage: number,
): Promise<QueuePage> {
  const { page: asked, ...where } = filter;
  const first = await repos.reviewQueue.page(where, {
    offset: pageWindow(asked, perPage, Number.MAX_SAFE_INTEGER).offset,
    limit: perPage,
  });
  const window = pageWindow(asked, perPage, first.total);
  if (window.page === asked || first.total === 0) return { ...first, ...window };
  const last = await repos.reviewQueue.page(where, { offset: window.offset, limit: perPage });
  return { ...last, ...pageWindow(window.page, perPage, last.total) };
}

/** A version and the one before it, with what changed between them; undefined for a first version. */
export interface VersionComparison {
  before: VersionDetail;
  after: VersionDetail;
  changes: VersionChange[];
}

/** What the report's current version changed against the version before it. */
export async function compareWithPrevious(
  repos: Repositories,
  methodology: MethodologyBook,
  submissionId: number,
): Promise<VersionComparison | undefined> {
  const submission = await repos.submissions.getSubmission(submissionId);
  if (!submission?.currentVersionId) return undefined;
  const versions = await repos.submissions.listVersions(submissionId);
  const at = versions.findIndex((v) => v.id === submission.currentVersionId);
  const previous = at > 0 ? versions[at - 1] : undefined;
  if (!previous) return undefined;
  const [before, after] = await Promise.all([
    repos.submissions.getVersion(previous.id),
    repos.submissions.getVersion(submission.currentVersionId),
  ]);
  if (!before || !after) return undefined;
  const order = indicatorIdsOf(methodology.forPeriod(submission.periodKey));
  return { before, after, changes: diffVersions(before, after, order) };
}

/** The current version of a report with its points by the version in force for its period; undefined when there is none. */
export async function loadReview(
  repos: Repositories,
  methodology: MethodologyBook,
  submissionId: number,
  options: { variants?: Variants } = {},
): Promise<ReviewView | undefined> {
  const submission = await repos.submissions.getSubmission(submissionId);
  if (!submission?.currentVersionId) return undefined;
  const [body, version] = await Promise.all([
    repos.directory.getBody(submission.bodyId),
    repos.submissions.getVersion(submission.currentVersionId),
  ]);
  if (!body || !version) return undefined;
  const author = await repos.users.getUser(version.authorUserId);
  const score = scoreReport(methodology.forPeriod(submission.periodKey), {
    bodyKind: body.kind,
    p1Exempt: await isProject1Exempt(repos, body.id, submission.periodKey),
    kind: submission.kind,
    values: version.values as Partial<Record<string, IndicatorValue>>,
    variants: options.variants,
  });
  return { submission, body, version, author, score };
}

/** Every version (author, time) and every decision (reviewer, comment) of a report, oldest first. */
export async function loadHistory(
  repos: Repositories,
  submissionId: number,
): Promise<HistoryEntry[]> {
  const [versions, reviews] = await Promise.all([
    repos.submissions.listVersions(submissionId),
    repos.submissions.listReviews(submissionId),
  ]);
  const names = new Map<number, string>();
  const nameOf = async (userId: number) => {
    if (!names.has(userId))
      names.set(userId, (await repos.users.getUser(userId))?.name ?? `#${userId}`);
    return names.get(userId) as string;
  };
  const entries: HistoryEntry[] = [];
  // Each version, then the decisions on it: the order of events even if clocks disagree.
  for (const v of versions) {
    entries.push({
      type: "version",
      number: v.number,
      at: v.createdAt,
      author: await nameOf(v.authorUserId),
      late: v.late,
    });
    for (const r of reviews.filter((review) => review.versionId === v.id)) {
      entries.push({
        type: "decision",
        action: r.action,
        versionNumber: v.number,
        at: r.decidedAt,
        reviewer: await nameOf(r.reviewerUserId),
        comment: r.comment,
      });
    }
  }
  return entries;
}

/**
 * Accepts or returns a submitted report: records the decision (kept for ever), writes the audit
 * log, recomputes the body's points for that period, and names the author to notify.
 * A return needs a comment, so the reporter knows what to correct.
 */
export async function decideReview(
  repos: Repositories,
  methodology: MethodologyBook,
  input: {
    submissionId: number;
    reviewer: UserRecord;
    decision: "accepted" | "returned";
    comment?: string;
    now: Date;
    variants?: Variants;
  },
): Promise<DecideResult> {
  const comment = input.comment?.trim() || undefined;
  if (input.decision === "returned" && !comment) return { ok: false, reason: "commentRequired" };
  const result = await repos.submissions.setStatus(input.submissionId, {
    status: input.decision,
    reviewerUserId: input.reviewer.id,
    comment: comment ?? null,
    at: input.now,
  });
  if (!result.ok) return result;
  const { submission, review } = result;
  const body = await repos.directory.getBody(submission.bodyId);
  if (!body) return { ok: false, reason: "notFound" };
  const version = await repos.submissions.getVersion(review.versionId);
  await repos.audit.record({
    actorUserId: input.reviewer.id,
    action: input.decision === "accepted" ? "review.accept" : "review.return",
    target: `submission:${submission.id}`,
    details: {
      body: body.code,
      kind: submission.kind,
      period: submission.periodKey,
      version: version?.number ?? null,
      comment: comment ?? null,
    },
    at: input.now,
  });
  const score = await recomputeReportScores(
    repos,
    methodology,
    { bodyId: submission.bodyId, kind: submission.kind, periodKey: submission.periodKey },
    { variants: input.variants, now: input.now },
  );
  const author = version ? await repos.users.getUser(version.authorUserId) : undefined;
  // setStatus returns the row as read inside its transaction, already with the new status.
  return { ok: true, submission, body, author, total: score?.total };
}
