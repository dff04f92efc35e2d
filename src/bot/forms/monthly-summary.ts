// The monthly report as it will be submitted: every item with the points it earns, paged when long.
import { formatMonth } from "../../domain/calendar/format.ts";
import { monthlyValuesOfDraft } from "../../domain/forms/monthly/report.ts";
import type { Points } from "../../domain/points.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import { scoreMonthlyValues } from "../../domain/reports/monthly-report.ts";
import type { KeysUnder } from "../../i18n-keys.ts";
import type { Translate } from "../context.ts";
import {
  dueText,
  formatCount,
  type MonthlyEnv,
  mr,
  numberOf,
  pointsText,
  sectionLines,
} from "./monthly-text.ts";
import { pageLines, type Screen, type ScreenButton } from "./screen.ts";

/** Summaries longer than this are shown a page at a time. */
export const SUMMARY_PAGE_LIMIT = 2000;

function withPoints(t: Translate, lines: string[], perItem: Points[]): string[] {
  return lines.map((line, i) => `   ${i + 1}. ${line} — ${pointsText(t, perItem[i] ?? 0)}`);
}

function summaryBlocks(d: ReportDraft, env: MonthlyEnv, readOnly: boolean): string[][] {
  const t = env.t;
  const score = scoreMonthlyValues(env.version, monthlyValuesOfDraft(d), env.variants);
  const section = (
    key: "explanatory" | "preventive" | "propaganda",
    count: number,
    points: Points,
    max: Points,
  ) =>
    mr(t, `summary.${key}`, {
      number: numberOf(env.version, key),
      count,
      points: pointsText(t, points),
      max: pointsText(t, max),
    });
  const e = score.explanatoryEvents;
  const p = score.preventiveTalks;
  const g = score.propaganda;
  const propaganda = [
    section("propaganda", d.propagandaEvents.length, g.points, g.max),
    ...sectionLines(t, d, "propaganda").map((line, i) => `   ${i + 1}. ${line}`),
  ];
  if (d.propagandaEvents.length > 0) {
    propaganda.push(`   ${mr(t, "summary.propagandaReport", { points: pointsText(t, g.report) })}`);
    const views = monthlyValuesOfDraft(d)["p4.t3.s1"].views;
    if (g.reach > 0) {
      const n = mr(t, "views", { count: views, n: formatCount(views) });
      propaganda.push(`   ${mr(t, "summary.reach", { views: n, points: pointsText(t, g.reach) })}`);
    } else if (g.publicity > 0) {
      propaganda.push(`   ${mr(t, "summary.publicity", { points: pointsText(t, g.publicity) })}`);
    } else {
      propaganda.push(`   ${mr(t, "summary.notPublished")}`);
    }
  }
  const files = d.evidence.filter((x) => x.type !== "link").length;
  const footer = [
    mr(t, "summary.evidence", { files: mr(t, "files", { count: files }) }),
    ...d.confirmations.map((c) =>
      mr(t, "summary.confirmed", {
        what: mr(t, `confirmedWhat.${c.field as KeysUnder<"monthly-report", "confirmedWhat.">}`, {
          value: formatCount(c.value),
        }),
      }),
    ),
    "",
    mr(t, "summary.total", { points: pointsText(t, score.total), max: pointsText(t, score.max) }),
  ];
  if (!readOnly) {
    footer.push(
      env.nowAt.getTime() > env.dueAt.getTime()
        ? mr(t, "summary.late", { due: dueText(env) })
        : mr(t, "summary.due", { due: dueText(env) }),
    );
    if (d.baseVersion !== null)
      footer.push(mr(t, "summary.correction", { version: d.baseVersion }));
  }
  const month = formatMonth(d.periodKey, env.lang);
  return [
    [readOnly ? mr(t, "summary.readOnlyTitle", { month }) : mr(t, "summary.title", { month })],
    [
      section("explanatory", d.explanatoryEvents.length, e.points, e.max),
      ...withPoints(t, sectionLines(t, d, "explanatory"), e.perItem),
    ],
    [
      section("preventive", p.perItem.length, p.points, p.max),
      ...withPoints(t, sectionLines(t, d, "preventive"), p.perItem),
    ],
    propaganda,
    footer,
  ];
}

/** One page of the summary with the buttons to page, submit, edit or stop. */
export function renderMonthlySummary(
  d: ReportDraft,
  env: MonthlyEnv,
  page: number,
  options: { readOnly?: boolean } = {},
): Screen {
  const t = env.t;
  const pages = pageLines(
    summaryBlocks(d, env, options.readOnly === true),
    SUMMARY_PAGE_LIMIT - 40,
  );
  const current = Math.min(Math.max(0, page), pages.length - 1);
  const rows: ScreenButton[][] = [];
  if (pages.length > 1) {
    const nav: ScreenButton[] = [];
    if (current > 0)
      nav.push({ text: mr(t, "buttons.previousPage"), action: `page:${current - 1}` });
    if (current < pages.length - 1)
      nav.push({ text: mr(t, "buttons.nextPage"), action: `page:${current + 1}` });
    rows.push(nav);
  }
  rows.push(
    [{ text: mr(t, "buttons.submit"), action: "submit" }],
    [
      { text: mr(t, "buttons.edit"), action: "edit" },
      { text: mr(t, "buttons.cancel"), action: "cancel" },
    ],
    [{ text: mr(t, "buttons.back"), action: "back" }],
  );
  const pageLine =
    pages.length > 1
      ? `\n\n${mr(t, "summary.page", { page: current + 1, pages: pages.length })}`
      : "";
  return { text: `${pages[current] ?? ""}${pageLine}`, buttons: rows };
}
