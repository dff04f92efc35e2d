import type { MethodologyBook } from "../../../domain/methodology/book.ts";
import type { Points } from "../../../domain/points.ts";
import {
  type MonthlyReportScore,
  scoreMonthlyReport,
} from "../../../domain/reports/monthly-report.ts";
import type { Variants } from "../../../domain/variants.ts";
import type { Translate } from "../../context.ts";
import { draftToReport, type MonthlyDraft } from "./draft.ts";
import { formatCount, formatMonth, formatPointsText, tr } from "./format.ts";
import { explanatoryLines, preventiveLines, propagandaLines } from "./lines.ts";

/** Each line followed by the points its item earns. */
function withPoints(t: Translate, lines: string[], perItem: Points[]): string[] {
  return lines.map((line, i) => `   ${i + 1}. ${line} — ${formatPointsText(t, perItem[i] ?? 0)}`);
}

function propagandaPart(t: Translate, d: MonthlyDraft, score: MonthlyReportScore): string[] {
  const p = score.propaganda;
  const lines =
    d.propagandaEvents.length === 0 ? [] : propagandaLines(t, d).map((l, i) => `   ${i + 1}. ${l}`);
  if (d.propagandaEvents.length > 0) {
    lines.push(
      `   ${tr(t, "summary.propagandaReport", { points: formatPointsText(t, p.report) })}`,
    );
    if (d.published) {
      lines.push(
        `   ${tr(t, "summary.published", {
          links: tr(t, "links", { count: d.links.length }),
          views: formatCount(d.views ?? 0),
        })}`,
      );
      for (const link of d.links) lines.push(`      ${link}`);
      const key = p.reach > 0 ? "summary.reach" : "summary.publicity";
      lines.push(`   ${tr(t, key, { points: formatPointsText(t, p.reach + p.publicity) })}`);
    } else {
      lines.push(`   ${tr(t, "summary.notPublished")}`);
    }
  }
  return lines;
}

/** The report as the person will submit it: every item with the points it earns, and the total. */
export function renderSummary(
  t: Translate,
  d: MonthlyDraft,
  options: { late: boolean; variants?: Variants; methodology: MethodologyBook },
): string {
  const version = options.methodology.forPeriod(d.month);
  const score = scoreMonthlyReport(version, draftToReport(d), options.variants);
  const section = (key: string, count: number, points: Points, max: Points) =>
    tr(t, `summary.${key}`, {
      count,
      points: formatPointsText(t, points),
      max: formatPointsText(t, max),
    });
  const e = score.explanatoryEvents;
  const p = score.preventiveTalks;
  const files = d.evidence.length;
  const parts = [
    tr(t, "summary.title", { month: formatMonth(t, d.month) }),
    "",
    section("explanatory", d.explanatoryEvents.length, e.points, e.max),
    ...withPoints(t, explanatoryLines(t, d), e.perItem),
    "",
    section("preventive", p.perItem.length, p.points, p.max),
    ...withPoints(t, preventiveLines(t, d), p.perItem),
    "",
    section("propaganda", d.propagandaEvents.length, score.propaganda.points, score.propaganda.max),
    ...propagandaPart(t, d, score),
    "",
    tr(t, "summary.evidence", { count: files, files: tr(t, "files", { count: files }) }),
    "",
    tr(t, "summary.total", {
      points: formatPointsText(t, score.total),
      max: formatPointsText(t, score.max),
    }),
  ];
  if (options.late) parts.push("", tr(t, "summary.late"));
  if (d.baseVersion !== null)
    parts.push("", tr(t, "summary.correction", { version: d.baseVersion }));
  return parts.join("\n");
}

/** What the person reads once the report is stored. */
export function renderConfirmation(
  t: Translate,
  r: { month: string; version: number; late: boolean; total: Points },
): string {
  const lines = [
    tr(t, "submitted.title", { month: formatMonth(t, r.month), version: r.version }),
    tr(t, "submitted.points", { points: formatPointsText(t, r.total) }),
  ];
  if (r.late) lines.push(tr(t, "submitted.late"));
  lines.push(tr(t, "submitted.correctUntilDeadline"));
  return lines.join("\n");
}
