import { Composer, InlineKeyboard } from "grammy";
import { LANGUAGES, type Lang } from "../../i18n.ts";
import type { BotContext } from "../context.ts";

// Each language is named in itself so a user who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<Lang, string> = { kk: "Қазақша", ru: "Русский" };
const CHOOSE_LANGUAGE = /^lang:(kk|ru)$/;

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("lang", async (ctx) => {
  const text = `${ctx.t("language.current")}\n${ctx.t("language.choose")}`;
  await ctx.reply(text, { reply_markup: languageKeyboard(ctx.lang) });
});

composer.callbackQuery(CHOOSE_LANGUAGE, async (ctx) => {
  const chosen = ctx.match[1] as Lang;
  // Telegram refuses an edit that changes nothing, so a repeated choice only stops the spinner.
  if (chosen === ctx.lang) {
    await ctx.answerCallbackQuery({ text: ctx.t("language.current") });
    return;
  }
  await ctx.setLanguage(chosen);
  await ctx.answerCallbackQuery({ text: ctx.t("language.changed") });
  // Strangers keep seeing how to join (see onboarding.ts, which answers /start).
  const hint = ctx.user ? "" : `\n\n${ctx.t("onboarding:stranger.howToJoin")}`;
  await ctx.editMessageText(`${greeting(ctx)}${hint}\n\n${ctx.t("language.changed")}`, {
    reply_markup: languageKeyboard(chosen),
  });
});

/** The welcome line with the person's first name, in ctx.lang. */
export function greeting(ctx: BotContext): string {
  return ctx.t("welcome.greeting", { name: ctx.from?.first_name ?? "" });
}

/** Қазақша / Русский with the selected one ticked; buttons send `<prefix>:<lang>`. */
export function languageKeyboard(selected: Lang, prefix = "lang"): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const lang of LANGUAGES) {
    const mark = lang === selected ? "✓ " : "";
    keyboard.text(`${mark}${LANGUAGE_NAMES[lang]}`, `${prefix}:${lang}`);
  }
  return keyboard;
}

/** /lang offers the language choice (preselected) and changes it; /start lives in onboarding.ts. */
export const welcomeFeature = composer;
