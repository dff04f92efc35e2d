import { Composer, InlineKeyboard } from "grammy";
import { isInviteCode, redeemInvite, whyClosed } from "../../services/invites.ts";
import { featureCodec, field } from "../callback-codec.ts";
import type { BotContext } from "../context.ts";
import { whyRefused } from "../invite-refusals.ts";
import { describePerson, showMainMenu } from "../main-menu.ts";

// onb:switch:yes / onb:switch:no — the language buttons share the "onb" prefix (onboarding.ts).
const buttons = featureCodec("onb", { switch: [field.word(["yes", "no"] as const)] });

const composer = new Composer<BotContext>();

/**
 * A registered person opened a link (/start <code>): they learn they are registered (a spent, dead
 * or unknown link, the owner-claim link, an invite to what they already are), or are asked before
 * an invite changes their role or body. "asked" leaves the menu for after the answer.
 */
export async function openLinkAsRegistered(
  ctx: BotContext,
  code: string,
): Promise<"told" | "asked"> {
  const user = ctx.user;
  if (!user) return "told";
  const who = await describePerson(ctx, user);
  const registered = ctx.t("onboarding:join.registered", { who });
  const tell = async (text: string) => {
    await ctx.reply(text);
    return "told" as const;
  };
  const invite = isInviteCode(code) ? await ctx.repos.invites.getInvite(code) : undefined;
  if (!invite) {
    const owner = isInviteCode(code) ? await ctx.repos.ownerClaim.read() : undefined;
    if (owner?.code === code) return tell(registered);
    return tell(`${ctx.t("onboarding:join.failed.notFound")}\n${registered}`);
  }
  if (invite.role === user.role && invite.bodyId === user.bodyId) return tell(registered);
  if (user.role === "admin") return tell(ctx.t("onboarding:join.keptAdmin"));
  const closed = whyClosed(invite, ctx.now());
  if (closed) return tell(`${whyRefused(ctx, closed)}\n${registered}`);
  const body = await ctx.repos.directory.getBody(invite.bodyId);
  if (!body?.active) return tell(`${whyRefused(ctx, "bodyInactive")}\n${registered}`);
  ctx.session.pendingSwitch = code;
  const next = await describePerson(ctx, invite);
  await ctx.reply(ctx.t("onboarding:join.switchAsk", { current: who, next }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("onboarding:join.switchYes"), buttons.data("switch", "yes"))
      .row()
      .text(ctx.t("onboarding:join.switchNo"), buttons.data("switch", "no")),
  });
  return "asked";
}

buttons.on(composer, "switch", async (ctx, [answer]) => {
  const code = ctx.session.pendingSwitch;
  const user = ctx.user;
  if (!code || !user) {
    await ctx.answerCallbackQuery({ text: ctx.t("onboarding:join.staleButton") });
    return;
  }
  delete ctx.session.pendingSwitch;
  await ctx.answerCallbackQuery();
  const done = (text: string) => ctx.editMessageText(text, { reply_markup: new InlineKeyboard() });
  if (answer === "no") {
    await done(ctx.t("onboarding:join.kept", { who: await describePerson(ctx, user) }));
    await showMainMenu(ctx);
    return;
  }
  const redeemed = await redeemInvite(
    ctx.repos,
    { code, telegramId: user.telegramId, name: user.name, language: ctx.lang, now: ctx.now() },
    user,
  );
  if (redeemed.ok) {
    ctx.logger.info({ userId: user.id, inviteId: redeemed.invite.id }, "invite redeemed");
    ctx.user = redeemed.user;
    await done(
      ctx.t("onboarding:join.switched", { who: await describePerson(ctx, redeemed.user) }),
    );
  } else {
    const registered = ctx.t("onboarding:join.registered", {
      who: await describePerson(ctx, user),
    });
    await done(`${whyRefused(ctx, redeemed.reason)}\n${registered}`);
  }
  await showMainMenu(ctx);
});

/** The yes/no answer of a registered person asked whether an invite may change their role or body. */
export const registeredInviteFeature = composer;
