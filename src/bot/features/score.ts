import { Composer, InlineKeyboard } from "grammy";
import { formatPeriodLabel } from "../../domain/calendar/format.ts";
import { isPeriodKey, nextPeriod, previousPeriod } from "../../domain/periods.ts";
import { dataKey } from "../../i18n-keys.ts";
import { listVisibleBodies, mayViewBody } from "../../services/body-scope.ts";
import {
  type BodyScoreSummary,
  type IndicatorScoreView,
  reportingMonth,
  type SpanPoints,
  summarizeBodyScores,
} from "../../services/body-scores.ts";
import { bodyName } from "../../services/period-labels.ts";
import { listReportProblems } from "../../services/report-status.ts";
import { scoreReporting } from "../../services/score-reporting.ts";
import type { BotContext } from "../context.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";
import { dashboardLink, mayOpenDashboard } from "./dashboard.ts";
import { reportingLines, spansText, totalNotes } from "./score-reporting.ts";
import { bodyPicker, pts, refuse, shorten, show } from "./view-helpers.ts";

const composer = new Composer<BotContext>();
const allowed = requireRole("manager", "commissioner", "officer");

// sc:<bodyId>:<month>:<node> — node is "" (summary), a project, task or indicator id.
const SCREEN = /^sc:(\d+):(\d{4}-\d{2}):([\w.]*)$/;
const PICKER = /^scp:(\d+):(\d{4}-\d{2})$/;

composer.command("score", allowed, async (ctx) => {
  const user = ctx.user;
  if (!user) return;
  const args = ctx.match.trim().split(/\s+/).filter(Boolean);
  const monthArg = args.find((arg) => isPeriodKey(arg, "month"));
  const codeArg = args.find((arg) => arg !== monthArg);
  const month = monthArg ?? reportingMonth(ctx.now(), ctx.config.timeZone);
  if (codeArg) {
    const body = await ctx.repos.directory.getBodyByCode(codeArg);
    if (!body || !(await mayViewBody(ctx.repos, user, body.id))) {
      await ctx.reply(ctx.t("manager:score.notAllowed"));
      return;
    }
    return showScreen(ctx, body.id, month, "");
  }
  if (user.bodyId === null) return showPicker(ctx, 0, month);
  return showScreen(ctx, user.bodyId, month, "");
});

onMenuButton(composer, "score", async (ctx) => {
  const user = ctx.user;
  if (!user) return;
  const month = reportingMonth(ctx.now(), ctx.config.timeZone);
  await ctx.answerCallbackQuery();
  if (user.bodyId === null) return showPicker(ctx, 0, month, true);
  return showScreen(ctx, user.bodyId, month, "", true);
});

composer.callbackQuery(SCREEN, allowed, async (ctx) => {
  const [, bodyId, month, node] = ctx.match;
  await showScreen(ctx, Number(bodyId), month ?? "", node ?? "");
});

composer.callbackQuery(PICKER, allowed, async (ctx) => {
  const [, page, month] = ctx.match;
  await showPicker(ctx, Number(page), month ?? "");
});

async function showPicker(ctx: BotContext, page: number, month: string, fresh = false) {
  const bodies = await listVisibleBodies(ctx.repos, ctx.user);
  if (bodies.length === 0) return refuse(ctx, ctx.t("manager:score.noBody"));
  const keyboard = bodyPicker(ctx, bodies, page, {
    select: (body) => `sc:${body.id}:${month}:`,
    page: (p) => `scp:${p}:${month}`,
  });
  const text = ctx.t("manager:score.pickBody");
  if (fresh) await ctx.reply(text, { reply_markup: keyboard });
  else await show(ctx, text, keyboard);
}

async function showScreen(
  ctx: BotContext,
  bodyId: number,
  month: string,
  node: string,
  fresh = false,
): Promise<void> {
  // Every press is checked again: buttons can be forged, and roles change.
  if (!(await mayViewBody(ctx.repos, ctx.user, bodyId))) {
    return refuse(ctx, ctx.t("manager:score.notAllowed"));
  }
  const summary = await summarizeBodyScores(ctx.repos, ctx.methodology, bodyId, month, {
    variants: ctx.config.methodologyVariants,
  });
  if (!summary) return refuse(ctx, ctx.t("manager:score.notAllowed"));
  const view =
    node === ""
      ? await summaryView(ctx, summary)
      : (drillView(ctx, summary, node) ?? (await summaryView(ctx, summary)));
  if (fresh) await ctx.reply(view.text, { reply_markup: view.keyboard });
  else await show(ctx, view.text, view.keyboard);
}

type View = { text: string; keyboard: InlineKeyboard };

function spans(points: SpanPoints): string {
  return `${pts(points.month)} · ${pts(points.quarter)} · ${pts(points.year)}`;
}

function header(ctx: BotContext, summary: BodyScoreSummary): string {
  return [
    `📊 ${bodyName(summary.body, ctx.lang)}`,
    ctx.t("manager:score.spans", {
      month: formatPeriodLabel(summary.month, ctx.lang),
      quarter: formatPeriodLabel(summary.quarter, ctx.lang),
      year: summary.year,
    }),
  ].join("\n");
}

async function summaryView(ctx: BotContext, summary: BodyScoreSummary): Promise<View> {
  const { body, month } = summary;
  const reporting = await scoreReporting(ctx.repos, body, month, {
    now: ctx.now(),
    zone: ctx.config.timeZone,
    methodology: ctx.methodology,
  });
  const lines = [header(ctx, summary), ""];
  for (const project of summary.projects) {
    lines.push(
      `${project.number}. ${project.title[ctx.lang]}: ${spansText(project.points, reporting)}`,
    );
  }
  lines.push(
    "",
    `${ctx.t("manager:score.total")}: ${spansText(summary.total, reporting)}`,
    ...totalNotes(ctx, reporting),
    "",
  );
  const problems = await listReportProblems(ctx.repos, body.id, {
    year: Number(summary.year),
    now: ctx.now(),
    zone: ctx.config.timeZone,
    methodology: ctx.methodology,
  });
  lines.push(ctx.t("manager:score.reports"), ...reportingLines(ctx, reporting));
  if (problems.length === 0) lines.push(ctx.t("manager:score.allOnTime"));
  // One line per state and kind: a body that never reported would otherwise get a line a month.
  const groups = new Map<string, string[]>();
  for (const problem of problems) {
    const key = `${problem.state}|${problem.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), formatPeriodLabel(problem.periodKey, ctx.lang)]);
  }
  for (const [key, periods] of groups) {
    const [state, kind] = key.split("|");
    lines.push(
      ctx.t(dataKey(`manager:score.problem.${state}`), {
        reports: ctx.t(dataKey(`manager:reportKindsPlural.${kind}`)),
        periods: periods.join(", "),
      }),
    );
  }
  const keyboard = new InlineKeyboard();
  const dashboard = mayOpenDashboard(ctx)
    ? dashboardLink(ctx, { bodyId: body.id, period: month })
    : undefined;
  if (dashboard) keyboard.webApp(ctx.t("dashboard:button"), dashboard).row();
  for (const project of summary.projects) {
    const label = `${project.number}. ${project.title[ctx.lang]}`;
    keyboard.text(shorten(label), `sc:${body.id}:${month}:${project.id}`).row();
  }
  keyboard
    .text(
      `◀ ${formatPeriodLabel(previousPeriod(month), ctx.lang)}`,
      `sc:${body.id}:${previousPeriod(month)}:`,
    )
    .text(
      `${formatPeriodLabel(nextPeriod(month), ctx.lang)} ▶`,
      `sc:${body.id}:${nextPeriod(month)}:`,
    )
    .row();
  if ((await listVisibleBodies(ctx.repos, ctx.user)).length > 1) {
    keyboard.text(ctx.t("manager:score.otherBodies"), `scp:0:${month}`);
  }
  return { text: lines.join("\n"), keyboard };
}

/** The screen of a project, task or indicator; undefined for an unknown id. */
function drillView(ctx: BotContext, summary: BodyScoreSummary, node: string): View | undefined {
  const at = (id: string) => `sc:${summary.body.id}:${summary.month}:${id}`;
  const back = (id: string) => new InlineKeyboard().text(ctx.t("manager:score.back"), at(id));
  for (const project of summary.projects) {
    if (project.id === node) {
      const lines = [
        header(ctx, summary),
        "",
        `${project.number}. ${project.title[ctx.lang]}: ${spans(project.points)}`,
        "",
      ];
      const keyboard = new InlineKeyboard();
      for (const task of project.tasks) {
        lines.push(`${task.number} ${task.title[ctx.lang]}: ${spans(task.points)}`);
        keyboard.text(shorten(`${task.number} ${task.title[ctx.lang]}`), at(task.id)).row();
      }
      keyboard.text(ctx.t("manager:score.back"), at(""));
      return { text: lines.join("\n"), keyboard };
    }
    for (const task of project.tasks) {
      if (task.id === node) {
        const lines = [
          header(ctx, summary),
          "",
          `${task.number} ${task.title[ctx.lang]}: ${spans(task.points)}`,
          "",
        ];
        const keyboard = new InlineKeyboard();
        task.indicators.forEach((indicator, i) => {
          lines.push(
            `${indicator.number} ${indicator.title[ctx.lang]}`,
            `   ${spans(indicator.points)}${maxText(ctx, indicator)}`,
          );
          keyboard.text(indicator.number, at(indicator.id));
          if (i % 4 === 3) keyboard.row();
        });
        keyboard.row().text(ctx.t("manager:score.back"), at(project.id));
        return { text: lines.join("\n"), keyboard };
      }
      const indicator = task.indicators.find((candidate) => candidate.id === node);
      if (indicator) {
        const lines = [
          header(ctx, summary),
          "",
          `${indicator.number} ${indicator.title[ctx.lang]}`,
          ctx.t(`manager:score.period.${indicator.period}`),
          "",
          `${formatPeriodLabel(summary.month, ctx.lang)}: ${pts(indicator.points.month)}`,
          `${formatPeriodLabel(summary.quarter, ctx.lang)}: ${pts(indicator.points.quarter)}`,
          `${ctx.t("manager:score.yearToDate", { year: summary.year })}: ${pts(indicator.points.year)}`,
        ];
        const max = maxText(ctx, indicator).trim();
        if (max) lines.push(max);
        // Where the texts are silent, the rulebook decided: said as its decision, not the methodology's.
        if (indicator.rulebookReadings.length > 0) {
          lines.push("", ctx.t("manager:score.rulebookReadings"));
          for (const reading of indicator.rulebookReadings) lines.push(`• ${reading[ctx.lang]}`);
        }
        return { text: lines.join("\n"), keyboard: back(task.id) };
      }
    }
  }
  return undefined;
}

function maxText(ctx: BotContext, indicator: IndicatorScoreView): string {
  if (indicator.maxPerReport === undefined) return "";
  return ` ${ctx.t(`manager:score.max.${indicator.period}`, { max: pts(indicator.maxPerReport) })}`;
}

/** /score: a body's points (month, quarter, year to date) with a drill-down and its late or missing reports. */
export const scoreFeature = composer;
