import { Composer, InlineKeyboard, InputFile } from "grammy";
import { formatPeriodLabel } from "../../domain/calendar/format.ts";
import { previousPeriod, quarterOf, yearOf } from "../../domain/periods.ts";
import { reportingMonth } from "../../services/body-scores.ts";
import {
  type ExportFormat,
  type ExportKind,
  type ExportRequest,
  runExport,
} from "../../services/exports.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { bodyPicker, refuse, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
const KINDS: readonly ExportKind[] = ["monthly", "scores", "leaderboard"];
const PERIOD = "(\\d{4}(?:-\\d{2}|-Q[1-4])?)";

// "/export <body code>" goes straight to that body's score sheet: there may be hundreds of bodies.
composer.command("export", admins, async (ctx) => {
  const code = ctx.match.trim();
  if (!code) return showKinds(ctx);
  const body = await ctx.repos.directory.getBodyByCode(code);
  if (!body) return refuse(ctx, ctx.t("admin:export.refused.bodyNotFound"));
  await showPeriods(ctx, "scores", body.id);
});
composer.callbackQuery("ex", admins, (ctx) => showKinds(ctx));
onMenuButton(composer, "export", (ctx) => showKinds(ctx, true));
composer.callbackQuery(/^ex:(monthly|scores|leaderboard)$/, admins, (ctx) =>
  showPeriods(ctx, ctx.match[1] as ExportKind),
);
composer.callbackQuery(
  new RegExp(`^ex:(monthly|scores|leaderboard):${PERIOD}$`),
  admins,
  async (ctx) => {
    const kind = ctx.match[1] as ExportKind;
    const period = ctx.match[2] ?? "";
    if (kind === "scores") return showBodies(ctx, period, 0);
    await showFormats(ctx, kind, period, 0);
  },
);
composer.callbackQuery(new RegExp(`^exb:${PERIOD}:(\\d+)$`), admins, (ctx) =>
  showBodies(ctx, ctx.match[1] ?? "", Number(ctx.match[2])),
);
composer.callbackQuery(
  new RegExp(`^ex:(monthly|scores|leaderboard):${PERIOD}:(\\d+)$`),
  admins,
  (ctx) => showFormats(ctx, ctx.match[1] as ExportKind, ctx.match[2] ?? "", Number(ctx.match[3])),
);
composer.callbackQuery(
  new RegExp(`^ex:(monthly|scores|leaderboard):${PERIOD}:(\\d+):(xlsx|csv)$`),
  admins,
  async (ctx) => {
    const kind = ctx.match[1] as ExportKind;
    const periodKey = ctx.match[2] ?? "";
    const bodyId = Number(ctx.match[3]);
    const request: ExportRequest =
      kind === "scores"
        ? { kind, periodKey, bodyId }
        : kind === "monthly"
          ? { kind, periodKey }
          : { kind, periodKey };
    await ctx.answerCallbackQuery({ text: ctx.t("admin:export.preparing") });
    const result = await runExport(ctx.repos, ctx.methodology, request, {
      format: ctx.match[4] as ExportFormat,
      lang: ctx.lang,
      actorUserId: ctx.user?.id ?? null,
      now: ctx.now(),
      variants: ctx.config.methodologyVariants,
    });
    if (!result.ok) return refuse(ctx, ctx.t(`admin:export.refused.${result.reason}`));
    const caption = ctx.t(`admin:export.caption.${kind}`, {
      period: formatPeriodLabel(periodKey, ctx.lang),
    });
    for (const file of result.files) {
      await ctx.replyWithDocument(new InputFile(file.data, file.fileName), { caption });
    }
  },
);

async function showKinds(ctx: BotContext, fresh = false) {
  const keyboard = new InlineKeyboard();
  for (const kind of KINDS) keyboard.text(ctx.t(`admin:export.kinds.${kind}`), `ex:${kind}`).row();
  await show(ctx, ctx.t("admin:export.chooseKind"), keyboard, { fresh });
}

async function showPeriods(ctx: BotContext, kind: ExportKind, bodyId?: number) {
  const month = reportingMonth(ctx.now(), ctx.config.timeZone);
  const months = [month, previousPeriod(month), previousPeriod(previousPeriod(month))];
  // With the body known, a period leads straight to the format.
  const next = (key: string) => `ex:${kind}:${key}${bodyId === undefined ? "" : `:${bodyId}`}`;
  const keyboard = new InlineKeyboard();
  for (const key of months) keyboard.text(formatPeriodLabel(key, ctx.lang), next(key));
  keyboard
    .row()
    .text(formatPeriodLabel(quarterOf(month), ctx.lang), next(quarterOf(month)))
    .text(formatPeriodLabel(String(yearOf(month)), ctx.lang), next(String(yearOf(month))))
    .row()
    .text(ctx.t("admin:export.back"), "ex");
  await show(
    ctx,
    ctx.t("admin:export.choosePeriod", { what: ctx.t(`admin:export.kinds.${kind}`) }),
    keyboard,
  );
}

async function showBodies(ctx: BotContext, periodKey: string, page: number) {
  const bodies = await ctx.repos.directory.listBodies({ includeInactive: true });
  const keyboard = bodyPicker(ctx, bodies, page, {
    select: (body) => `ex:scores:${periodKey}:${body.id}`,
    page: (p) => `exb:${periodKey}:${p}`,
  });
  keyboard.row().text(ctx.t("admin:export.back"), "ex:scores");
  await show(ctx, ctx.t("admin:export.chooseBody"), keyboard);
}

async function showFormats(ctx: BotContext, kind: ExportKind, periodKey: string, bodyId: number) {
  const keyboard = new InlineKeyboard()
    .text("Excel (.xlsx)", `ex:${kind}:${periodKey}:${bodyId}:xlsx`)
    .text("CSV", `ex:${kind}:${periodKey}:${bodyId}:csv`)
    .row()
    .text(ctx.t("admin:export.back"), `ex:${kind}`);
  await show(
    ctx,
    ctx.t("admin:export.chooseFormat", { period: formatPeriodLabel(periodKey, ctx.lang) }),
    keyboard,
  );
}

/** /export: monthly reports (appendices 5 and 6), a body's score sheet or the leaderboard as Excel or CSV. */
export const exportFeature = composer;
