import { Composer, InlineKeyboard, InputFile } from "grammy";
import { formatPeriodLabel, formatPeriodShort } from "../../domain/calendar/format.ts";
import { monthsOf, yearOf } from "../../domain/periods.ts";
import { listVisibleBodies, mayViewBody } from "../../services/body-scope.ts";
import { reportingMonth } from "../../services/body-scores.ts";
import {
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  type ExportRequest,
  runExport,
} from "../../services/exports.ts";
import { answerOutOfDate } from "../callback-codec.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { exportBodyPages, exportButtons } from "./export-buttons.ts";
import { bodyPicker, refuse, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
// Managers export their own body and those below it; admins everything (body-scope.ts).
const exporters = requireRole("manager");
// The first year anything could have been reported for: the year picker stops there.
const FIRST_YEAR = 2020;

// "/export <body code>" goes straight to that body's score sheet: there may be hundreds of bodies.
composer.command("export", exporters, async (ctx) => {
  const code = ctx.match.trim();
  if (!code) return showKinds(ctx);
  const body = await ctx.repos.directory.getBodyByCode(code);
  if (!body) return refuse(ctx, ctx.t("admin:export.refused.bodyNotFound"));
  if (!(await mayViewBody(ctx.repos, ctx.user, body.id))) {
    return refuse(ctx, ctx.t("admin:export.refused.notAllowed"));
  }
  await showPeriods(ctx, "scores", undefined, body.id);
});
exportButtons.on(composer, "", exporters, (ctx) => showKinds(ctx));
onMenuButton(composer, "export", (ctx) => showKinds(ctx, true));
for (const kind of EXPORT_KINDS) {
  exportButtons.on(composer, kind, exporters, (ctx, [step]) => {
    if (step.to === "year") {
      return "year" in step
        ? showPeriods(ctx, kind, step.year, step.bodyId)
        : showPeriods(ctx, kind);
    }
    if (step.to === "file") return sendFile(ctx, kind, step.periodKey, step.format, step.bodyId);
    if (kind === "scores" && step.bodyId === undefined) return showBodies(ctx, step.periodKey, 0);
    return showFormats(ctx, kind, step.periodKey, step.bodyId);
  });
}
exportBodyPages.on(composer, "", exporters, (ctx, [periodKey, page]) =>
  showBodies(ctx, periodKey, page),
);

async function sendFile(
  ctx: BotContext,
  kind: ExportKind,
  periodKey: string,
  format: ExportFormat,
  bodyId: number | undefined,
) {
  const request = await requestOf(ctx, kind, periodKey, bodyId);
  if (!request) return answerOutOfDate(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t("admin:export.preparing") });
  const result = await runExport(ctx.repos, ctx.methodology, request, {
    format,
    lang: ctx.lang,
    actorUserId: ctx.user?.id ?? null,
    now: ctx.now(),
    zone: ctx.config.timeZone,
    variants: ctx.config.methodologyVariants,
    ...(await scopeOf(ctx)),
  });
  if (!result.ok) return refuse(ctx, ctx.t(`admin:export.refused.${result.reason}`));
  const caption = ctx.t(`admin:export.caption.${kind}`, {
    period: formatPeriodLabel(periodKey, ctx.lang),
  });
  for (const file of result.files) {
    await ctx.replyWithDocument(new InputFile(file.data, file.fileName), { caption });
  }
}

/** Admins export everything; anyone else the bodies they may see. */
async function scopeOf(ctx: BotContext): Promise<{ scope?: ReadonlySet<number> }> {
  if (ctx.user?.role === "admin") return {};
  return { scope: new Set((await listVisibleBodies(ctx.repos, ctx.user)).map((b) => b.id)) };
}

async function requestOf(
  ctx: BotContext,
  kind: ExportKind,
  periodKey: string,
  bodyId: number | undefined,
): Promise<ExportRequest | undefined> {
  // A score sheet is of one body: a button without one was never offered.
  if (kind === "scores") return bodyId === undefined ? undefined : { kind, periodKey, bodyId };
  if (kind === "leaderboard" && ctx.user?.role !== "admin") {
    // A manager's leaderboard is of their own kind, as /leaderboard shows it.
    const own =
      ctx.user?.bodyId == null ? undefined : await ctx.repos.directory.getBody(ctx.user.bodyId);
    return { kind, periodKey, ...(own ? { bodyKind: own.kind } : {}) };
  }
  return { kind, periodKey };
}

async function showKinds(ctx: BotContext, fresh = false) {
  const keyboard = new InlineKeyboard();
  for (const kind of EXPORT_KINDS) {
    keyboard
      .text(ctx.t(`admin:export.kinds.${kind}`), exportButtons.data(kind, { to: "year" }))
      .row();
  }
  await show(ctx, ctx.t("admin:export.chooseKind"), keyboard, { fresh });
}

/**
 * The periods of one year (the reporting month's by default): its months up to the reporting
 * month, its quarters and the year itself, with the years before and after it to move to.
 */
async function showPeriods(ctx: BotContext, kind: ExportKind, asked?: number, bodyId?: number) {
  const latest = reportingMonth(ctx.now(), ctx.config.timeZone);
  const lastYear = yearOf(latest);
  const year = Math.min(Math.max(asked ?? lastYear, FIRST_YEAR), lastYear);
  const body = bodyId === undefined ? {} : { bodyId };
  // With the body known, a period leads straight to the format.
  const next = (periodKey: string) =>
    exportButtons.data(kind, { to: "period", periodKey, ...body });
  const toYear = (y: number) => exportButtons.data(kind, { to: "year", year: y, ...body });
  const months = monthsOf(String(year)).filter((m) => m <= latest);
  const keyboard = new InlineKeyboard();
  months.forEach((month, i) => {
    keyboard.text(formatPeriodShort(month, ctx.lang), next(month));
    if (i % 4 === 3) keyboard.row();
  });
  keyboard.row();
  for (let q = 1; q <= 4; q++) {
    const quarter = `${year}-Q${q}`;
    if ((monthsOf(quarter)[0] as string) > latest) break;
    keyboard.text(formatPeriodShort(quarter, ctx.lang), next(quarter));
  }
  keyboard
    .row()
    .text(formatPeriodLabel(String(year), ctx.lang), next(String(year)))
    .row();
  if (year > FIRST_YEAR) keyboard.text(`◀ ${year - 1}`, toYear(year - 1));
  if (year < lastYear) keyboard.text(`${year + 1} ▶`, toYear(year + 1));
  keyboard.row().text(ctx.t("admin:export.back"), exportButtons.data(""));
  await show(
    ctx,
    ctx.t("admin:export.choosePeriod", { what: ctx.t(`admin:export.kinds.${kind}`), year }),
    keyboard,
  );
}

async function showBodies(ctx: BotContext, periodKey: string, page: number) {
  const bodies = await listVisibleBodies(ctx.repos, ctx.user);
  const keyboard = bodyPicker(ctx, bodies, page, {
    select: (body) => exportButtons.data("scores", { to: "period", periodKey, bodyId: body.id }),
    page: (p) => exportBodyPages.data("", periodKey, p),
  });
  keyboard.row().text(ctx.t("admin:export.back"), exportButtons.data("scores", { to: "year" }));
  await show(ctx, ctx.t("admin:export.chooseBody"), keyboard);
}

async function showFormats(
  ctx: BotContext,
  kind: ExportKind,
  periodKey: string,
  bodyId: number | undefined,
) {
  const file = (format: ExportFormat) =>
    exportButtons.data(kind, { to: "file", periodKey, format, ...(bodyId ? { bodyId } : {}) });
  const keyboard = new InlineKeyboard()
    .text("Excel (.xlsx)", file("xlsx"))
    .text("CSV", file("csv"))
    .row()
    .text(ctx.t("admin:export.back"), exportButtons.data(kind, { to: "year" }));
  await show(
    ctx,
    ctx.t("admin:export.chooseFormat", { period: formatPeriodLabel(periodKey, ctx.lang) }),
    keyboard,
  );
}

/** /export: monthly reports (appendices 5 and 6), a score sheet, the leaderboard or reporting rates, as Excel or CSV, for any period. */
export const exportFeature = composer;
