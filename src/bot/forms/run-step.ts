// One step of a report form, for every report: load the draft, check who answers, apply the
// answer, save, show the next question. It runs with the update's own context, so each step sees
// the person's account as it is now; the chat keeps only the draft's key (open-form.ts), however
// long the report gets.
import { formatMonth } from "../../domain/calendar/format.ts";
import type { FormAnswer, FormProblem } from "../../domain/forms/answer.ts";
import type { FormOutcome } from "../../domain/forms/outcome.ts";
import { isPeriodKey } from "../../domain/periods.ts";
import { type ReportDraft, readReportDraft } from "../../domain/reports/draft.ts";
import type { Role } from "../../domain/vocabulary.ts";
import { dataKey } from "../../i18n-keys.ts";
import { loadReportDraft, type ReportKey, saveReportDraft } from "../../services/reports.ts";
import type { BotContext } from "../context.ts";
import { hasRole, mayActForBody } from "../middleware/access.ts";
import { type Incoming, keepsDialogOpen, readIncoming } from "./incoming.ts";
import { formKeyboard, type Screen, screenText } from "./screen.ts";

/** What the open form does after a step. */
export type StepEnd =
  /** Wait for the next answer (rewind to the loop). */
  | "continue"
  /** Leave the update to the bot's other features; the form pauses, its draft kept. */
  | "halt"
  /** Leave the update to the bot's other features; the form stays open (/help). */
  | "pass"
  /** Back to choosing the period. */
  | "leave"
  /** The form is over (submitted, stopped, or no longer allowed). */
  | "end";

/** A report form: its rules (pure), its screens, and what submitting does. */
export interface ReportForm<Env> {
  /** Callback data prefix of its buttons ("mr"). */
  prefix: string;
  /** Who fills it in (admins may too). */
  maker: Role;
  /** What apply and render need besides the draft: built once a step, from the update. */
  env(ctx: BotContext, key: ReportKey, draft: ReportDraft): Env;
  apply(draft: ReportDraft, answer: FormAnswer, env: Env): FormOutcome;
  render(draft: ReportDraft, env: Env): Screen;
  /** Stores the report; the text to send when it is stored, or the problem to show on the draft. */
  submit(
    ctx: BotContext,
    key: ReportKey,
    draft: ReportDraft,
    env: Env,
  ): Promise<{ ok: true; text: string } | { ok: false; problem: FormProblem; end?: boolean }>;
}

/** Whether the person answering may fill in this report right now. */
export function mayFill(ctx: BotContext, key: ReportKey, maker: Role): boolean {
  const user = ctx.user;
  return (
    user !== undefined &&
    user.id === key.userId &&
    hasRole(user, [maker]) &&
    mayActForBody(user, key.bodyId)
  );
}

type Freshness = "fresh" | "redelivered" | "stale" | "unseen";

/**
 * Whether an answer is meant for the draft's current question. A redelivered update and a button
 * of an older screen are not; neither is a text typed before the bot said anything after the
 * answer applied last (its message id is the very next one): the question it would fall on was
 * never shown, so it is shown now instead.
 */
export function freshnessOf(draft: ReportDraft, incoming: Incoming, updateId: number): Freshness {
  if (draft.lastUpdateId === updateId) return "redelivered";
  if (incoming.kind !== "answer") return "fresh";
  if (incoming.revision !== undefined)
    return incoming.revision === draft.revision ? "fresh" : "stale";
  // Files add to a list and may arrive as an album of consecutive messages.
  if (incoming.answer.kind !== "text" || incoming.messageId === undefined) return "fresh";
  const last = draft.lastAnswerMessageId;
  return last !== null && incoming.messageId <= last + 1 ? "unseen" : "fresh";
}

/** Runs one step of a form for the update in `ctx`. */
export async function runFormStep<Env>(
  ctx: BotContext,
  form: ReportForm<Env>,
  key: ReportKey,
): Promise<StepEnd> {
  const incoming = readIncoming(ctx, form.prefix);
  if (incoming.kind === "elsewhere") return "halt";
  if (incoming.kind === "command") {
    if (keepsDialogOpen(incoming.command)) return "pass";
    if (incoming.command !== "cancel") return "halt";
    await say(ctx, ctx.t("forms:paused"));
    return "end";
  }
  if (!mayFill(ctx, key, form.maker)) {
    await acknowledge(ctx);
    await say(ctx, ctx.t(ctx.user ? "access.roleRequired" : "access.inviteRequired"));
    return "end";
  }
  const draft = prefetchedDraft(ctx, key) ?? (await loadReportDraft(ctx.repos, key));
  if (!draft) {
    await acknowledge(ctx, ctx.t("forms:staleButton"));
    await say(ctx, ctx.t("forms:gone"));
    return "end";
  }
  const env = form.env(ctx, key, draft);
  if (incoming.kind === "unreadable") {
    await show(ctx, form, draft, env, problemLine(ctx, { key: "forms:unreadable" }));
    return "continue";
  }
  const freshness = freshnessOf(draft, incoming, ctx.update.update_id);
  if (freshness !== "fresh") {
    await acknowledge(ctx, freshness === "stale" ? ctx.t("forms:staleButton") : undefined);
    const notice = freshness === "unseen" ? ctx.t("forms:resumed") : undefined;
    await show(ctx, form, draft, env, notice);
    return "continue";
  }
  await acknowledge(ctx);
  ctx.metrics.conversationStep(form.prefix);
  const outcome = form.apply(draft, incoming.answer, env);
  return finish(ctx, form, key, draft, env, outcome, incoming);
}

async function finish<Env>(
  ctx: BotContext,
  form: ReportForm<Env>,
  key: ReportKey,
  draft: ReportDraft,
  env: Env,
  outcome: FormOutcome,
  incoming: Extract<Incoming, { kind: "answer" }>,
): Promise<StepEnd> {
  switch (outcome.kind) {
    case "saved":
    case "refused": {
      const next: ReportDraft = {
        ...outcome.draft,
        lastUpdateId: ctx.update.update_id,
        lastAnswerMessageId: incoming.messageId ?? draft.lastAnswerMessageId,
      };
      // Saved before anything is sent: a crash after this resumes on the new question.
      await saveReportDraft(ctx.repos, key, next, ctx.now());
      const line =
        outcome.kind === "refused"
          ? problemLine(ctx, outcome.problem)
          : outcome.notice && ctx.t(dataKey(outcome.notice.key), outcome.notice.params);
      const inPlace = outcome.kind === "saved" && outcome.inPlace === true;
      await show(ctx, form, next, env, line || undefined, inPlace);
      return "continue";
    }
    case "stale":
      await show(ctx, form, draft, env);
      return "continue";
    case "leave":
      return "leave";
    case "pause":
      await say(ctx, ctx.t("forms:paused"));
      return "end";
    case "submit": {
      const result = await form.submit(ctx, key, outcome.draft, env);
      if (result.ok) {
        await say(ctx, result.text);
        return "end";
      }
      if (result.end) {
        await say(ctx, ctx.t(dataKey(result.problem.key), result.problem.params));
        return "end";
      }
      await show(ctx, form, draft, env, problemLine(ctx, result.problem));
      return "continue";
    }
  }
}

/** The draft the update's first statement read, when it is this form's (a step needs no query for it). */
function prefetchedDraft(ctx: BotContext, key: ReportKey): ReportDraft | undefined {
  const d = ctx.prefetched?.draft;
  if (!d || d.userId !== key.userId || d.bodyId !== key.bodyId) return undefined;
  if (d.kind !== key.kind || d.periodKey !== key.periodKey) return undefined;
  return readReportDraft(d.document);
}

/** "❗ Это не дата: …." — the problem's message as one line, first letter capitalised. */
export function problemLine(ctx: Pick<BotContext, "t" | "lang">, problem: FormProblem): string {
  const params: Record<string, unknown> = { ...problem.params };
  // The domain names months by key; people read them in words.
  if (typeof params.month === "string" && isPeriodKey(params.month, "month"))
    params.month = formatMonth(params.month, ctx.lang);
  // A nested key names the reason of a refused line ("badLines"): translate it in place.
  if (typeof params.reason === "string") params.reason = ctx.t(dataKey(params.reason), params);
  const text = ctx.t(dataKey(problem.key), params);
  return ctx.t("forms:problem", { problem: text.charAt(0).toLocaleUpperCase() + text.slice(1) });
}

/**
 * Sends the draft's current screen, or updates the pressed one in place (a tick, a page); a
 * failed send is logged, not thrown (the draft is saved).
 */
async function show<Env>(
  ctx: BotContext,
  form: ReportForm<Env>,
  draft: ReportDraft,
  env: Env,
  before?: string,
  inPlace = false,
): Promise<void> {
  const screen = form.render(draft, env);
  const text = screenText(screen, before);
  const reply_markup = formKeyboard(form.prefix, draft.revision, screen);
  if (inPlace && ctx.callbackQuery?.message) {
    const edited = await ctx.editMessageText(text, { reply_markup }).then(
      () => true,
      () => false,
    );
    if (edited) return;
  }
  try {
    await ctx.reply(text, { reply_markup });
  } catch (error) {
    // The next text resumes on this question, saying so (its message id shows nothing came).
    ctx.metrics.errorCaught("feature");
    ctx.logger.warn({ err: error }, "a form's question could not be sent");
  }
}

async function say(ctx: BotContext, text: string): Promise<void> {
  try {
    await ctx.reply(text);
  } catch (error) {
    ctx.logger.warn({ err: error }, "a form's message could not be sent");
  }
}

async function acknowledge(ctx: BotContext, text?: string): Promise<void> {
  if (!ctx.callbackQuery) return;
  await ctx.answerCallbackQuery(text ? { text } : {}).catch(() => undefined);
}
