// How any report form is entered: who reports for which body, which period, a draft to continue
// or a report to correct. The entry open in a chat is noted in its session (the form, the body
// once chosen, and a number its buttons carry); each button says what it chooses, so each press
// is one step that reads what it needs afresh and checks the person again, with no conversation
// to replay. Once the draft is open, the form is open in the session (open-form.ts).
import { randomInt } from "node:crypto";
import type { MiddlewareFn } from "grammy";
import type { ReportDraft } from "../../domain/reports/draft.ts";
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
import type { BotContext } from "../context.ts";
import { hasRole, mayActForBody } from "../middleware/access.ts";
import {
  decodeEntryButton,
  offerCorrection,
  offerDraft,
  showBodies,
  showPeriods,
  stopped,
  tellClosed,
} from "./entry-screens.ts";
import { commandOf, keepsDialogOpen } from "./incoming.ts";
import { openForm } from "./open-form.ts";
import type { ReportForm } from "./run-step.ts";
import { formKeyboard, screenText } from "./screen.ts";

/** A report and period to choose, with what can be done with it. */
export type ReportChoice = PeriodChoice & { kind: ReportKind };

/** A report form's entry: the form and how its drafts are opened. */
export interface EntrySpec {
  /** The reports this entry opens, in the order offered. */
  kinds: readonly ReportKind[];
  maker: Role;
  form: ReportForm<unknown>;
  /** Opens the draft for the chosen period (saved, a correction's copy, or new). */
  open(ctx: BotContext, key: ReportKey, choice: ReportChoice): Promise<ReportDraft>;
}

/** What a report's entry starts with. */
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

/** The entry open in a chat: its form's prefix, the body once known, its buttons' number. */
export interface OpenEntry {
  form: string;
  bodyId?: number;
  nonce: number;
}

/** A new entry of the form, its buttons numbered apart from any earlier entry's. */
function newEntry(spec: EntrySpec, bodyId?: number): OpenEntry {
  return { form: spec.form.prefix, nonce: randomInt(1, 1_000_000), ...(bodyId ? { bodyId } : {}) };
}

/**
 * Starts a report's entry: checks the person, then asks for the body (admins), offers a draft
 * to continue or shows the periods open now.
 */
export async function startEntry(
  ctx: BotContext,
  spec: EntrySpec,
  args: EntryArgs = {},
): Promise<void> {
  ctx.session.entry = undefined;
  const reporter = await findReporter(ctx, spec.maker, args);
  if (reporter.ok === false) {
    await ctx.reply(ctx.t(dataKey(reporter.key), reporter.params));
    return;
  }
  if (reporter.ok === "pick") return showBodies(ctx, newEntry(spec), reporter.bodies, 0);
  return offerReport(ctx, spec, reporter.userId, reporter.bodyId, args.choosePeriod === true);
}

/**
 * Runs the step of the chat's open entry when it is this form's: its buttons choose, a command
 * (but /help) or another feature's button closes it and goes on to the bot (nothing was entered
 * yet), and anything else is asked again as a button.
 */
export function continueEntry(spec: EntrySpec): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const entry = ctx.session.entry;
    if (entry?.form !== spec.form.prefix) return next();
    const data = ctx.callbackQuery?.data;
    const button = data === undefined ? undefined : decodeEntryButton(data);
    if (button?.nonce === entry.nonce) {
      await ctx.answerCallbackQuery().catch(() => undefined);
      return entryStep(ctx, spec, entry, button.action);
    }
    // An earlier entry's button: it has expired, this entry stays open.
    if (button) return next();
    const command = ctx.message?.text === undefined ? undefined : commandOf(ctx.message.text);
    if (keepsDialogOpen(command)) return next();
    if (data !== undefined || command !== undefined) {
      ctx.session.entry = undefined;
      return next();
    }
    if (!ctx.message) return next();
    await ctx.reply(ctx.t("forms:entry.useButtons"));
  };
}

/** One press of the entry's buttons, the person checked again first. */
async function entryStep(
  ctx: BotContext,
  spec: EntrySpec,
  entry: OpenEntry,
  action: string,
): Promise<void> {
  if (action === "stop") return stopped(ctx);
  const [verb = "", kind = "", periodKey = ""] = action.split(":");
  if (verb === "page" || verb === "body") {
    const reporter = await findReporter(
      ctx,
      spec.maker,
      verb === "body" ? { bodyId: Number(kind) } : {},
    );
    if (reporter.ok === false) return refuse(ctx, reporter);
    if (reporter.ok === "pick") return showBodies(ctx, entry, reporter.bodies, Number(kind) || 0);
    return offerReport(ctx, spec, reporter.userId, reporter.bodyId, false);
  }
  const reporter = await findReporter(ctx, spec.maker, { bodyId: entry.bodyId ?? -1 });
  if (reporter.ok !== true) return refuse(ctx, reporter);
  const { userId, bodyId } = reporter;
  const { choices } = await choicesOf(ctx, spec, userId, bodyId, false);
  const chosen = choices.find((c) => c.kind === kind && c.periodKey === periodKey);
  if (verb === "restart") {
    await dropReportDraft(ctx.repos, { userId, bodyId, kind: kind as ReportKind, periodKey });
    return showPeriods(ctx, spec, entry, choices);
  }
  // A period no longer offered as it was (closed meanwhile, or reviewed): the periods as they are.
  if (!chosen || (verb === "correct" && chosen.mode !== "correct"))
    return showPeriods(ctx, spec, entry, choices);
  if (chosen.mode === "closed") return tellClosed(ctx, chosen, bodyId);
  // A draft continued is already the correction it was opened as.
  if (verb === "period" && chosen.mode === "correct") return offerCorrection(ctx, entry, chosen);
  await openChosen(ctx, spec, { userId, bodyId, kind: chosen.kind, periodKey }, chosen);
}

async function refuse(
  ctx: BotContext,
  reporter: Extract<Reporter, { ok: false }> | Extract<Reporter, { ok: "pick" }>,
): Promise<void> {
  ctx.session.entry = undefined;
  const key = reporter.ok === false ? reporter.key : "forms:entry.otherBody";
  const params = reporter.ok === false ? reporter.params : undefined;
  await ctx.reply(ctx.t(dataKey(key), params));
}

/** A body's report: the draft to continue when there is one (not after ⬅ Back), else the periods. */
async function offerReport(
  ctx: BotContext,
  spec: EntrySpec,
  userId: number,
  bodyId: number,
  choosePeriod: boolean,
): Promise<void> {
  const { choices, draft } = await choicesOf(ctx, spec, userId, bodyId, !choosePeriod);
  const entry = newEntry(spec, bodyId);
  if (draft) return offerDraft(ctx, entry, draft);
  return showPeriods(ctx, spec, entry, choices);
}

/** Opens the draft of the chosen period, shows its question, and opens the form in the session. */
async function openChosen(
  ctx: BotContext,
  spec: EntrySpec,
  key: ReportKey,
  choice: ReportChoice,
): Promise<void> {
  ctx.session.entry = undefined;
  const opened = await spec.open(ctx, key, choice);
  openForm(ctx, spec.form, key);
  await showScreen(ctx, spec.form, key, opened);
}

/** The body's periods to choose; with `withDraft`, also the draft to offer, if any. */
async function choicesOf(
  ctx: BotContext,
  spec: EntrySpec,
  userId: number,
  bodyId: number,
  withDraft: boolean,
) {
  const body = await ctx.repos.directory.getBody(bodyId);
  if (!body) return { choices: [] as ReportChoice[], draft: undefined };
  const env = { now: ctx.now(), zone: ctx.config.timeZone, methodology: ctx.methodology };
  const choices: ReportChoice[] = [];
  let draft: { kind: ReportKind; periodKey: string } | undefined;
  for (const kind of spec.kinds) {
    const listed = await listPeriodChoices(ctx.repos, body, kind, env);
    choices.push(...listed.map((c) => ({ ...c, kind })));
    const open = listed.filter((c) => c.mode !== "closed").map((c) => c.periodKey);
    const found =
      draft || !withDraft
        ? undefined
        : await findResumableDraft(ctx.repos, { userId, bodyId, kind }, open);
    if (found) draft = { kind, periodKey: found };
  }
  return { choices, draft };
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

/** Reloads and sends a draft's current screen (after /help, whose answer hid the question). */
export async function showDraft(
  ctx: BotContext,
  form: ReportForm<unknown>,
  key: ReportKey,
): Promise<void> {
  const draft = await loadReportDraft(ctx.repos, key);
  if (draft) await showScreen(ctx, form, key, draft);
}
