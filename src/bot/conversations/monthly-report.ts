import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { formatDateTime } from "../../domain/calendar/format.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { MonthChoice } from "../../services/monthly-report.ts";
import type { BotContext, ConversationContext, Translate } from "../context.ts";
import { type Answer, answerOf, BUTTON_PREFIX } from "./monthly-report-steps/answers.ts";
import { applyAnswer, type Problem } from "./monthly-report-steps/apply-answer.ts";
import {
  dropDraft,
  findReporter,
  loadDraft,
  loadEntry,
  openDraft,
  saveDraft,
  submitDraft,
} from "./monthly-report-steps/entry.ts";
import { capitalise, formatMonth, tr } from "./monthly-report-steps/format.ts";
import { type Button, type Prompt, renderPrompt } from "./monthly-report-steps/prompts.ts";
import { renderConfirmation } from "./monthly-report-steps/summary.ts";

/** The conversation's id for ctx.conversation.enter. */
export const MONTHLY_REPORT_CONVERSATION = "monthly-report";

/** What /report passes in: an optional body code (admins, or a commissioner naming their own). */
export interface MonthlyReportArgs {
  bodyCode?: string;
}

type MonthlyConversation = Conversation<BotContext, ConversationContext>;

const BODIES_PER_PAGE = 8;
// Telegram refuses longer messages; a summary of a hundred events is cut rather than lost.
const MAX_MESSAGE_LENGTH = 4000;

function keyboardOf(rows: Button[][]): InlineKeyboard {
  return InlineKeyboard.from(
    rows.map((row) => row.map((b) => InlineKeyboard.text(b.text, BUTTON_PREFIX + b.data))),
  );
}

async function send(ctx: ConversationContext, prompt: Prompt, before?: string): Promise<void> {
  let text = before ? `${before}\n\n${prompt.text}` : prompt.text;
  text = truncateGraphemes(text, MAX_MESSAGE_LENGTH);
  await ctx.reply(text, { reply_markup: keyboardOf(prompt.buttons) });
}

/** "❗ Это не дата: …." with the month in words where the message names it. */
export function problemText(t: Translate, problem: Problem): string {
  const params: Record<string, unknown> = { ...problem.params };
  if (typeof params.month === "string") params.month = formatMonth(t, params.month);
  return tr(t, "problems.wrong", { problem: capitalise(t(problem.key, params)) });
}

/** Waits for a button of this conversation; stops on /cancel and lets other commands through. */
async function waitButton(
  conversation: MonthlyConversation,
  reminder: Prompt,
): Promise<string | null> {
  for (;;) {
    const ctx = await conversation.wait();
    const answer: Answer = answerOf(ctx);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (answer.kind === "button" && answer.data !== "cancel") return answer.data;
    if ((answer.kind === "button" && answer.data === "cancel") || isCancel(answer)) {
      await ctx.reply(tr(ctx.t, "entry.cancelled"));
      return null;
    }
    if (answer.kind === "command") await conversation.halt({ next: true });
    await send(ctx, reminder, problemText(ctx.t, { key: "monthly-report:problems.useButtons" }));
  }
}

const isCancel = (answer: Answer) => answer.kind === "command" && answer.command === "cancel";

function monthLabel(t: Translate, c: MonthChoice): string {
  const month = formatMonth(t, c.month);
  if (c.mode === "closed") return tr(t, "entry.monthClosed", { month });
  if (c.mode === "correct") return tr(t, "entry.monthCorrect", { month });
  return c.late ? tr(t, "entry.monthLate", { month }) : month;
}

function localTime(iso: string, zone: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? "" : formatDateTime(at, zone);
}

async function pickBody(
  conversation: MonthlyConversation,
  ctx: ConversationContext,
  bodies: { id: number; name: string }[],
): Promise<number | null> {
  if (bodies.length === 0) {
    await ctx.reply(tr(ctx.t, "entry.noBodies"));
    return null;
  }
  let page = 0;
  for (;;) {
    const shown = bodies.slice(page * BODIES_PER_PAGE, (page + 1) * BODIES_PER_PAGE);
    const rows: Button[][] = shown.map((b) => [{ text: b.name, data: `body:${b.id}` }]);
    const nav: Button[] = [];
    if (page > 0) nav.push({ text: tr(ctx.t, "buttons.previous"), data: `page:${page - 1}` });
    if ((page + 1) * BODIES_PER_PAGE < bodies.length)
      nav.push({ text: tr(ctx.t, "buttons.following"), data: `page:${page + 1}` });
    const prompt = {
      text: tr(ctx.t, "entry.pickBody"),
      buttons: [...rows, nav, [cancelButton(ctx.t)]],
    };
    await send(ctx, prompt);
    const data = await waitButton(conversation, prompt);
    if (data === null) return null;
    if (data.startsWith("page:")) page = Number(data.slice(5));
    else if (data.startsWith("body:")) return Number(data.slice(5));
  }
}

const cancelButton = (t: Translate): Button => ({ text: tr(t, "buttons.cancel"), data: "cancel" });

/** Which month to report, continuing or starting over a draft; null when the person stops. */
async function chooseMonth(
  conversation: MonthlyConversation,
  ctx: ConversationContext,
  userId: number,
  bodyId: number,
): Promise<string | null> {
  const t = ctx.t;
  const entry = await conversation.external((o) => loadEntry(o, userId, bodyId));
  if (entry.draftMonth) {
    const month = entry.draftMonth;
    const prompt = {
      text: tr(t, "entry.draftFound", { month: formatMonth(t, month) }),
      buttons: [
        [{ text: tr(t, "buttons.continue"), data: "continue" }],
        [{ text: tr(t, "buttons.restart"), data: "restart" }],
        [cancelButton(t)],
      ],
    };
    await send(ctx, prompt);
    const data = await waitButton(conversation, prompt);
    if (data === null) return null;
    if (data === "continue") return month;
    await conversation.external((o) => dropDraft(o, userId, bodyId, month));
  }
  const prompt = {
    text: tr(t, "entry.chooseMonth"),
    buttons: [
      ...entry.choices.map((c) => [{ text: monthLabel(t, c), data: `month:${c.month}` }]),
      [cancelButton(t)],
    ],
  };
  await send(ctx, prompt);
  for (;;) {
    const data = await waitButton(conversation, prompt);
    if (data === null) return null;
    const choice = entry.choices.find((c) => `month:${c.month}` === data);
    if (!choice) continue;
    const zone = ctx.config.timeZone;
    const params = {
      month: formatMonth(t, choice.month),
      version: choice.submitted?.version ?? 0,
      due: localTime(choice.dueAt, zone),
    };
    if (choice.mode === "closed") {
      await ctx.reply(tr(t, "entry.closed", params));
      return null;
    }
    if (choice.mode === "correct") {
      const returned = choice.submitted?.status === "returned";
      const offer = {
        text: tr(t, returned ? "entry.correctReturned" : "entry.correctOffer", params),
        buttons: [[{ text: tr(t, "buttons.correct"), data: "correct" }], [cancelButton(t)]],
      };
      await send(ctx, offer);
      if ((await waitButton(conversation, offer)) !== "correct") return null;
    }
    await conversation.external((o) => openDraft(o, userId, bodyId, choice));
    return choice.month;
  }
}

/**
 * The ethics commissioner's monthly report, one question at a time. The draft in the database is
 * the state: each answer is applied to it and saved, then the conversation rewinds to the loop's
 * checkpoint so its replay log stays one answer long however long the report gets.
 */
export async function monthlyReportConversation(
  conversation: MonthlyConversation,
  ctx: ConversationContext,
  args?: MonthlyReportArgs,
): Promise<void> {
  const reporter = await conversation.external((o) => findReporter(o, args?.bodyCode));
  if (reporter.ok === false) {
    await ctx.reply(ctx.t(reporter.key, reporter.params));
    return;
  }
  const { userId } = reporter;
  const bodyId =
    reporter.ok === "pick" ? await pickBody(conversation, ctx, reporter.bodies) : reporter.bodyId;
  if (bodyId === null) return;

  const monthCheckpoint = conversation.checkpoint();
  const month = await chooseMonth(conversation, ctx, userId, bodyId);
  if (month === null) return;
  const variants = ctx.config.methodologyVariants;
  const methodology = ctx.methodology;
  const first = await conversation.external((o) => loadDraft(o, userId, bodyId, month));
  if (!first.draft) return;
  await send(
    ctx,
    renderPrompt(ctx.t, first.draft, { late: first.late, bodyId, variants, methodology }),
  );

  const loop = conversation.checkpoint();
  const { draft, late } = await conversation.external((o) => loadDraft(o, userId, bodyId, month));
  const next = await conversation.wait();
  await conversation.external((o) => o.metrics.conversationStep("monthly-report"));
  const t = next.t;
  const answer = answerOf(next);
  if (!draft) {
    await next.reply(tr(t, "entry.staleButton"));
    return;
  }
  const cancelled = isCancel(answer) || (answer.kind === "button" && answer.data === "cancel");
  if (answer.kind === "command" && !cancelled) await conversation.halt({ next: true });
  const outcome = cancelled ? undefined : applyAnswer(draft, answer);
  if (next.callbackQuery) {
    const text = outcome?.kind === "stale" ? tr(t, "entry.staleButton") : undefined;
    await next.answerCallbackQuery(text ? { text } : {}).catch(() => undefined);
  }
  if (!outcome) {
    await next.reply(tr(t, "entry.cancelled"));
    return;
  }
  const prompt = (d: typeof draft) => renderPrompt(t, d, { late, bodyId, variants, methodology });
  switch (outcome.kind) {
    case "stale":
      return conversation.rewind(loop);
    case "backToMonth":
      await conversation.external((o) => {
        o.session.monthlyReportAskMonth = true;
      });
      return conversation.rewind(monthCheckpoint);
    case "next":
    case "problem": {
      await conversation.external((o) => saveDraft(o, userId, bodyId, outcome.draft));
      const before =
        outcome.kind === "problem"
          ? problemText(t, outcome.problem)
          : outcome.notice && t(outcome.notice.key, outcome.notice.params);
      await send(next, prompt(outcome.draft), before || undefined);
      return conversation.rewind(loop);
    }
    case "submit": {
      const result = await conversation.external((o) =>
        submitDraft(o, userId, bodyId, outcome.draft),
      );
      if (result.ok) {
        await next.reply(renderConfirmation(t, { month, ...result }));
        return;
      }
      if (result.reason === "invalid") {
        const problem = {
          key: "monthly-report:problems.notValid",
          params: { problems: result.problems.join(", ") },
        };
        await send(next, prompt(draft), problemText(t, problem));
        return conversation.rewind(loop);
      }
      if (result.reason === "notAllowed") {
        await next.reply(tr(t, "entry.otherBody"));
        return;
      }
      const due = result.reason === "closed" ? localTime(result.dueAt, ctx.config.timeZone) : "";
      const params = { month: formatMonth(t, month), version: result.version, due };
      const key = result.reason === "closed" ? "entry.closed" : "entry.alreadySubmitted";
      await next.reply(tr(t, key, params));
      return;
    }
  }
}
