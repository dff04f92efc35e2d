import { Composer } from "grammy";
import { formatPeriodLabel } from "../../domain/calendar/format.ts";
import { readReportDraft } from "../../domain/reports/draft.ts";
import type { BotContext } from "../context.ts";
import { mainMenuKeyboard } from "../main-menu.ts";

const composer = new Composer<BotContext>();

// The menu button that opens each report (its conversation offers the draft to continue).
const OPENS: Record<string, string> = {
  monthly: "menu:monthly",
  quarterly: "menu:indicators",
  annual: "menu:indicators",
};

/**
 * What nobody else took from a registered person in a private chat: a message gets the menu (and
 * the unfinished draft, if any) instead of silence; a button of a screen that is gone says so.
 * Must be the last feature.
 */
composer.chatType("private").on("message", async (ctx, next) => {
  const user = ctx.user;
  if (!user) return next();
  const drafts = await ctx.repos.drafts.listDrafts(user.id);
  const draft = drafts.map((d) => readReportDraft(d.document)).find((d) => d !== undefined);
  const keyboard = mainMenuKeyboard(ctx, user.role);
  const lines = [ctx.t("fallback.notUnderstood")];
  if (draft) {
    lines.push(
      ctx.t("fallback.draft", {
        report: ctx.t(`forms:reports.${draft.kind}`),
        period: formatPeriodLabel(draft.periodKey, ctx.lang),
      }),
    );
    const opens = OPENS[draft.kind];
    if (opens) keyboard.row().text(ctx.t("forms:buttons.continue"), opens);
  }
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
});

composer.on("callback_query:data", async (ctx, next) => {
  if (!ctx.user) return next();
  await ctx.answerCallbackQuery({ text: ctx.t("fallback.staleButton") });
});

/** The last word for registered people: the menu for a message, "out of date" for a button. */
export const fallbackFeature = composer;
