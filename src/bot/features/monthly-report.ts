import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { type EntryArgs, startEntry } from "../forms/entry.ts";
import { MONTHLY_ENTRY } from "../forms/monthly-entry.ts";
import { leaveDialogs } from "../forms/open-form.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

async function enter(ctx: BotContext, args: EntryArgs): Promise<void> {
  // Whatever form was open, the person asked for this one now.
  await leaveDialogs(ctx);
  await startEntry(ctx, MONTHLY_ENTRY, args);
}

// "/report CODE" lets an admin skip choosing the body; a commissioner may only name their own.
privateChats.command("report", requireRole("commissioner"), async (ctx) => {
  const bodyCode = ctx.match.trim();
  await enter(ctx, bodyCode ? { bodyCode } : {});
});

onMenuButton(composer, "monthly", async (ctx) => {
  await ctx.answerCallbackQuery();
  await enter(ctx, {});
});

// A button of a form or its entry that is no longer open (Submit pressed twice, an old screen).
composer.callbackQuery(/^(mr|re):/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("forms:buttonExpired") });
});

/** /report and the menu's "monthly" item: the ethics commissioner's monthly report. */
export const monthlyReportFeature = composer;
