import { Composer, InlineKeyboard } from "grammy";
import { LANGUAGES, type Lang } from "../../i18n.ts";
import type { BotContext } from "../context.ts";

// Each language is named in itself so a user who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<Lang, string> = { kk: "Қазақша", ru: "Русский" };
const CHOOSE_LANGUAGE = /^lang:(kk|ru)$/;

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("start", async (ctx) => {
  const text = `${greeting(ctx)}\n\n${ctx.t("language.choose")}`;
  await ctx.reply(text, { reply_markup: languageKeyboard(ctx.lang) });
});

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
  await ctx.editMessageText(`${greeting(ctx)}\n\n${ctx.t("language.changed")}`, {
    reply_markup: languageKeyboard(chosen),
  });
});

function greeting(ctx: BotContext): string {
  return ctx.t("welcome.greeting", { name: ctx.from?.first_name ?? "" });
}

function languageKeyboard(selected: Lang): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const lang of LANGUAGES) {
    const mark = lang === selected ? "✓ " : "";
    keyboard.text(`${mark}${LANGUAGE_NAMES[lang]}`, `lang:${lang}`);
  }
  return keyboard;
}

/** /start greets and offers the language choice (preselected); /lang changes the language. */
export const welcomeFeature = composer;
