import { Composer } from "grammy";
import { formatMonth } from "../../domain/calendar/format.ts";
import { findIndicator } from "../../domain/methodology/lookup.ts";
import { dataKey } from "../../i18n-keys.ts";
import { reportingMonth } from "../../services/body-scores.ts";
import { commandsFor } from "../command-menu.ts";
import type { BotContext } from "../context.ts";
import { menuItemsFor } from "../main-menu.ts";
import { describeRule } from "../rule-text.ts";

const composer = new Composer<BotContext>();

// Commands whose /help line says more than their menu description.
const OWN_HELP_LINE = new Set(["start", "lang", "help", "invite"]);

composer.chatType("private").command("help", async (ctx) => {
  for (const text of helpTexts(ctx)) await ctx.reply(text);
});

const MONTHLY_INDICATORS = ["p4.t2.s3", "p4.t2.s4", "p4.t3.s1"];

/**
 * How each monthly indicator earns points, from the methodology version that scores the month
 * being reported now (so a new version's scale shows the day it applies).
 */
export function monthlyPointsHelp(
  ctx: Pick<BotContext, "t" | "lang" | "methodology" | "config" | "now">,
): string[] {
  const month = reportingMonth(ctx.now(), ctx.config.timeZone);
  const version = ctx.methodology.forPeriod(month);
  const lines = [ctx.t("onboarding:help.monthlyPoints", { month: formatMonth(month, ctx.lang) })];
  for (const id of MONTHLY_INDICATORS) {
    const def = findIndicator(version, id);
    if (!def) continue;
    lines.push(
      `• ${def.number} ${def.shortTitle[ctx.lang]}: ${describeRule(ctx.t, def, ctx.config.methodologyVariants)}`,
    );
    for (const reading of def.rulebookReadings)
      lines.push(`  ${ctx.t("rules:rulebookReading", { text: reading[ctx.lang] })}`);
  }
  return lines;
}

// What a phone shows at once: /help's parts go together while they fit, else one a message.
const SCREEN_CHARS = 1000;

/**
 * What this person can do: their commands (the same as their command menu), their buttons, and
 * for a commissioner how the monthly report earns points; as few messages as fit a phone's screen.
 */
export function helpTexts(
  ctx: Pick<BotContext, "t" | "user" | "lang" | "methodology" | "config" | "now">,
): string[] {
  const commands = [
    ctx.t("onboarding:help.title"),
    "",
    ctx.t("onboarding:help.commands"),
    ...commandsFor(ctx.user).map((command) =>
      OWN_HELP_LINE.has(command)
        ? ctx.t(dataKey(`onboarding:help.${command}`))
        : `/${command} — ${ctx.t(dataKey(`commands.${command}`))}`,
    ),
  ].join("\n");
  if (!ctx.user) return [[commands, "", ctx.t("onboarding:stranger.howToJoin")].join("\n")];
  const parts = [commands];
  const items = menuItemsFor(ctx.user.role);
  if (items.length > 0) {
    parts.push(
      [ctx.t("onboarding:help.buttons"), ...items.map((i) => ctx.t(i.helpKey))].join("\n"),
    );
  }
  if (ctx.user.role === "commissioner") parts.push(monthlyPointsHelp(ctx).join("\n"));
  return packScreens(parts);
}

function packScreens(parts: readonly string[]): string[] {
  const screens: string[] = [];
  for (const part of parts) {
    const last = screens.at(-1);
    if (last !== undefined && last.length + 2 + part.length <= SCREEN_CHARS) {
      screens[screens.length - 1] = `${last}\n\n${part}`;
    } else screens.push(part);
  }
  return screens;
}

/** /help: the commands and buttons of the person's role, in their language. */
export const helpFeature = composer;
