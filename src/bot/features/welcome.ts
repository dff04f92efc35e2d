import { Composer, InlineKeyboard } from "grammy";
import { LANGUAGES, type Lang } from "../../i18n.ts";
import { featureCodec, field } from "../callback-codec.ts";
import type { BotContext } from "../context.ts";

// Each language is named in itself so a user who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<Lang, string> = { kk: "Қазақша", ru: "Русский" };
// lang:<language>: /lang's choice.
const buttons = featureCodec("lang", { "": [field.lang] });
const chooseLanguage = (lang: Lang) => buttons.data("", lang);

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("lang", async (ctx) => {
  const text = `${ctx.t("language.current")}\n${ctx.t("language.choose")}`;
  await ctx.reply(text, { reply_markup: languageKeyboard(ctx.lang) });
});

buttons.on(composer, "", async (ctx, [chosen]) => {
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

/** Қазақша / Русский with the selected one ticked; each button's data is `data(lang)`. */
export function languageKeyboard(selected: Lang, data = chooseLanguage): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const lang of LANGUAGES) {
    const mark = lang === selected ? "✓ " : "";
    keyboard.text(`${mark}${LANGUAGE_NAMES[lang]}`, data(lang));
  }
  return keyboard;
}

/** /lang offers the language choice (preselected) and changes it; /start lives in onboarding.ts. */
export const welcomeFeature = composer;
