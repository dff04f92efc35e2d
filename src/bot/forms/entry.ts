// How any report form is entered: who reports for which body, which period, a draft to continue
// or a report to correct. Before a draft exists nothing can be lost, so these steps are plain
// conversation waits; once the draft is open, the form is open in the session (open-form.ts) and
// every answer goes through the draft alone.
import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { formatDateTime, formatPeriodLabel } from "../../domain/calendar/format.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { ReportKind, Role } from "../../domain/vocabulary.ts";
import { dataKey } from "../../i18n-keys.ts";
import {
  dropReportDraft,
  findResumableDraft,
  listPeriodChoices,
  loadReportDraft,
  type PeriodChoice,
  type ReportKey,
} from "../../services/reports.ts";
import type { BotContext, ConversationContext, Translate } from "../context.ts";
import { hasRole, mayActForBody } from "../middleware/access.ts";
import { reportViewButtons } from "../report-view-buttons.ts";
import { openForm } from "./open-form.ts";
import type { ReportForm } from "./run-step.ts";
import { formKeyboard, screenText } from "./screen.ts";

type FormConversation = Conversation<BotContext, ConversationContext>;

/** Callback data prefix of the entry's buttons. */
export const ENTRY_PREFIX = "re";
const BODIES_PER_PAGE = 8;

/** A report and period to choose, with what can be done with it. */
export type ReportChoice = PeriodChoice & { kind: ReportKind };

/** What a report conversation enters with: the form and how its drafts are opened. */
export interface EntrySpec {
  /** The reports this conversation fills in, in the order offered. */
  kinds: readonly ReportKind[];
  maker: Role;
  form: ReportForm<unknown>;
  /** Opens the draft for the chosen period (saved, a correction's copy, or new). */
  open(ctx: BotContext, key: ReportKey, choice: ReportChoice): Promise<ReportDraft>;
}

/** What a report conversation is entered with. */
export interface EntryArgs {
  /** A body by its code (/report CODE): admins skip choosing, a maker may name their own. */
  bodyCode?: string;
  /** A body already chosen (⬅ Back from the form's first question): straight to its periods. */
  bodyId?: number;
  /** The periods, not the offer of the draft just left (⬅ Back): choosing its period continues it. */
  choosePeriod?: boolean;
}

type Reporter =
  | { ok: false; key: string; params?: Record<string, string> }
  | { ok: "pick"; userId: number; bodies: { id: number; name: string }[] }
  | { ok: true; userId: number; bodyId: number };

/** Checks role and body: makers report for their own body only, admins for any they choose. */
async function findReporter(ctx: BotContext, maker: Role, args: EntryArgs): Promise<Reporter> {
  const user = ctx.user;
  if (!hasRole(user, [maker]))
    return { ok: false, key: user ? "access.roleRequired" : "access.inviteRequired" };
  const { bodyCode, bodyId } = args;
  if (bodyId !== undefined) {
    if (!mayActForBody(user, bodyId)) return { ok: false, key: "forms:entry.otherBody" };
    return { ok: true, userId: user.id, bodyId };
  }
  if (bodyCode) {
    const body = await ctx.repos.directory.getBodyByCode(bodyCode);
    if (!body) return { ok: false, key: "forms:entry.unknownBody", params: { code: bodyCode } };
    if (!mayActForBody(user, body.id)) return { ok: false, key: "forms:entry.otherBody" };
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
  if (user.bodyId === null) return { ok: false, key: "forms:entry.noBody" };
  return { ok: true, userId: user.id, bodyId: user.bodyId };
}

/**
 * Waits for a button of the entry (its action), letting commands and other features' buttons go
 * on to the bot (the conversation ends; nothing was entered yet), and asking again on text.
 */
async function waitChoice(
  conversation: FormConversation,
  ctx: ConversationContext,
): Promise<string> {
  for (;;) {
    const update = await conversation.wait();
    const data = update.callbackQuery?.data;
    if (data?.startsWith(`${ENTRY_PREFIX}:`)) {
      await update.answerCallbackQuery().catch(() => undefined);
      return data.slice(ENTRY_PREFIX.length + 1);
    }
    if (data !== undefined || update.message?.text?.startsWith("/"))
      await conversation.halt({ next: true });
    await update.reply(ctx.t("forms:entry.useButtons"));
  }
}

const entryButton = (text: string, action: string) =>
  InlineKeyboard.text(text, `${ENTRY_PREFIX}:${action}`);

async function pickBody(
  conversation: FormConversation,
  ctx: ConversationContext,
  bodies: { id: number; name: string }[],
): Promise<number | null> {
  if (bodies.length === 0) {
    await ctx.reply(ctx.t("forms:entry.noBodies"));
    return null;
  }
  let page = 0;
  for (;;) {
    const shown = bodies.slice(page * BODIES_PER_PAGE, (page + 1) * BODIES_PER_PAGE);
    const rows = shown.map((b) => [entryButton(truncateGraphemes(b.name, 48), `body:${b.id}`)]);
    const nav = [];
    if (page > 0) nav.push(entryButton(ctx.t("forms:buttons.previousPage"), `page:${page - 1}`));
    if ((page + 1) * BODIES_PER_PAGE < bodies.length)
      nav.push(entryButton(ctx.t("forms:buttons.nextPage"), `page:${page + 1}`));
    // No row for the pages when they all fit: an empty row is a gap on the phone.
    const keyboard = InlineKeyboard.from([
      ...rows,
      ...(nav.length > 0 ? [nav] : []),
      [entryButton(ctx.t("forms:buttons.stop"), "stop")],
    ]);
    await ctx.reply(ctx.t("forms:entry.pickBody"), { reply_markup: keyboard });
    const action = await waitChoice(conversation, ctx);
    if (action === "stop") return stopped(ctx);
    if (action.startsWith("page:")) page = Math.max(0, Number(action.slice(5)) || 0);
    else if (action.startsWith("body:") && bodies.some((b) => `body:${b.id}` === action))
      return Number(action.slice(5));
  }
}

async function stopped(ctx: ConversationContext): Promise<null> {
  await ctx.reply(ctx.t("forms:entry.stopped"));
  return null;
}

/** The period's button: "октябрь 2026 — срок 05.11.2026, 18:00", "— с опозданием", "— отправлен". */
export function choiceLabel(
  t: Translate,
  lang: "kk" | "ru",
  zone: string,
  c: ReportChoice,
  many: boolean,
): string {
  const period = formatPeriodLabel(c.periodKey, lang);
  const named = many ? `${t(`forms:reports.${c.kind}`)}: ${period}` : period;
  const due = formatDateTime(new Date(c.dueAt), zone);
  if (c.mode === "closed") return t("forms:entry.periodClosed", { period: named });
  if (c.mode === "correct" && c.submitted?.status === "returned")
    return t("forms:entry.periodReturned", { period: named });
  if (c.mode === "correct") return t("forms:entry.periodCorrect", { period: named, due });
  return c.late
    ? t("forms:entry.periodLate", { period: named })
    : t("forms:entry.periodDue", { period: named, due });
}

async function choicesOf(ctx: BotContext, spec: EntrySpec, userId: number, bodyId: number) {
  const body = await ctx.repos.directory.getBody(bodyId);
  if (!body) return { choices: [] as ReportChoice[], draft: undefined };
  const env = { now: ctx.now(), zone: ctx.config.timeZone, methodology: ctx.methodology };
  const choices: ReportChoice[] = [];
  let draft: { kind: ReportKind; periodKey: string } | undefined;
  for (const kind of spec.kinds) {
    const listed = await listPeriodChoices(ctx.repos, body, kind, env);
    choices.push(...listed.map((c) => ({ ...c, kind })));
    const open = listed.filter((c) => c.mode !== "closed").map((c) => c.periodKey);
    const found = draft
      ? undefined
      : await findResumableDraft(ctx.repos, { userId, bodyId, kind }, open);
    if (found) draft = { kind, periodKey: found };
  }
  return { choices, draft };
}

/**
 * Enters a report form: checks the person, picks the body (admins), offers a draft to continue
 * or the periods open now, opens the draft and shows its question, and opens the form in the
 * session; the draft's key, or null when the person stops or may not.
 */
export async function enterReportForm(
  conversation: FormConversation,
  ctx: ConversationContext,
  spec: EntrySpec,
  args: EntryArgs = {},
): Promise<ReportKey | null> {
  const reporter = await conversation.external((o) => findReporter(o, spec.maker, args));
  if (reporter.ok === false) {
    await ctx.reply(ctx.t(dataKey(reporter.key), reporter.params));
    return null;
  }
  const bodyId =
    reporter.ok === "pick" ? await pickBody(conversation, ctx, reporter.bodies) : reporter.bodyId;
  if (bodyId === null) return null;
  const { userId } = reporter;
  const { choices, draft } = await conversation.external((o) => choicesOf(o, spec, userId, bodyId));
  const t = ctx.t;
  const lang = ctx.lang === "kk" ? "kk" : "ru";
  const zone = ctx.config.timeZone;
  const many = spec.kinds.length > 1;
  let chosen: ReportChoice | undefined;
  if (draft && !args.choosePeriod) {
    const period = formatPeriodLabel(draft.periodKey, lang);
    const keyboard = InlineKeyboard.from([
      [entryButton(t("forms:buttons.continue"), "continue")],
      [entryButton(t("forms:buttons.restart"), "restart")],
      [entryButton(t("forms:buttons.stop"), "stop")],
    ]);
    await ctx.reply(
      t("forms:entry.draftFound", { report: t(`forms:reports.${draft.kind}`), period }),
      {
        reply_markup: keyboard,
      },
    );
    const action = await waitChoice(conversation, ctx);
    if (action === "stop") return stopped(ctx);
    const key = { userId, bodyId, kind: draft.kind, periodKey: draft.periodKey };
    if (action === "continue")
      chosen = choices.find((c) => c.kind === draft.kind && c.periodKey === draft.periodKey);
    else await conversation.external((o) => dropReportDraft(o.repos, key));
  }
  if (!chosen) {
    if (choices.length === 0) {
      await ctx.reply(t("forms:entry.noPeriods"));
      return null;
    }
    const keyboard = InlineKeyboard.from([
      ...choices.map((c, i) => [entryButton(choiceLabel(t, lang, zone, c, many), `period:${i}`)]),
      [entryButton(t("forms:buttons.stop"), "stop")],
    ]);
    const report = many
      ? t("forms:reports.indicators")
      : t(`forms:reports.${spec.kinds[0] ?? "monthly"}`);
    await ctx.reply(t("forms:entry.choosePeriod", { report }), { reply_markup: keyboard });
    for (;;) {
      const action = await waitChoice(conversation, ctx);
      if (action === "stop") return stopped(ctx);
      chosen = choices[Number(action.slice("period:".length))];
      if (action.startsWith("period:") && chosen) break;
    }
    const params = {
      period: formatPeriodLabel(chosen.periodKey, lang),
      version: chosen.submitted?.version ?? 0,
      due: formatDateTime(new Date(chosen.dueAt), zone),
    };
    if (chosen.mode === "closed") {
      const keyboard = InlineKeyboard.from([
        [
          InlineKeyboard.text(
            t("forms:buttons.view"),
            reportViewButtons.data(chosen.kind, chosen.periodKey, bodyId, 0),
          ),
        ],
      ]);
      await ctx.reply(t("forms:entry.closed", params), { reply_markup: keyboard });
      return null;
    }
    if (chosen.mode === "correct") {
      const returned = chosen.submitted?.status === "returned";
      const keyboard = InlineKeyboard.from([
        [entryButton(t("forms:buttons.correct"), "correct")],
        [entryButton(t("forms:buttons.stop"), "stop")],
      ]);
      await ctx.reply(
        t(returned ? "forms:entry.correctReturned" : "forms:entry.correctOffer", params),
        { reply_markup: keyboard },
      );
      if ((await waitChoice(conversation, ctx)) !== "correct") return stopped(ctx);
    }
  }
  const choice = chosen;
  const key: ReportKey = { userId, bodyId, kind: choice.kind, periodKey: choice.periodKey };
  await conversation.external(async (o) => {
    const opened = await spec.open(o, key, choice);
    openForm(o, spec.form, key);
    await showScreen(o, spec.form, key, opened);
  });
  return key;
}

/** Sends a draft's current screen. */
export async function showScreen(
  ctx: BotContext,
  form: ReportForm<unknown>,
  key: ReportKey,
  draft: ReportDraft,
): Promise<void> {
  const screen = form.render(draft, form.env(ctx, key, draft));
  await ctx.reply(screenText(screen), {
    reply_markup: formKeyboard(form.prefix, draft.revision, screen),
  });
}

/** Reloads and shows the draft of a key (after an entry step elsewhere). */
export async function showDraft(
  ctx: BotContext,
  form: ReportForm<unknown>,
  key: ReportKey,
): Promise<void> {
  const draft = await loadReportDraft(ctx.repos, key);
  if (draft) await showScreen(ctx, form, key, draft);
}
