import { Composer, InlineKeyboard } from "grammy";
import { LANGUAGES, type Lang } from "../../i18n.ts";
import {
  admitConfiguredAdmin,
  claimOwnership,
  type NewcomerInput,
} from "../../services/first-admin.ts";
import { isInviteCode, redeemInvite } from "../../services/invites.ts";
import { featureCodec } from "../callback-codec.ts";
import type { BotContext } from "../context.ts";
import { leaveDialogs } from "../forms/open-form.ts";
import { refusal } from "../invite-refusals.ts";
import { describePerson, showMainMenu } from "../main-menu.ts";
import { openLinkAsRegistered } from "./registered-invite.ts";
import { greeting, languageKeyboard } from "./welcome.ts";

// onb:<language>: a newcomer's first choice (onb:switch is registered-invite.ts's).
const firstLanguage = featureCodec("onb", { kk: [], ru: [] });

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("start", async (ctx) => {
  // /start always leads home, out of any half-finished dialog.
  await leaveDialogs(ctx);
  const code = ctx.match.trim();
  if (ctx.user) {
    // A question about changing their role or body comes instead of the menu.
    if (code && (await openLinkAsRegistered(ctx, code)) === "asked") return;
    await showMainMenu(ctx);
    return;
  }
  if (!code && !ctx.config.adminTelegramIds.includes(ctx.from.id)) {
    // Nothing to redeem: the plain language choice of the welcome feature, plus how to join.
    const hint = ctx.t("onboarding:stranger.howToJoin");
    await ctx.reply(`${greeting(ctx)}\n\n${hint}\n\n${ctx.t("language.choose")}`, {
      reply_markup: languageKeyboard(ctx.lang),
    });
    return;
  }
  // The language comes first, so the outcome is told in the language the person picked.
  ctx.session.pendingInvite = code;
  await ctx.reply(`${greeting(ctx)}\n\n${ctx.t("language.choose")}`, {
    reply_markup: languageKeyboard(ctx.lang, (lang) => firstLanguage.data(lang)),
  });
});

for (const lang of LANGUAGES) {
  firstLanguage.on(composer, lang, (ctx) => chooseFirstLanguage(ctx, lang));
}

async function chooseFirstLanguage(ctx: BotContext, lang: Lang) {
  await ctx.setLanguage(lang);
  await ctx.answerCallbackQuery();
  const code = ctx.session.pendingInvite ?? "";
  delete ctx.session.pendingInvite;
  if (ctx.user) {
    // A second press after joining: the menu is what they are after.
    await showMainMenu(ctx);
    return;
  }
  const outcome = await admitNewcomer(ctx, code);
  await ctx.editMessageText(`${greeting(ctx)}\n\n${outcome.text}`, {
    reply_markup: new InlineKeyboard(),
  });
  if (!outcome.ok) return;
  ctx.user = outcome.user;
  await showMainMenu(ctx);
}

type Admission =
  | { ok: true; user: NonNullable<BotContext["user"]>; text: string }
  | { ok: false; text: string };

/** Makes a new person a user: configured admin, owner claim, or invite, in that order. */
async function admitNewcomer(ctx: BotContext, code: string): Promise<Admission> {
  const from = ctx.from;
  if (!from) return { ok: false, text: ctx.t("onboarding:stranger.howToJoin") };
  const person: NewcomerInput = {
    telegramId: from.id,
    name: [from.first_name, from.last_name].filter(Boolean).join(" "),
    language: ctx.lang,
    now: ctx.now(),
  };
  const { adminTelegramIds } = ctx.config;
  const admin = await admitConfiguredAdmin(ctx.repos, adminTelegramIds, person);
  if (admin) return { ok: true, user: admin, text: ctx.t("onboarding:join.doneAdmin") };
  if (!code) return { ok: false, text: ctx.t("onboarding:stranger.howToJoin") };
  if (!isInviteCode(code)) return refusal(ctx, "notFound");
  const owner = await claimOwnership(ctx.repos, code, person, { adminTelegramIds });
  if (owner?.ok) return { ok: true, user: owner.user, text: ctx.t("onboarding:join.doneAdmin") };
  if (owner) return refusal(ctx, owner.reason);
  const redeemed = await redeemInvite(ctx.repos, { code, ...person });
  if (!redeemed.ok) return refusal(ctx, redeemed.reason);
  ctx.logger.info({ userId: redeemed.user.id, inviteId: redeemed.invite.id }, "invite redeemed");
  const who = await describePerson(ctx, redeemed.user);
  return { ok: true, user: redeemed.user, text: ctx.t("onboarding:join.done", { who }) };
}

/**
 * /start: a known user gets the main menu (and a question first when they open an invite that
 * would change their role or body); a new one picks a language first, then joins by invite,
 * owner-claim link or ADMIN_TELEGRAM_IDS; anyone else learns how to join.
 */
export const onboardingFeature = composer;
