// /score's reporting lines: how the body reported over each span, the month's reports by name
// (accepted, under review…), and "not reported" where nothing came, never a zero score.
import { formatDateTime, formatPeriodLabel } from "../../domain/calendar/format.ts";
import type { ReportingTally } from "../../domain/reports/reporting.ts";
import { reportedNothing } from "../../services/body-reporting.ts";
import type { SpanPoints } from "../../services/body-scores.ts";
import type { NamedReport, ScoreReporting } from "../../services/score-reporting.ts";
import type { BotContext } from "../context.ts";
import { pts } from "./view-helpers.ts";

const SPANS = ["month", "quarter", "year"] as const;

/** "25 · 25 · 25", with "—" for a span the body reported nothing in. */
export function spansText(points: SpanPoints, reporting?: ScoreReporting): string {
  return SPANS.map((span) =>
    reporting && reportedNothing(reporting.spans[span]) ? "—" : pts(points[span]),
  ).join(" · ");
}

/** The lines under the total: the points under review, and what "—" means, when there are any. */
export function totalNotes(ctx: BotContext, reporting: ScoreReporting): string[] {
  const lines: string[] = [];
  if (SPANS.some((span) => reporting.unreviewed[span] !== 0)) {
    lines.push(
      ctx.t("manager:score.unreviewed", {
        points: SPANS.map((span) => pts(reporting.unreviewed[span])).join(" · "),
      }),
    );
  }
  if (SPANS.some((span) => reportedNothing(reporting.spans[span]))) {
    lines.push(ctx.t("manager:score.notReportedLegend"));
  }
  return lines;
}

function stateOf(ctx: BotContext, report: NamedReport): string {
  const late = report.state === "late" ? "Late" : "";
  if (report.status === "accepted") return ctx.t(`manager:score.state.accepted${late}`);
  if (report.status === "submitted") return ctx.t(`manager:score.state.submitted${late}`);
  if (report.state === "pending") {
    return ctx.t("manager:score.state.pending", {
      due: formatDateTime(report.dueAt, ctx.config.timeZone),
    });
  }
  return ctx.t(`manager:score.state.${report.state === "returned" ? "returned" : "missing"}`);
}

function of(ctx: BotContext, tally: ReportingTally): string {
  return ctx.t("manager:score.of", { received: tally.received, expected: tally.expected });
}

/** The month's reports by name with their state, then reports received over each span. */
export function reportingLines(ctx: BotContext, reporting: ScoreReporting): string[] {
  // The latest due first: the month's own report leads.
  const reports = [...reporting.reports].sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
  const lines = reports.map((report) => {
    const line = ctx.t("manager:score.reportLine", {
      report: ctx.t(`manager:reportKinds.${report.kind}`),
      period: formatPeriodLabel(report.periodKey, ctx.lang),
      state: stateOf(ctx, report),
    });
    return line.charAt(0).toLocaleUpperCase() + line.slice(1);
  });
  const { month, quarter, year } = reporting.spans;
  if (year.expected > 0) {
    lines.push(
      ctx.t("manager:score.rates", {
        month: month.expected > 0 ? of(ctx, month) : "—",
        quarter: quarter.expected > 0 ? of(ctx, quarter) : "—",
        year: of(ctx, year),
        onTime: year.onTime,
      }),
    );
  }
  return lines;
}
