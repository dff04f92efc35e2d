import type { RedeemRefusal } from "../services/invites.ts";
import type { BotContext } from "./context.ts";

/** Why a link did not let a person in, in one line. */
export function whyRefused(ctx: Pick<BotContext, "t">, reason: RedeemRefusal): string {
  return reason === "switchedOff"
    ? ctx.t("access.switchedOff")
    : ctx.t(`onboarding:join.failed.${reason}`);
}

/** Why a link did not let a new person in, and what to do about it. */
export function refusal(
  ctx: Pick<BotContext, "t">,
  reason: RedeemRefusal,
): { ok: false; text: string } {
  const why = whyRefused(ctx, reason);
  const final = reason === "alreadyRedeemed" || reason === "switchedOff";
  return { ok: false, text: final ? why : `${why}\n${ctx.t("onboarding:join.askNew")}` };
}
