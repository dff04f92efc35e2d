import { Composer, InlineKeyboard } from "grammy";
import type { Lang } from "../../i18n.ts";
import {
  admitConfiguredAdmin,
  claimOwnership,
  type NewcomerInput,
} from "../../services/first-admin.ts";
import { isInviteCode } from "../../services/invites.ts";
import type { BotContext } from "../context.ts";
import { bodyName, showMainMenu } from "../main-menu.ts";
import { greeting, languageKeyboard } from "./welcome.ts";

const CHOOSE_FIRST_LANGUAGE = /^onb:(kk|ru)$/;

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("start", async (ctx) => {
  // /start always leads home, out of any half-finished dialog.
  await ctx.conversation.exitAll();
  const code = ctx.match.trim();
  if (ctx.user) {
    if (code) await redeemForKnownUser(ctx, code);
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
    reply_markup: languageKeyboard(ctx.lang, "onb"),
  });
});

composer.callbackQuery(CHOOSE_FIRST_LANGUAGE, async (ctx) => {
  await ctx.setLanguage(ctx.match[1] as Lang);
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
});

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
  const admin = await admitConfiguredAdmin(ctx.repos, ctx.config.adminTelegramIds, person);
  if (admin) return { ok: true, user: admin, text: ctx.t("onboarding:join.doneAdmin") };
  if (!code) return { ok: false, text: ctx.t("onboarding:stranger.howToJoin") };
  if (!isInviteCode(code)) return refusal(ctx, "notFound");
  const owner = await claimOwnership(ctx.repos, code, person);
  if (owner?.ok) return { ok: true, user: owner.user, text: ctx.t("onboarding:join.doneAdmin") };
  if (owner) return refusal(ctx, owner.reason);
  const redeemed = await ctx.repos.invites.redeemInvite({ code, ...person });
  if (!redeemed.ok) return refusal(ctx, redeemed.reason);
  ctx.logger.info({ userId: redeemed.user.id, inviteId: redeemed.invite.id }, "invite redeemed");
  return { ok: true, user: redeemed.user, text: await joinedText(ctx, redeemed.user) };
}

/** A known user opening an invite link moves to its body and role; admins keep theirs. */
async function redeemForKnownUser(ctx: BotContext, code: string): Promise<void> {
  const user = ctx.user;
  const from = ctx.from;
  if (!user || !from) return;
  if (user.role === "admin") {
    await ctx.reply(ctx.t("onboarding:join.keptAdmin"));
    return;
  }
  if (!isInviteCode(code)) {
    await ctx.reply(refusal(ctx, "notFound").text);
    return;
  }
  const redeemed = await ctx.repos.invites.redeemInvite({
    code,
    telegramId: from.id,
    name: user.name,
    language: ctx.lang,
    now: ctx.now(),
  });
  if (!redeemed.ok) {
    await ctx.reply(refusal(ctx, redeemed.reason).text);
    return;
  }
  ctx.user = redeemed.user;
  await ctx.reply(await joinedText(ctx, redeemed.user));
}

async function joinedText(ctx: BotContext, user: NonNullable<BotContext["user"]>) {
  const body = user.bodyId === null ? undefined : await ctx.repos.directory.getBody(user.bodyId);
  return ctx.t("onboarding:join.done", {
    role: ctx.t(`onboarding:roles.${user.role}`),
    body: body ? bodyName(ctx, body) : "",
  });
}

function refusal(
  ctx: BotContext,
  reason: "notFound" | "revoked" | "expired" | "usedUp" | "alreadyRedeemed" | "bodyInactive",
): { ok: false; text: string } {
  const why = ctx.t(`onboarding:join.failed.${reason}`);
  const text = reason === "alreadyRedeemed" ? why : `${why}\n${ctx.t("onboarding:join.askNew")}`;
  return { ok: false, text };
}

/**
 * /start: a known user gets the main menu; a new one picks a language first, then joins by
 * invite, owner-claim link or ADMIN_TELEGRAM_IDS; anyone else learns how to join.
 */
export const onboardingFeature = composer;
