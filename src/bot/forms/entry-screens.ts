// The entry's screens (entry.ts): what each asks, with buttons that say what they choose
// (re:<nonce>:<action>), so a press needs nothing but the entry noted in the session.
import { InlineKeyboard } from "grammy";
import { formatDateTime, formatPeriodLabel } from "../../domain/calendar/format.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { ReportKind } from "../../domain/vocabulary.ts";
import type { BotContext, Translate } from "../context.ts";
import { reportViewButtons } from "../report-view-buttons.ts";
import type { EntrySpec, OpenEntry, ReportChoice } from "./entry.ts";

/** Callback data prefix of the entry's buttons. */
export const ENTRY_PREFIX = "re";
const BODIES_PER_PAGE = 8;

/** An entry button: re:<nonce>:<action>. */
export function entryButton(entry: OpenEntry, text: string, action: string) {
  return InlineKeyboard.text(text, `${ENTRY_PREFIX}:${entry.nonce}:${action}`);
}

/** The nonce and action of an entry button, if it is one. */
export function decodeEntryButton(data: string): { nonce: number; action: string } | undefined {
  if (!data.startsWith(`${ENTRY_PREFIX}:`)) return undefined;
  const match = /^(\d+):(.+)$/.exec(data.slice(ENTRY_PREFIX.length + 1));
  return match ? { nonce: Number(match[1]), action: match[2] ?? "" } : undefined;
}

/** The bodies an admin may report for, a page at a time. */
export async function showBodies(
  ctx: BotContext,
  entry: OpenEntry,
  bodies: { id: number; name: string }[],
  page: number,
): Promise<void> {
  if (bodies.length === 0) {
    ctx.session.entry = undefined;
    await ctx.reply(ctx.t("forms:entry.noBodies"));
    return;
  }
  const shown = bodies.slice(page * BODIES_PER_PAGE, (page + 1) * BODIES_PER_PAGE);
  const rows = shown.map((b) => [
    entryButton(entry, truncateGraphemes(b.name, 48), `body:${b.id}`),
  ]);
  const nav = [];
  if (page > 0)
    nav.push(entryButton(entry, ctx.t("forms:buttons.previousPage"), `page:${page - 1}`));
  if ((page + 1) * BODIES_PER_PAGE < bodies.length)
    nav.push(entryButton(entry, ctx.t("forms:buttons.nextPage"), `page:${page + 1}`));
  // No row for the pages when they all fit: an empty row is a gap on the phone.
  const keyboard = InlineKeyboard.from([
    ...rows,
    ...(nav.length > 0 ? [nav] : []),
    [entryButton(entry, ctx.t("forms:buttons.stop"), "stop")],
  ]);
  ctx.session.entry = entry;
  await ctx.reply(ctx.t("forms:entry.pickBody"), { reply_markup: keyboard });
}

/** The entry is over, nothing opened. */
export async function stopped(ctx: BotContext): Promise<void> {
  ctx.session.entry = undefined;
  await ctx.reply(ctx.t("forms:entry.stopped"));
}

/** The draft to continue, or to drop and start again. */
export async function offerDraft(
  ctx: BotContext,
  entry: OpenEntry,
  draft: { kind: ReportKind; periodKey: string },
): Promise<void> {
  const t = ctx.t;
  const period = formatPeriodLabel(draft.periodKey, ctx.lang === "kk" ? "kk" : "ru");
  const chosen = `${draft.kind}:${draft.periodKey}`;
  const keyboard = InlineKeyboard.from([
    [entryButton(entry, t("forms:buttons.continue"), `continue:${chosen}`)],
    [entryButton(entry, t("forms:buttons.restart"), `restart:${chosen}`)],
    [entryButton(entry, t("forms:buttons.stop"), "stop")],
  ]);
  ctx.session.entry = entry;
  await ctx.reply(
    t("forms:entry.draftFound", { report: t(`forms:reports.${draft.kind}`), period }),
    { reply_markup: keyboard },
  );
}

/** The body's periods, each with its deadline or state. */
export async function showPeriods(
  ctx: BotContext,
  spec: EntrySpec,
  entry: OpenEntry,
  choices: ReportChoice[],
): Promise<void> {
  const t = ctx.t;
  if (choices.length === 0) {
    ctx.session.entry = undefined;
    await ctx.reply(t("forms:entry.noPeriods"));
    return;
  }
  const lang = ctx.lang === "kk" ? "kk" : "ru";
  const many = spec.kinds.length > 1;
  const label = (c: ReportChoice) => choiceLabel(t, lang, ctx.config.timeZone, c, many);
  const keyboard = InlineKeyboard.from([
    ...choices.map((c) => [entryButton(entry, label(c), `period:${c.kind}:${c.periodKey}`)]),
    [entryButton(entry, t("forms:buttons.stop"), "stop")],
  ]);
  const report = many
    ? t("forms:reports.indicators")
    : t(`forms:reports.${spec.kinds[0] ?? "monthly"}`);
  ctx.session.entry = entry;
  await ctx.reply(t("forms:entry.choosePeriod", { report }), { reply_markup: keyboard });
}

function periodParams(ctx: BotContext, chosen: ReportChoice) {
  return {
    period: formatPeriodLabel(chosen.periodKey, ctx.lang === "kk" ? "kk" : "ru"),
    version: chosen.submitted?.version ?? 0,
    due: formatDateTime(new Date(chosen.dueAt), ctx.config.timeZone),
  };
}

/** A period past correcting: its report to view, and the entry is over. */
export async function tellClosed(
  ctx: BotContext,
  chosen: ReportChoice,
  bodyId: number,
): Promise<void> {
  ctx.session.entry = undefined;
  const view = reportViewButtons.data(chosen.kind, chosen.periodKey, bodyId, 0);
  const keyboard = InlineKeyboard.from([[InlineKeyboard.text(ctx.t("forms:buttons.view"), view)]]);
  await ctx.reply(ctx.t("forms:entry.closed", periodParams(ctx, chosen)), {
    reply_markup: keyboard,
  });
}

/** A submitted report's period: correct it, which opens a copy of it as the draft. */
export async function offerCorrection(
  ctx: BotContext,
  entry: OpenEntry,
  chosen: ReportChoice,
): Promise<void> {
  const returned = chosen.submitted?.status === "returned";
  const keyboard = InlineKeyboard.from([
    [
      entryButton(
        entry,
        ctx.t("forms:buttons.correct"),
        `correct:${chosen.kind}:${chosen.periodKey}`,
      ),
    ],
    [entryButton(entry, ctx.t("forms:buttons.stop"), "stop")],
  ]);
  await ctx.reply(
    ctx.t(returned ? "forms:entry.correctReturned" : "forms:entry.correctOffer", {
      ...periodParams(ctx, chosen),
    }),
    { reply_markup: keyboard },
  );
}

/** The period's button: "октябрь 2026 — срок 05.11.2026, 18:00", "— с опозданием", "— отправлен". */
export function choiceLabel(
  t: Translate,
  lang: "kk" | "ru",
  zone: string,
  c: ReportChoice,
  many: boolean,
): string {
  const period = formatPeriodLabel(c.periodKey, lang);
  const named = many ? `${t(`forms:reports.${c.kind}`)}: ${period}` : period;
  const due = formatDateTime(new Date(c.dueAt), zone);
  if (c.mode === "closed") return t("forms:entry.periodClosed", { period: named });
  if (c.mode === "correct" && c.submitted?.status === "returned")
    return t("forms:entry.periodReturned", { period: named });
  if (c.mode === "correct") return t("forms:entry.periodCorrect", { period: named, due });
  return c.late
    ? t("forms:entry.periodLate", { period: named })
    : t("forms:entry.periodDue", { period: named, due });
}
