import { Composer, InlineKeyboard } from "grammy";
import { formatDateTime, formatPeriodLabel } from "../../domain/calendar/format.ts";
import { NO_HISTORY } from "../../domain/forms/monthly/history.ts";
import { findIndicator } from "../../domain/methodology/lookup.ts";
import { sumPoints } from "../../domain/points.ts";
import { REPORT_KINDS, type ReportKind } from "../../domain/vocabulary.ts";
import { monthlyDraftOfVersion } from "../../services/monthly-content.ts";
import type { BotContext } from "../context.ts";
import { monthlyForm } from "../forms/monthly-form.ts";
import { renderMonthlySummary } from "../forms/monthly-summary.ts";
import { pointsText } from "../forms/monthly-text.ts";
import { mayActForBody, requireRole } from "../middleware/access.ts";
import { reportViewButtons } from "../report-view-buttons.ts";
import { show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const PER_PAGE = 8;
// Who reads their body's past reports: the people who make them, and managers of the body.
const readers = requireRole("commissioner", "officer", "manager");

async function listScreen(ctx: BotContext, page: number): Promise<void> {
  const bodyId = ctx.user?.bodyId;
  if (bodyId === null || bodyId === undefined) {
    await show(ctx, ctx.t("forms:entry.noBody"));
    return;
  }
  const all = await ctx.repos.submissions.listOfBody(bodyId);
  if (all.length === 0) {
    await show(ctx, ctx.t("forms:myReports.none"));
    return;
  }
  const pages = Math.ceil(all.length / PER_PAGE);
  const current = Math.min(Math.max(0, page), pages - 1);
  const keyboard = new InlineKeyboard();
  for (const s of all.slice(current * PER_PAGE, (current + 1) * PER_PAGE)) {
    const label = ctx.t("forms:myReports.line", {
      period: formatPeriodLabel(s.periodKey, ctx.lang),
      report: ctx.t(`forms:reportsShort.${s.kind}`),
      status: ctx.t(`forms:status.${s.status}`),
    });
    keyboard.text(label, reportViewButtons.data(s.kind, s.periodKey, bodyId, 0)).row();
  }
  if (pages > 1) {
    if (current > 0) keyboard.text("◀", reportViewButtons.data("list", current - 1));
    keyboard.text(`${current + 1}/${pages}`, reportViewButtons.data("list", current));
    if (current < pages - 1) keyboard.text("▶", reportViewButtons.data("list", current + 1));
  }
  await show(ctx, ctx.t("forms:myReports.title", { count: all.length }), keyboard);
}

/** One stored report as its author sent it: status, version, points, and what it holds. */
async function reportScreen(
  ctx: BotContext,
  kind: ReportKind,
  [periodKey, bodyId, page]: readonly [string, number, number],
): Promise<void> {
  if (!mayActForBody(ctx.user, bodyId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("forms:entry.otherBody"), show_alert: true });
    return;
  }
  const current = await ctx.repos.submissions.getCurrent(bodyId, kind, periodKey);
  if (!current?.version || current.submission.status === "draft") {
    await show(ctx, ctx.t("forms:myReports.gone"));
    return;
  }
  const { submission, version } = current;
  const head = [
    ctx.t("forms:myReports.head", {
      report: ctx.t(`forms:reports.${kind}`),
      period: formatPeriodLabel(periodKey, ctx.lang),
    }),
    ctx.t("forms:myReports.status", {
      status: ctx.t(`forms:status.${submission.status}`),
      version: version.number,
      at: formatDateTime(version.createdAt, ctx.config.timeZone),
    }),
  ];
  if (submission.late) head.push(ctx.t("forms:myReports.late"));
  const keyboard = new InlineKeyboard();
  let body: string;
  if (kind === "monthly") {
    const draft = monthlyDraftOfVersion(periodKey, version, {
      history: NO_HISTORY,
      dueAt: version.createdAt.toISOString(),
    });
    const key = { userId: ctx.user?.id ?? 0, bodyId, kind, periodKey };
    const env = monthlyForm.env(ctx, key, draft);
    const screen = renderMonthlySummary(draft, env, page, { readOnly: true });
    body = screen.text;
    for (const row of screen.buttons) {
      for (const b of row) {
        const to = /^page:(\d+)$/.exec(b.action);
        if (to)
          keyboard.text(b.text, reportViewButtons.data(kind, periodKey, bodyId, Number(to[1])));
      }
    }
  } else {
    const scores = await ctx.repos.scores.listScores({ periodKeys: [periodKey], bodyId });
    const methodology = ctx.methodology.forPeriod(periodKey);
    const lines = scores
      .filter((s) => s.applicable)
      .map((s) => {
        const def = findIndicator(methodology, s.indicatorId);
        return def
          ? `${def.number} ${def.shortTitle[ctx.lang]}: ${pointsText(ctx.t, s.points)}`
          : "";
      })
      .filter(Boolean);
    const total = sumPoints(scores.filter((s) => s.applicable).map((s) => s.points));
    body = [
      ...lines,
      "",
      ctx.t("forms:myReports.total", { points: pointsText(ctx.t, total) }),
    ].join("\n");
  }
  keyboard.row().text(ctx.t("forms:myReports.back"), reportViewButtons.data("list", 0));
  await show(ctx, [...head, "", body].join("\n"), keyboard);
}

composer.chatType("private").command("myreports", readers, (ctx) => listScreen(ctx, 0));
reportViewButtons.on(composer, "list", readers, (ctx, [page]) => listScreen(ctx, page));
for (const kind of REPORT_KINDS) {
  reportViewButtons.on(composer, kind, readers, (ctx, values) => reportScreen(ctx, kind, values));
}

/** /myreports: the body's past reports, any period, read-only, with their status and points. */
export const myReportsFeature = composer;
