// A report form whose entry is done is open in the chat's session, as its entry was before it
// (entry.ts): each answer runs one step against the draft (run-step.ts) with nothing to replay.
import type { MiddlewareFn } from "grammy";
import type { ReportKey } from "../../services/reports.ts";
import type { BotContext } from "../context.ts";
import { type EntrySpec, showDraft, startEntry } from "./entry.ts";
import { type ReportForm, runFormStep } from "./run-step.ts";

/** The form open in a chat: its buttons' prefix and the draft it fills in. */
export interface OpenForm {
  prefix: string;
  key: ReportKey;
}

/** Notes the form as open in the chat: the chat's next answers are its steps. */
export function openForm(ctx: BotContext, form: ReportForm<unknown>, key: ReportKey): void {
  ctx.session.form = { prefix: form.prefix, key };
}

/** Closes whatever dialog the chat has open: form, entry or conversation (a new one starts, /start). */
export async function leaveDialogs(ctx: BotContext): Promise<void> {
  ctx.session.form = undefined;
  ctx.session.entry = undefined;
  await ctx.conversation.exitAll();
}

/**
 * Runs the step of the chat's open form when it is this entry's form. A command (but /help) or
 * another feature's button closes the form (its draft kept) and goes on to the bot; "back" from
 * the first question starts the entry again at the choice of the period, for the same body.
 */
export function continueOpenForm(spec: EntrySpec): MiddlewareFn<BotContext> {
  const form = spec.form;
  return async (ctx, next) => {
    const open = ctx.session.form;
    if (open?.prefix !== form.prefix) return next();
    // A dialog another feature opened while the form stayed open (as the bot let one before the
    // forms came ahead of the features) takes its answers until it ends.
    if (Object.keys(ctx.conversation.active()).length > 0) return next();
    const end = await runFormStep(ctx, form, open.key);
    if (end === "continue") return;
    if (end === "pass") {
      // /help's answer pushes the question out of sight: it comes again below, as it stands.
      await next();
      return showDraft(ctx, form, open.key);
    }
    ctx.session.form = undefined;
    if (end === "halt") return next();
    if (end === "leave")
      await startEntry(ctx, spec, { bodyId: open.key.bodyId, choosePeriod: true });
  };
}
