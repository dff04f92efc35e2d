import { Composer, InlineKeyboard } from "grammy";
import type { QueueItem } from "../../db/repositories/submissions.ts";
import { formatPeriodLabel } from "../../domain/calendar/format.ts";
import { pageWindow } from "../../domain/paging.ts";
import { comparePeriods, isPeriodKey } from "../../domain/periods.ts";
import { REPORT_KINDS } from "../../domain/vocabulary.ts";
import { bodyName } from "../../services/period-labels.ts";
import { pageReviewQueue } from "../../services/review.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { reviewButtons } from "./review-buttons.ts";
import {
  encodeFilter,
  isNarrowed,
  parseFilter,
  QUEUE_STATUSES,
  type ReviewFilter,
  withFilter,
} from "./review-filter.ts";
import { refuse, shorten, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
const PER_PAGE = 8;
const PERIODS_PER_PAGE = 12;
const BODIES_PER_PAGE = 8;
const START: ReviewFilter = { status: "submitted", page: 0 };

// /review [body code] [period key]: straight to that body's or period's reports waiting.
composer.command("review", admins, async (ctx) => {
  ctx.session.pendingReturn = undefined;
  let filter = START;
  for (const arg of ctx.match.trim().split(/\s+/).filter(Boolean)) {
    if (isPeriodKey(arg)) {
      filter = withFilter(filter, { periodKey: arg });
      continue;
    }
    const body = await ctx.repos.directory.getBodyByCode(arg);
    if (!body) return refuse(ctx, ctx.t("admin:review.queue.unknownArg", { arg }));
    filter = withFilter(filter, { bodyId: body.id });
  }
  await showList(ctx, filter);
});
onMenuButton(composer, "review", (ctx) => showList(ctx, START, true));
// rv:l also reads the bare status of lists sent before the list had filters (listField).
reviewButtons.on(composer, "l", admins, (ctx, [filter]) => showList(ctx, filter));
reviewButtons.on(composer, "fk", admins, (ctx, [filter]) => showKinds(ctx, filter));
reviewButtons.on(composer, "fp", admins, (ctx, [filter, page]) => showPeriods(ctx, filter, page));
reviewButtons.on(composer, "fb", admins, (ctx, [filter, page]) => showBodies(ctx, filter, page));

/** The list's button data for a filter. */
export function listData(filter: ReviewFilter): string {
  return reviewButtons.data("l", filter);
}

/** Where "back to the list" goes from a report: the list last shown, if it shows this status. */
export function backToList(ctx: BotContext, status: string): string {
  const last = parseFilter(ctx.session.reviewList ?? "");
  if (last && last.status === status) return listData(last);
  const known = QUEUE_STATUSES.find((s) => s === status) ?? "submitted";
  return listData({ status: known, page: 0 });
}

function itemLabel(ctx: BotContext, item: QueueItem): string {
  const name = ctx.lang === "kk" ? item.bodyNameKk : item.bodyNameRu;
  const period = formatPeriodLabel(item.periodKey, ctx.lang);
  const kind = ctx.t(`manager:reportKinds.${item.kind}`);
  const version = ctx.t("admin:review.queue.version", { number: item.versionCount });
  return shorten(`${name} · ${kind} · ${period} · ${version}`, 60);
}

async function filterLine(ctx: BotContext, filter: ReviewFilter): Promise<string | undefined> {
  if (!isNarrowed(filter)) return undefined;
  const parts: string[] = [];
  if (filter.kind) parts.push(ctx.t(`manager:reportKinds.${filter.kind}`));
  if (filter.periodKey) parts.push(formatPeriodLabel(filter.periodKey, ctx.lang));
  if (filter.bodyId !== undefined) {
    const body = await ctx.repos.directory.getBody(filter.bodyId);
    parts.push(body ? bodyName(body, ctx.lang) : `#${filter.bodyId}`);
  }
  return ctx.t("admin:review.queue.filter", { filter: parts.join(" · ") });
}

async function showList(ctx: BotContext, asked: ReviewFilter, fresh = false): Promise<void> {
  const queue = await pageReviewQueue(ctx.repos, asked, PER_PAGE);
  const filter = { ...asked, page: queue.page };
  ctx.session.reviewList = encodeFilter(filter);
  const head = ctx.t(`admin:review.queue.title.${filter.status}`, { count: queue.total });
  const text = [
    queue.pages > 1
      ? `${head} ${ctx.t("admin:review.queue.page", { page: queue.page + 1, pages: queue.pages })}`
      : head,
  ];
  const narrowed = await filterLine(ctx, filter);
  if (narrowed) text.push(narrowed);
  if (queue.total === 0) text.push("", ctx.t("admin:review.list.empty"));
  const keyboard = new InlineKeyboard();
  for (const item of queue.items)
    keyboard.text(itemLabel(ctx, item), reviewButtons.data("o", item.id)).row();
  if (queue.pages > 1) {
    const to = (page: number) => listData({ ...filter, page });
    if (queue.page > 0) keyboard.text("◀", to(queue.page - 1));
    keyboard.text(`${queue.page + 1}/${queue.pages}`, to(queue.page));
    if (queue.page < queue.pages - 1) keyboard.text("▶", to(queue.page + 1));
    keyboard.row();
  }
  keyboard
    .text(ctx.t("admin:review.queue.byKind"), reviewButtons.data("fk", filter))
    .text(ctx.t("admin:review.queue.byPeriod"), reviewButtons.data("fp", filter, 0))
    .text(ctx.t("admin:review.queue.byBody"), reviewButtons.data("fb", filter, 0))
    .row();
  if (isNarrowed(filter)) {
    keyboard.text(ctx.t("admin:review.queue.clear"), listData({ status: filter.status, page: 0 }));
    keyboard.row();
  }
  const { status: _, page: __, ...narrowing } = filter;
  const counts = await ctx.repos.reviewQueue.countByStatus(narrowing);
  for (const other of QUEUE_STATUSES) {
    if (other === filter.status) continue;
    const label = ctx.t("admin:review.queue.tab", {
      tab: ctx.t(`admin:review.tabs.${other}`),
      count: counts[other],
    });
    keyboard.text(label, listData(withFilter(filter, { status: other })));
  }
  await show(ctx, text.join("\n"), keyboard, { fresh });
}

async function showKinds(ctx: BotContext, filter: ReviewFilter): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const kind of REPORT_KINDS) {
    const mark = filter.kind === kind ? "✓ " : "";
    keyboard
      .text(
        `${mark}${ctx.t(`manager:reportKinds.${kind}`)}`,
        listData(withFilter(filter, { kind })),
      )
      .row();
  }
  keyboard.text(
    ctx.t("admin:review.queue.anyKind"),
    listData(withFilter(filter, { kind: undefined })),
  );
  keyboard.row().text(ctx.t("admin:review.backToList"), listData(filter));
  await show(ctx, ctx.t("admin:review.queue.chooseKind"), keyboard);
}

async function showPeriods(ctx: BotContext, filter: ReviewFilter, page: number): Promise<void> {
  const periods = (await ctx.repos.reviewQueue.periods(filter)).sort(
    (a, b) => comparePeriods(b.periodKey, a.periodKey) || a.periodKey.localeCompare(b.periodKey),
  );
  const window = pageWindow(page, PERIODS_PER_PAGE, periods.length);
  const keyboard = new InlineKeyboard();
  periods.slice(window.offset, window.offset + PERIODS_PER_PAGE).forEach((p, i) => {
    const mark = filter.periodKey === p.periodKey ? "✓ " : "";
    const label = `${mark}${formatPeriodLabel(p.periodKey, ctx.lang)} (${p.count})`;
    keyboard.text(label, listData(withFilter(filter, { periodKey: p.periodKey })));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row();
  pager(keyboard, window, (p) => reviewButtons.data("fp", filter, p));
  keyboard.text(
    ctx.t("admin:review.queue.anyPeriod"),
    listData(withFilter(filter, { periodKey: undefined })),
  );
  keyboard.row().text(ctx.t("admin:review.backToList"), listData(filter));
  const text =
    periods.length === 0
      ? ctx.t("admin:review.list.empty")
      : ctx.t("admin:review.queue.choosePeriod");
  await show(ctx, text, keyboard);
}

async function showBodies(ctx: BotContext, filter: ReviewFilter, page: number): Promise<void> {
  const bodies = await ctx.repos.reviewQueue.bodies(filter);
  const window = pageWindow(page, BODIES_PER_PAGE, bodies.length);
  const keyboard = new InlineKeyboard();
  for (const body of bodies.slice(window.offset, window.offset + BODIES_PER_PAGE)) {
    const mark = filter.bodyId === body.bodyId ? "✓ " : "";
    keyboard
      .text(
        shorten(`${mark}${bodyName(body, ctx.lang)} (${body.count})`),
        listData(withFilter(filter, { bodyId: body.bodyId })),
      )
      .row();
  }
  pager(keyboard, window, (p) => reviewButtons.data("fb", filter, p));
  keyboard.text(
    ctx.t("admin:review.queue.anyBody"),
    listData(withFilter(filter, { bodyId: undefined })),
  );
  keyboard.row().text(ctx.t("admin:review.backToList"), listData(filter));
  const text =
    bodies.length === 0 ? ctx.t("admin:review.list.empty") : ctx.t("admin:review.queue.chooseBody");
  await show(ctx, text, keyboard);
}

function pager(
  keyboard: InlineKeyboard,
  window: { page: number; pages: number },
  data: (page: number) => string,
): void {
  if (window.pages <= 1) return;
  if (window.page > 0) keyboard.text("◀", data(window.page - 1));
  keyboard.text(`${window.page + 1}/${window.pages}`, data(window.page));
  if (window.page < window.pages - 1) keyboard.text("▶", data(window.page + 1));
  keyboard.row();
}

/** /review's list: reports by status, paged, narrowed by report kind, period and body. */
export const reviewQueueFeature = composer;
