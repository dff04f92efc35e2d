// The indicators report as it will be submitted: every answer with its points, by project, the
// total, what is still unanswered, paged when long.
import {
  claimsExemption,
  isAnswered,
  unansweredOf,
  valuesOfDraft,
} from "../../domain/forms/indicators/due.ts";
import type { Walk } from "../../domain/forms/indicators/walk.ts";
import { type Points, sumPoints } from "../../domain/points.ts";
import { scoreReport } from "../../domain/scoring/score-report.ts";
import {
  dueText,
  type IndicatorsEnv,
  ind,
  pointsText,
  reportTitle,
  scoredAnswerText,
  shareText,
  shortName,
} from "./indicators-text.ts";
import { formatCount } from "./monthly-text.ts";
import { pageLines, type Screen, type ScreenButton } from "./screen.ts";

/** Summaries longer than this are shown a page at a time. */
export const SUMMARY_PAGE_LIMIT = 2000;

function projectBlocks(env: IndicatorsEnv, walk: Walk): { blocks: string[][]; total: Points } {
  const { d, due } = walk;
  const t = env.t;
  const score = scoreReport(env.version, {
    bodyKind: env.reference.bodyKind,
    p1Exempt: claimsExemption(d),
    kind: d.kind === "quarterly" ? "quarterly" : "annual",
    values: valuesOfDraft(d, due),
    variants: env.variants,
  });
  const blocks: string[][] = [];
  for (const project of env.version.projects) {
    const head = ind(t, "summary.project", { n: project.number, title: project.title[env.lang] });
    if (project.id === "p1" && claimsExemption(d)) {
      const plan = d.p1ExternalPlan ? shareText(t, d.p1ExternalPlan) : ind(t, "answer.none");
      blocks.push([
        `${head}: ${ind(t, "summary.exempt", { year: Number(d.periodKey) - 1 })}`,
        ind(t, "summary.externalPlan", { share: plan }),
      ]);
      continue;
    }
    const mine = due.filter((def) => def.id.startsWith(`${project.id}.`));
    if (mine.length === 0) continue;
    const scores = score.indicators.filter(
      (s) => mine.some((def) => def.id === s.id) && s.applicable,
    );
    const points = sumPoints(scores.map((s) => s.points));
    const deducted = sumPoints(scores.filter((s) => s.points < 0).map((s) => s.points));
    const lines = mine.map((def) => {
      const answer = isAnswered(d, def.id)
        ? scoredAnswerText(env, def, d.values[def.id])
        : unansweredText(env, score.indicators.find((s) => s.id === def.id)?.points ?? 0);
      return `${shortName(env, def)}: ${answer}`;
    });
    const total =
      deducted < 0
        ? ind(t, "summary.projectPointsDeducted", {
            points: pointsText(t, points),
            deducted: pointsText(t, -deducted as Points),
          })
        : pointsText(t, points);
    blocks.push([`${head} — ${total}`, ...lines]);
  }
  return { blocks, total: score.total };
}

/** An indicator left open, and what that scores (a flag counts as not done). */
function unansweredText(env: IndicatorsEnv, points: Points): string {
  return ind(env.t, "summary.unansweredLine", { points: pointsText(env.t, points) });
}

/** The title, the total and what is still open: the first thing the summary says. */
function head(env: IndicatorsEnv, walk: Walk, total: Points): string[] {
  const t = env.t;
  const open = unansweredOf(walk.d, walk.due);
  const lines = [
    ind(t, "summary.title", { report: reportTitle(t, env.lang, walk.d) }),
    ind(t, "summary.total", { points: pointsText(t, total) }),
  ];
  if (open.length > 0)
    lines.push(
      ind(t, "summary.unanswered", {
        count: open.length,
        numbers: open.map((def) => def.number).join(", "),
      }),
    );
  return lines;
}

/** Files, confirmations, the deadline and whether it corrects a sent report. */
function footer(env: IndicatorsEnv, walk: Walk): string[] {
  const { d, due } = walk;
  const t = env.t;
  const lines: string[] = [];
  const files = d.evidence.filter((e) => due.some((def) => def.id === e.item)).length;
  if (files > 0) lines.push(ind(t, "summary.evidence", { count: files }));
  for (const c of d.confirmations) {
    const def = due.find((x) => c.field === x.id || c.field.startsWith(`${x.id}.`));
    if (def)
      lines.push(
        ind(t, "summary.confirmed", {
          number: def.number,
          value: formatCount(c.value),
          usual: formatCount(c.usual),
        }),
      );
  }
  lines.push(
    env.nowAt.getTime() > env.dueAt.getTime()
      ? ind(t, "summary.late", { due: dueText(env) })
      : ind(t, "summary.due", { due: dueText(env) }),
  );
  if (d.baseVersion !== null) lines.push(ind(t, "summary.correction", { version: d.baseVersion }));
  return lines;
}

/** One page of the summary with the buttons to page, submit, change an answer or stop. */
export function renderIndicatorsSummary(
  env: IndicatorsEnv,
  walk: Walk,
  page: number,
  echo: string | undefined,
): Screen {
  const t = env.t;
  const projects = projectBlocks(env, walk);
  const blocks = [
    ...(echo ? [[echo]] : []),
    head(env, walk, projects.total),
    ...projects.blocks,
    footer(env, walk),
  ];
  const pages = pageLines(blocks, SUMMARY_PAGE_LIMIT - 40);
  const current = Math.min(Math.max(0, page), pages.length - 1);
  const rows: ScreenButton[][] = [];
  if (pages.length > 1) {
    const nav: ScreenButton[] = [];
    if (current > 0) nav.push({ text: ind(t, "buttons.previousPage"), action: `p:${current - 1}` });
    if (current < pages.length - 1)
      nav.push({ text: ind(t, "buttons.nextPage"), action: `p:${current + 1}` });
    rows.push(nav);
  }
  rows.push(
    [{ text: ind(t, "buttons.submit"), action: "submit" }],
    [
      { text: ind(t, "buttons.change"), action: "list" },
      { text: ind(t, "buttons.cancel"), action: "cancel" },
    ],
    [{ text: ind(t, "buttons.back"), action: "back" }],
  );
  const pageLine =
    pages.length > 1
      ? `\n\n${ind(t, "summary.page", { page: current + 1, pages: pages.length })}`
      : "";
  return { text: `${pages[current] ?? ""}${pageLine}`, buttons: rows };
}
