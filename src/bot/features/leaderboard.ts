import { Composer, InlineKeyboard } from "grammy";
import type { BodyKind } from "../../db/repositories/directory.ts";
import { formatPeriodLabel } from "../../domain/calendar/format.ts";
import { BODY_KINDS } from "../../domain/methodology/types.ts";
import { nextPeriod, parsePeriod, previousPeriod } from "../../domain/periods.ts";
import { reportedNothing } from "../../services/body-reporting.ts";
import { periodKeysWithin, reportingMonth } from "../../services/body-scores.ts";
import { rankBodiesOfKind } from "../../services/leaderboard.ts";
import { bodyName } from "../../services/period-labels.ts";
import { listReportStatuses, tallyByBody } from "../../services/reporting-rates.ts";
import { answerOutOfDate, featureCodec, field } from "../callback-codec.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { pts, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const allowed = requireRole("commissioner", "officer", "manager");
// lb:<kind>:<period key: a month, or a year for "year to date">
const screens = featureCodec("lb", {
  central: [field.period("month", "year")],
  regional: [field.period("month", "year")],
});
const screen = (kind: BodyKind, periodKey: string) => screens.data(kind, periodKey);
const SHOWN = 30;

composer.command("leaderboard", allowed, (ctx) => openLeaderboard(ctx, false));
onMenuButton(composer, "leaderboard", async (ctx) => {
  await ctx.answerCallbackQuery();
  await openLeaderboard(ctx, true);
});

for (const kind of BODY_KINDS) {
  screens.on(composer, kind, allowed, async (ctx, [periodKey]) => {
    // Like is ranked with like: only admins look at the other kind's ranking.
    if (ctx.user?.role !== "admin" && kind !== ((await ownKind(ctx)) ?? "central"))
      return answerOutOfDate(ctx);
    const view = await leaderboardView(ctx, kind, periodKey);
    await show(ctx, view.text, view.keyboard);
  });
}

async function ownKind(ctx: BotContext): Promise<BodyKind | undefined> {
  if (ctx.user?.bodyId == null) return undefined;
  return (await ctx.repos.directory.getBody(ctx.user.bodyId))?.kind;
}

async function openLeaderboard(ctx: BotContext, fresh: boolean) {
  const month = reportingMonth(ctx.now(), ctx.config.timeZone);
  const view = await leaderboardView(ctx, (await ownKind(ctx)) ?? "central", month);
  if (fresh) await ctx.reply(view.text, { reply_markup: view.keyboard });
  else await show(ctx, view.text, view.keyboard);
}

async function leaderboardView(ctx: BotContext, kind: BodyKind, periodKey: string) {
  const lines = await rankBodiesOfKind(ctx.repos, kind, periodKey);
  const ownId = ctx.user?.bodyId ?? undefined;
  const period = parsePeriod(periodKey);
  const isMonth = period?.kind === "month";
  const label = isMonth
    ? formatPeriodLabel(periodKey, ctx.lang)
    : ctx.t("manager:score.yearToDate", { year: periodKey });
  const text = [
    ctx.t("manager:leaderboard.title", { kind: ctx.t(`manager:kinds.${kind}`) }),
    label,
    "",
  ];
  if (lines.length === 0) text.push(ctx.t("manager:leaderboard.empty"));
  const statuses = await listReportStatuses(
    ctx.repos,
    lines.map((line) => line.body),
    periodKeysWithin(periodKey),
    { now: ctx.now(), zone: ctx.config.timeZone, methodology: ctx.methodology },
  );
  const reporting = tallyByBody(statuses);
  const ownIndex = lines.findIndex((line) => line.body.id === ownId);
  lines.forEach((line, index) => {
    if (index >= SHOWN && index !== ownIndex) return;
    const unreviewed =
      line.unreviewed === 0
        ? ""
        : ` ${ctx.t("manager:leaderboard.unreviewed", { points: pts(line.unreviewed) })}`;
    const mark = line.body.id === ownId ? "👉 " : "";
    const you = line.body.id === ownId ? ` ${ctx.t("manager:leaderboard.you")}` : "";
    const tally = reporting.get(line.body.id);
    // A body that sent nothing it owed is "not reported", never a zero score.
    const points = reportedNothing(tally)
      ? ctx.t("manager:leaderboard.notReported")
      : `${pts(line.points)}${unreviewed}`;
    const reports =
      tally && tally.expected > 0
        ? ` · ${ctx.t("manager:leaderboard.reports", { received: tally.received, expected: tally.expected })}`
        : "";
    text.push(`${mark}${line.rank}. ${bodyName(line.body, ctx.lang)} — ${points}${reports}${you}`);
  });
  const notes = [];
  if (statuses.length > 0) notes.push(ctx.t("manager:leaderboard.reportsNote"));
  if (lines.some((line) => line.unreviewed !== 0))
    notes.push(ctx.t("manager:leaderboard.unreviewedNote"));
  if (notes.length > 0) text.push("", ...notes);

  const month = isMonth ? periodKey : reportingMonth(ctx.now(), ctx.config.timeZone);
  const year = String(period?.year ?? month.slice(0, 4));
  const keyboard = new InlineKeyboard()
    .text(`${isMonth ? "✓ " : ""}${ctx.t("manager:leaderboard.month")}`, screen(kind, month))
    .text(`${isMonth ? "" : "✓ "}${ctx.t("manager:leaderboard.yearToDate")}`, screen(kind, year))
    .row();
  if (isMonth) {
    keyboard
      .text(
        `◀ ${formatPeriodLabel(previousPeriod(periodKey), ctx.lang)}`,
        screen(kind, previousPeriod(periodKey)),
      )
      .text(
        `${formatPeriodLabel(nextPeriod(periodKey), ctx.lang)} ▶`,
        screen(kind, nextPeriod(periodKey)),
      )
      .row();
  }
  if (ctx.user?.role === "admin") {
    const other: BodyKind = kind === "central" ? "regional" : "central";
    keyboard.text(ctx.t(`manager:kinds.${other}`), screen(other, periodKey));
  }
  return { text: text.join("\n"), keyboard };
}

/** /leaderboard: bodies of the same kind ranked by points for a month or the year to date. */
export const leaderboardFeature = composer;
