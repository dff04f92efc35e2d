// The conversation's database work; each runs inside conversation.external and returns plain JSON.
import type { Json } from "../../../db/repositories/index.ts";
import {
  listMonthChoices,
  type MonthChoice,
  reportOfVersion,
  submitMonthlyReport,
} from "../../../services/monthly-report.ts";
import type { BotContext } from "../../context.ts";
import { hasRole, mayActForBody } from "../../middleware/access.ts";
import { draftToReport, emptyDraft, type MonthlyDraft, readDraft } from "./draft.ts";
import { isReportItem } from "./evidence.ts";

/** Whose report, for which body; or why not, or (admins) which bodies to pick from. */
export type Reporter =
  | { ok: true; userId: number; bodyId: number }
  | { ok: false; key: string; params?: Record<string, string> }
  | { ok: "pick"; userId: number; bodies: { id: number; name: string }[] };

/** Checks role and body: commissioners report for their own body only, admins for any. */
export async function findReporter(
  ctx: BotContext,
  bodyCode: string | undefined,
): Promise<Reporter> {
  const user = ctx.user;
  if (!hasRole(user, ["commissioner"])) {
    return { ok: false, key: user ? "access.roleRequired" : "access.inviteRequired" };
  }
  if (bodyCode) {
    const body = await ctx.repos.directory.getBodyByCode(bodyCode);
    if (!body)
      return { ok: false, key: "monthly-report:entry.unknownBody", params: { code: bodyCode } };
    if (!mayActForBody(user, body.id)) return { ok: false, key: "monthly-report:entry.otherBody" };
    return { ok: true, userId: user.id, bodyId: body.id };
  }
  if (user.role === "admin") {
    const bodies = await ctx.repos.directory.listBodies();
    const name = (b: (typeof bodies)[number]) => (ctx.lang === "kk" ? b.nameKk : b.nameRu);
    return {
      ok: "pick",
      userId: user.id,
      bodies: bodies.map((b) => ({ id: b.id, name: name(b) })),
    };
  }
  if (user.bodyId === null) return { ok: false, key: "monthly-report:entry.noBody" };
  return { ok: true, userId: user.id, bodyId: user.bodyId };
}

export interface Entry {
  choices: MonthChoice[];
  /** The unfinished draft to offer, unless the person came back to change the month. */
  draftMonth: string | null;
}

const draftKey = (userId: number, bodyId: number, month: string) => ({
  userId,
  bodyId,
  kind: "monthly" as const,
  periodKey: month,
});

/** The months open now and the most recent draft among them. */
export async function loadEntry(ctx: BotContext, userId: number, bodyId: number): Promise<Entry> {
  const clock = { now: ctx.now(), zone: ctx.config.timeZone };
  const choices = await listMonthChoices(ctx.repos, bodyId, clock);
  const askMonth = ctx.session.monthlyReportAskMonth === true;
  delete ctx.session.monthlyReportAskMonth;
  const open = new Set(choices.filter((c) => c.mode !== "closed").map((c) => c.month));
  const drafts = await ctx.repos.drafts.listDrafts(userId);
  const draft = drafts.find(
    (d) => d.kind === "monthly" && d.bodyId === bodyId && open.has(d.periodKey),
  );
  return { choices, draftMonth: askMonth ? null : (draft?.periodKey ?? null) };
}

/** Makes the draft a month's form continues from: the saved one, a copy of the submitted report, or a new one. */
export async function openDraft(
  ctx: BotContext,
  userId: number,
  bodyId: number,
  choice: MonthChoice,
): Promise<void> {
  const key = draftKey(userId, bodyId, choice.month);
  const saved = await ctx.repos.drafts.getDraft(key);
  if (saved && readDraft(saved.document)) return;
  let draft = emptyDraft(choice.month);
  const current =
    choice.mode === "correct"
      ? await ctx.repos.submissions.getCurrent(bodyId, "monthly", choice.month)
      : undefined;
  if (current?.version) {
    const { report, files } = reportOfVersion(choice.month, current.version);
    draft = {
      ...draft,
      baseVersion: current.version.number,
      explanatoryEvents: report.explanatoryEvents,
      preventiveCount: report.preventiveTalks.length,
      preventiveTalks: report.preventiveTalks,
      propagandaEvents: report.propagandaEvents,
      published: report.propagandaEvents.length > 0 ? report.published : null,
      links: report.links,
      views: report.published ? report.views : null,
      evidence: files.flatMap(({ item, ...f }) => (isReportItem(item) ? [{ ...f, item }] : [])),
      // The person has seen every answer once: after any section, back to the summary.
      step: { at: "summary" },
      toSummary: true,
    };
  }
  await ctx.repos.drafts.saveDraft(key, draft as unknown as Json, ctx.now());
}

/** Drops a draft ("Start over"). */
export async function dropDraft(
  ctx: BotContext,
  userId: number,
  bodyId: number,
  month: string,
): Promise<void> {
  await ctx.repos.drafts.deleteDraft(draftKey(userId, bodyId, month));
}

/** The draft as saved, and whether a report made now would be late. */
export async function loadDraft(
  ctx: BotContext,
  userId: number,
  bodyId: number,
  month: string,
): Promise<{ draft: MonthlyDraft | null; late: boolean }> {
  const saved = await ctx.repos.drafts.getDraft(draftKey(userId, bodyId, month));
  const clock = { now: ctx.now(), zone: ctx.config.timeZone };
  const choice = (await listMonthChoices(ctx.repos, bodyId, clock)).find((c) => c.month === month);
  return { draft: (saved && readDraft(saved.document)) ?? null, late: choice?.late ?? true };
}

export async function saveDraft(
  ctx: BotContext,
  userId: number,
  bodyId: number,
  draft: MonthlyDraft,
): Promise<void> {
  await ctx.repos.drafts.saveDraft(
    draftKey(userId, bodyId, draft.month),
    draft as unknown as Json,
    ctx.now(),
  );
}

export type SubmitOutcome =
  | { ok: true; version: number; late: boolean; total: number }
  | { ok: false; reason: "alreadySubmitted"; version: number }
  | { ok: false; reason: "closed"; version: number; dueAt: string }
  | { ok: false; reason: "invalid"; problems: string[] }
  | { ok: false; reason: "notAllowed" };

/**
 * Submits the draft once: a second press of Submit finds no draft of that revision (submitting
 * drops it) and reports the version already stored instead of storing another.
 */
export async function submitDraft(
  ctx: BotContext,
  userId: number,
  bodyId: number,
  draft: MonthlyDraft,
): Promise<SubmitOutcome> {
  if (!mayActForBody(ctx.user, bodyId) || ctx.user?.id !== userId)
    return { ok: false, reason: "notAllowed" };
  const saved = await ctx.repos.drafts.getDraft(draftKey(userId, bodyId, draft.month));
  const current = await ctx.repos.submissions.getCurrent(bodyId, "monthly", draft.month);
  if (readDraft(saved?.document)?.revision !== draft.revision) {
    return { ok: false, reason: "alreadySubmitted", version: current?.version?.number ?? 0 };
  }
  const result = await submitMonthlyReport(ctx.repos, ctx.methodology, {
    bodyId,
    authorUserId: userId,
    report: draftToReport(draft),
    files: draft.evidence,
    variants: ctx.config.methodologyVariants,
    now: ctx.now(),
    zone: ctx.config.timeZone,
  });
  if (result.ok || result.reason === "invalid") return result;
  return {
    ok: false,
    reason: "closed",
    version: current?.version?.number ?? 0,
    dueAt: result.dueAt,
  };
}
