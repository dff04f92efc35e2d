import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { type EntryArgs, startEntry } from "../forms/entry.ts";
import { INDICATORS_ENTRY } from "../forms/indicators-entry.ts";
import { leaveDialogs } from "../forms/open-form.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

async function enter(ctx: BotContext, args: EntryArgs): Promise<void> {
  // Whatever form was open, the person asked for this one now.
  await leaveDialogs(ctx);
  await startEntry(ctx, INDICATORS_ENTRY, args);
}

// "/indicators CODE" lets an admin skip choosing the body; an officer may only name their own.
privateChats.command("indicators", requireRole("officer"), async (ctx) => {
  const bodyCode = ctx.match.trim();
  await enter(ctx, bodyCode ? { bodyCode } : {});
});

onMenuButton(composer, "indicators", async (ctx) => {
  await ctx.answerCallbackQuery();
  await enter(ctx, {});
});

// A button of the form that is no longer open (Submit pressed twice, an old screen).
composer.callbackQuery(/^ir:/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("forms:buttonExpired") });
});

/** /indicators and the menu's "indicators" item: the annual and quarterly indicators reports. */
export const indicatorsFeature = composer;
