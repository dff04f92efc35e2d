import { Composer, InlineKeyboard } from "grammy";
import type { QueueItem } from "../../db/repositories/submissions.ts";
import type { UserRecord } from "../../db/repositories/users.ts";
import { enqueueMessages } from "../../delivery/outbox-message.ts";
import {
  formatCalendarDate,
  formatDateTime,
  formatPeriodLabel,
} from "../../domain/calendar/format.ts";
import { findIndicator } from "../../domain/methodology/lookup.ts";
import { translator } from "../../i18n.ts";
import { bodyName } from "../../services/period-labels.ts";
import {
  decideReview,
  listReviewQueue,
  loadHistory,
  loadReview,
  type ReviewView,
} from "../../services/review.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { pts, refuse, shorten, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
type Status = "submitted" | "returned" | "accepted";

composer.command("review", admins, async (ctx) => {
  ctx.session.pendingReturn = undefined;
  await showQueue(ctx, "submitted");
});
onMenuButton(composer, "review", (ctx) => showQueue(ctx, "submitted", true));
composer.callbackQuery(/^rv:l:(submitted|returned|accepted)$/, admins, (ctx) =>
  showQueue(ctx, ctx.match[1] as Status),
);
composer.callbackQuery(/^rv:o:(\d+)$/, admins, (ctx) => showReport(ctx, Number(ctx.match[1])));
composer.callbackQuery(/^rv:h:(\d+)$/, admins, (ctx) => showHistory(ctx, Number(ctx.match[1])));
composer.callbackQuery(/^rv:e:(\d+)$/, admins, (ctx) => sendEvidence(ctx, Number(ctx.match[1])));
composer.callbackQuery(/^rv:a:(\d+)$/, admins, (ctx) =>
  decide(ctx, Number(ctx.match[1]), "accepted"),
);
composer.callbackQuery(/^rv:r:(\d+)$/, admins, async (ctx) => {
  ctx.session.pendingReturn = Number(ctx.match[1]);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("admin:review.askComment"));
});

// The admin's next text message after "Return" is the comment; a command cancels it.
composer.on("message:text", async (ctx, next) => {
  const submissionId = ctx.session.pendingReturn;
  if (submissionId === undefined) return next();
  ctx.session.pendingReturn = undefined;
  if (ctx.message.text.startsWith("/")) return next();
  if (ctx.user?.role !== "admin") return next();
  await decide(ctx, submissionId, "returned", ctx.message.text);
});

function itemLabel(ctx: BotContext, item: QueueItem): string {
  const name = ctx.lang === "kk" ? item.bodyNameKk : item.bodyNameRu;
  const period = formatPeriodLabel(item.periodKey, ctx.lang);
  return shorten(
    `${name} · ${ctx.t(`manager:reportKinds.${item.kind}`)} · ${period} · v${item.versionCount}`,
    60,
  );
}

async function showQueue(ctx: BotContext, status: Status, fresh = false) {
  const items = await listReviewQueue(ctx.repos, status, 10);
  const waiting =
    status === "submitted"
      ? items.length
      : (await ctx.repos.submissions.listQueue("submitted")).length;
  const text = [
    ctx.t(`admin:review.list.${status}`, {
      count: status === "submitted" ? waiting : items.length,
    }),
  ];
  if (items.length === 0) text.push(ctx.t("admin:review.list.empty"));
  const keyboard = new InlineKeyboard();
  for (const item of items) keyboard.text(itemLabel(ctx, item), `rv:o:${item.id}`).row();
  for (const other of ["submitted", "returned", "accepted"] as const) {
    if (other !== status) keyboard.text(ctx.t(`admin:review.tabs.${other}`), `rv:l:${other}`);
  }
  await show(ctx, text.join("\n"), keyboard, { fresh });
}

function reportTitle(ctx: BotContext, view: Pick<ReviewView, "body" | "submission">): string {
  return ctx.t("admin:review.reportTitle", {
    body: bodyName(view.body, ctx.lang),
    report: ctx.t(`manager:reportKinds.${view.submission.kind}`),
    period: formatPeriodLabel(view.submission.periodKey, ctx.lang),
  });
}

/** A stored value as a reader sees it: yes/no, numbers, and named parts of composite answers. */
function formatValue(ctx: BotContext, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return ctx.t(value ? "admin:review.yes" : "admin:review.no");
  if (Array.isArray(value)) return value.map((v) => formatValue(ctx, v)).join("; ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(
        ([key, v]) =>
          `${ctx.t(`admin:review.fields.${key}`, { defaultValue: key })}: ${formatValue(ctx, v)}`,
      )
      .join(", ");
  }
  return String(value);
}

async function showReport(ctx: BotContext, submissionId: number) {
  const view = await loadReview(ctx.repos, ctx.methodology, submissionId, {
    variants: ctx.config.methodologyVariants,
  });
  if (!view) return refuse(ctx, ctx.t("admin:review.notFound"));
  const { submission, version, score } = view;
  const scoredBy = ctx.methodology.forPeriod(submission.periodKey);
  const zone = ctx.config.timeZone;
  const lines = [
    `📄 ${reportTitle(ctx, view)}`,
    ctx.t("admin:review.versionLine", {
      number: version.number,
      at: formatDateTime(version.createdAt, zone),
      author: view.author?.name ?? "—",
    }),
    `${ctx.t(`admin:review.status.${submission.status}`)}${submission.late ? ` · ${ctx.t("admin:review.late")}` : ""}`,
    "",
    ctx.t("admin:review.answers"),
  ];
  for (const indicator of score.indicators) {
    if (!indicator.applicable && version.values[indicator.id] === undefined) continue;
    const def = findIndicator(scoredBy, indicator.id);
    const title = shorten(def?.title[ctx.lang] ?? indicator.id, 60);
    const max = indicator.max === undefined ? "" : ` / ${pts(indicator.max)}`;
    lines.push(
      `${def?.number ?? indicator.id} ${title}: ${formatValue(ctx, version.values[indicator.id])} → ${pts(indicator.points)}${max}`,
    );
  }
  if (version.events.length > 0) {
    lines.push("", ctx.t("admin:review.events"));
    version.events.forEach((event, i) => {
      const parts = [
        formatCalendarDate(event.date),
        ctx.t(`admin:review.eventKinds.${event.kind}`),
        event.topic,
      ];
      if (event.kind !== "preventive")
        parts.push(ctx.t("admin:review.participants", { count: event.participants }));
      if (event.position) parts.push(event.position);
      if (event.audience) parts.push(event.audience);
      if (event.link) parts.push(event.link);
      if (event.views !== null && event.views !== undefined)
        parts.push(ctx.t("admin:review.views", { count: event.views }));
      lines.push(`${i + 1}. ${parts.join(" · ")}`);
    });
  }
  const files = version.evidence.filter((e) => e.type !== "link").length;
  const links = version.evidence.filter((e) => e.type === "link").length;
  lines.push(
    "",
    ctx.t("admin:review.evidence", { files, links }),
    "",
    `${ctx.t("admin:review.total")}: ${pts(score.total)}`,
  );

  const keyboard = new InlineKeyboard();
  if (submission.status === "submitted") {
    keyboard
      .text(ctx.t("admin:review.accept"), `rv:a:${submission.id}`)
      .text(ctx.t("admin:review.return"), `rv:r:${submission.id}`)
      .row();
  }
  if (version.evidence.length > 0)
    keyboard.text(ctx.t("admin:review.showEvidence"), `rv:e:${submission.id}`);
  keyboard.text(ctx.t("admin:review.history"), `rv:h:${submission.id}`).row();
  keyboard.text(
    ctx.t("admin:review.backToList"),
    `rv:l:${submission.status === "draft" ? "submitted" : submission.status}`,
  );
  await show(ctx, lines.join("\n"), keyboard);
}

async function showHistory(ctx: BotContext, submissionId: number) {
  const view = await loadReview(ctx.repos, ctx.methodology, submissionId);
  if (!view) return refuse(ctx, ctx.t("admin:review.notFound"));
  const zone = ctx.config.timeZone;
  const lines = [`🕘 ${ctx.t("admin:review.historyTitle")}: ${reportTitle(ctx, view)}`, ""];
  for (const entry of await loadHistory(ctx.repos, submissionId)) {
    const at = formatDateTime(entry.at, zone);
    if (entry.type === "version") {
      const late = entry.late ? ` (${ctx.t("admin:review.late")})` : "";
      lines.push(
        `${at} — ${ctx.t("admin:review.historyVersion", { number: entry.number, author: entry.author })}${late}`,
      );
    } else {
      const key = entry.action === "accept" ? "historyAccepted" : "historyReturned";
      const comment = entry.comment ? `: «${entry.comment}»` : "";
      lines.push(
        `${at} — ${ctx.t(`admin:review.${key}`, { number: entry.versionNumber, reviewer: entry.reviewer })}${comment}`,
      );
    }
  }
  const keyboard = new InlineKeyboard().text(
    ctx.t("admin:review.backToReport"),
    `rv:o:${submissionId}`,
  );
  await show(ctx, lines.join("\n"), keyboard);
}

async function sendEvidence(ctx: BotContext, submissionId: number) {
  await ctx.answerCallbackQuery();
  const view = await loadReview(ctx.repos, ctx.methodology, submissionId);
  const chatId = ctx.chat?.id;
  if (!view || chatId === undefined) return;
  const version = ctx.methodology.forPeriod(view.submission.periodKey);
  const label = (item: string) =>
    item.startsWith("event:")
      ? ctx.t("admin:review.evidenceOfEvent", { number: item.slice("event:".length) })
      : (findIndicator(version, item)?.number ?? item);
  const links: string[] = [];
  let failed = 0;
  for (const evidence of view.version.evidence) {
    if (evidence.type === "link") {
      links.push(`${label(evidence.item)}: ${evidence.link ?? ""}`);
      continue;
    }
    if (!evidence.telegramFileId) continue;
    const caption = label(evidence.item);
    try {
      if (evidence.type === "photo")
        await ctx.api.sendPhoto(chatId, evidence.telegramFileId, { caption });
      else await ctx.api.sendDocument(chatId, evidence.telegramFileId, { caption });
    } catch (error) {
      failed++;
      ctx.logger.warn({ err: error, evidence: evidence.id }, "an evidence file could not be sent");
    }
  }
  if (links.length > 0) await ctx.reply([ctx.t("admin:review.links"), ...links].join("\n"));
  if (failed > 0) await ctx.reply(ctx.t("admin:review.evidenceFailed", { count: failed }));
}

async function decide(
  ctx: BotContext,
  submissionId: number,
  decision: "accepted" | "returned",
  comment?: string,
) {
  const reviewer = ctx.user;
  if (!reviewer) return;
  const result = await decideReview(ctx.repos, ctx.methodology, {
    submissionId,
    reviewer,
    decision,
    comment,
    now: ctx.now(),
    variants: ctx.config.methodologyVariants,
  });
  if (!result.ok) return refuse(ctx, ctx.t(`admin:review.refused.${result.reason}`));
  const view = { body: result.body, submission: result.submission };
  const done = ctx.t(`admin:review.done.${decision}`, { report: reportTitle(ctx, view) });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("admin:review.history"), `rv:h:${submissionId}`)
    .text(ctx.t("admin:review.nextInQueue"), "rv:l:submitted");
  await show(ctx, done, keyboard);
  if (result.author) await notifyAuthor(ctx, result.author, view, decision, comment);
}

/** Tells the report's author, in their language; a failed send goes to the outbox for retries. */
async function notifyAuthor(
  ctx: BotContext,
  author: UserRecord,
  view: Pick<ReviewView, "body" | "submission">,
  decision: "accepted" | "returned",
  comment: string | undefined,
) {
  const t = translator(author.language);
  const text = t(`admin:review.notify.${decision}`, {
    report: t(`manager:reportKinds.${view.submission.kind}`),
    period: formatPeriodLabel(view.submission.periodKey, author.language),
    body: bodyName(view.body, author.language),
    comment: comment ?? "",
  });
  try {
    await ctx.api.sendMessage(author.telegramId, text);
  } catch (error) {
    ctx.logger.warn({ err: error, user: author.id }, "review notification deferred to the outbox");
    const key = `review:${view.submission.id}:${view.submission.updatedAt.getTime()}:${decision}`;
    await enqueueMessages(
      ctx.repos,
      [{ chatId: author.telegramId, text, idempotencyKey: key }],
      ctx.now(),
    );
  }
}

/** /review: the queue of submitted reports; an admin reads one, sees its evidence and history, accepts or returns it. */
export const reviewFeature = composer;
