import type { BotContext } from "../context.ts";

/**
 * What every form's screens and answers read about the moment (both forms add their own): the
 * person's words, the methodology version of the period, the zone, the deadline and now.
 */
export function formEnvBase(ctx: BotContext, periodKey: string, dueAt: string) {
  const now = ctx.now();
  return {
    t: ctx.t,
    lang: ctx.lang,
    version: ctx.methodology.forPeriod(periodKey),
    variants: ctx.config.methodologyVariants,
    zone: ctx.config.timeZone,
    dueAt: new Date(dueAt),
    nowAt: now,
    now: now.toISOString(),
  };
}
