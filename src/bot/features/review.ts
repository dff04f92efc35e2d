import { Composer, InlineKeyboard } from "grammy";
import type { UserRecord } from "../../db/repositories/users.ts";
import { enqueueMessages } from "../../delivery/outbox-message.ts";
import { formatDateTime, formatPeriodLabel } from "../../domain/calendar/format.ts";
import { findIndicator } from "../../domain/methodology/lookup.ts";
import type { Points } from "../../domain/points.ts";
import { readConfirmations, readExemptionClaim } from "../../domain/reports/version-meta.ts";
import { translator } from "../../i18n.ts";
import { bodyName } from "../../services/period-labels.ts";
import {
  compareWithPrevious,
  decideReview,
  loadHistory,
  loadReview,
  type ReviewView,
} from "../../services/review.ts";
import type { BotContext } from "../context.ts";
import { requireRole } from "../middleware/access.ts";
import { reviewButtons } from "./review-buttons.ts";
import { backToList } from "./review-queue.ts";
import {
  changeLines,
  confirmationLines,
  describeValue,
  eventText,
  exemptionLines,
} from "./review-text.ts";
import { pts, refuse, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
// What fits a phone's screen beside the answers; Appendix 6 of /export lists every event.
const MAX_EVENT_LINES = 3;

reviewButtons.on(composer, "o", admins, (ctx, [id]) => showReport(ctx, id));
reviewButtons.on(composer, "h", admins, (ctx, [id]) => showHistory(ctx, id));
reviewButtons.on(composer, "d", admins, (ctx, [id]) => showChanges(ctx, id));
reviewButtons.on(composer, "e", admins, (ctx, [id]) => sendEvidence(ctx, id));
reviewButtons.on(composer, "a", admins, (ctx, [id]) => decide(ctx, id, "accepted"));
reviewButtons.on(composer, "r", admins, async (ctx, [id]) => {
  ctx.session.pendingReturn = id;
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

function reportTitle(ctx: BotContext, view: Pick<ReviewView, "body" | "submission">): string {
  return ctx.t("admin:review.reportTitle", {
    body: bodyName(view.body, ctx.lang),
    report: ctx.t(`manager:reportKinds.${view.submission.kind}`),
    period: formatPeriodLabel(view.submission.periodKey, ctx.lang),
  });
}

async function showReport(ctx: BotContext, submissionId: number) {
  const view = await loadReview(ctx.repos, ctx.methodology, submissionId, {
    variants: ctx.config.methodologyVariants,
  });
  if (!view) return refuse(ctx, ctx.t("admin:review.notFound"));
  const { submission, version, score } = view;
  const scoredBy = ctx.methodology.forPeriod(submission.periodKey);
  const zone = ctx.config.timeZone;
  const late = submission.late ? ` · ${ctx.t("admin:review.late")}` : "";
  const lines = [
    `📄 ${reportTitle(ctx, view)}`,
    ctx.t("admin:review.versionLine", {
      number: version.number,
      at: formatDateTime(version.createdAt, zone),
      author: view.author?.name ?? "—",
    }),
    `${ctx.t(`admin:review.status.${submission.status}`)}${late}`,
  ];
  const claim = exemptionLines(ctx.t, readExemptionClaim(version.meta), scoredBy, ctx.lang);
  if (submission.kind === "annual" && claim.length > 0) lines.push("", ...claim);
  lines.push("", ctx.t("admin:review.answers"));
  for (const indicator of score.indicators) {
    if (!indicator.applicable && version.values[indicator.id] === undefined) continue;
    const def = findIndicator(scoredBy, indicator.id);
    const title = def?.shortTitle[ctx.lang] ?? indicator.id;
    const max = indicator.max === undefined ? "" : ` / ${pts(indicator.max)}`;
    const value = describeValue(ctx.t, def, version.values[indicator.id]);
    lines.push(
      `${def?.number ?? indicator.id} ${title}: ${value} → ${pts(indicator.points)}${max}`,
    );
  }
  if (version.events.length > 0) {
    lines.push("", ctx.t("admin:review.events"));
    version.events.slice(0, MAX_EVENT_LINES).forEach((event, i) => {
      lines.push(`${i + 1}. ${eventText(ctx.t, event)}`);
    });
    const more = version.events.length - MAX_EVENT_LINES;
    if (more > 0) lines.push(ctx.t("admin:review.moreEvents", { count: more }));
  }
  const confirmed = confirmationLines(ctx.t, readConfirmations(version.meta), zone);
  if (confirmed.length > 0) lines.push("", ...confirmed);
  const files = version.evidence.filter((e) => e.type !== "link").length;
  const links = version.evidence.filter((e) => e.type === "link").length;
  lines.push(
    "",
    ctx.t("admin:review.evidence", { files, links }),
    "",
    `${ctx.t("admin:review.total")}: ${pts(score.total)}`,
  );
  const comparison =
    version.number > 1
      ? await compareWithPrevious(ctx.repos, ctx.methodology, submissionId)
      : undefined;
  if (comparison) {
    lines.push(
      ctx.t("admin:review.changedSince", {
        number: comparison.before.number,
        count: comparison.changes.length,
      }),
    );
  }

  const keyboard = new InlineKeyboard();
  if (submission.status === "submitted") {
    keyboard
      .text(ctx.t("admin:review.accept"), reviewButtons.data("a", submission.id))
      .text(ctx.t("admin:review.return"), reviewButtons.data("r", submission.id))
      .row();
  }
  if (comparison) {
    keyboard
      .text(
        ctx.t("admin:review.showChanges", { number: comparison.before.number }),
        reviewButtons.data("d", submission.id),
      )
      .row();
  }
  if (version.evidence.length > 0)
    keyboard.text(ctx.t("admin:review.showEvidence"), reviewButtons.data("e", submission.id));
  keyboard.text(ctx.t("admin:review.history"), reviewButtons.data("h", submission.id)).row();
  keyboard.text(ctx.t("admin:review.backToList"), backToList(ctx, submission.status));
  await show(ctx, lines.join("\n"), keyboard);
}

async function showChanges(ctx: BotContext, submissionId: number) {
  const view = await loadReview(ctx.repos, ctx.methodology, submissionId);
  const comparison = await compareWithPrevious(ctx.repos, ctx.methodology, submissionId);
  if (!view || !comparison) return refuse(ctx, ctx.t("admin:review.notFound"));
  const scoredBy = ctx.methodology.forPeriod(view.submission.periodKey);
  const lines = [
    ctx.t("admin:review.diff.title", {
      from: comparison.before.number,
      to: comparison.after.number,
    }),
    reportTitle(ctx, view),
    "",
  ];
  if (comparison.changes.length === 0) lines.push(ctx.t("admin:review.diff.none"));
  lines.push(...changeLines(ctx.t, comparison.changes, scoredBy, ctx.lang));
  const keyboard = new InlineKeyboard().text(
    ctx.t("admin:review.backToReport"),
    reviewButtons.data("o", submissionId),
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
    reviewButtons.data("o", submissionId),
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
    .text(ctx.t("admin:review.history"), reviewButtons.data("h", submissionId))
    .text(ctx.t("admin:review.nextInQueue"), backToList(ctx, "submitted"));
  await show(ctx, done, keyboard);
  if (result.author) await notifyAuthor(ctx, result.author, view, decision, comment, result.total);
}

/** Tells the report's author, in their language; a failed send goes to the outbox for retries. */
async function notifyAuthor(
  ctx: BotContext,
  author: UserRecord,
  view: Pick<ReviewView, "body" | "submission">,
  decision: "accepted" | "returned",
  comment: string | undefined,
  total: Points | undefined,
) {
  const t = translator(author.language);
  const text = t(`admin:review.notify.${decision}`, {
    report: t(`manager:reportKinds.${view.submission.kind}`),
    period: formatPeriodLabel(view.submission.periodKey, author.language),
    body: bodyName(view.body, author.language),
    comment: comment ?? "",
    points: pts(total ?? 0),
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

/** A report under review: its answers, claims and changes; its evidence and history; accept or return. */
export const reviewFeature = composer;
