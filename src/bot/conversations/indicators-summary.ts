import { InlineKeyboard } from "grammy";
import type { IndicatorDef, MethodologyVersion } from "../../domain/methodology/types.ts";
import { sumPoints } from "../../domain/points.ts";
import type { ReportScore } from "../../domain/scoring/score-report.ts";
import type { Lang } from "../../i18n.ts";
import type { IndicatorsDraft } from "../../services/indicators-draft.ts";
import type { Translate } from "../context.ts";
import { itemsOnPage, pageCount } from "./indicators-checklist.ts";
import { describeShare, pointsText } from "./indicators-display.ts";

/** One project's line of the summary: points and penalties, or why it is not scored. */
export function projectLines(
  methodology: MethodologyVersion,
  score: ReportScore,
  draft: IndicatorsDraft,
  t: Translate,
  lang: Lang,
): string[] {
  const lines: string[] = [];
  for (const project of methodology.projects) {
    const mine = score.indicators.filter((s) => s.id.startsWith(`${project.id}.`));
    const counted = mine.filter((s) => s.applicable);
    const head = `${t("indicators:screen.project", { n: project.number })} ${project.title[lang]}`;
    if (project.id === "p1" && draft.p1Exempt) {
      lines.push(`${head}: ${t("indicators:summary.exempt")}`);
      if (draft.p1ExternalPlan)
        lines.push(
          `  ${t("indicators:summary.externalPlan", { share: describeShare(draft.p1ExternalPlan, undefined, t) })}`,
        );
      continue;
    }
    if (counted.length === 0) continue;
    const points = sumPoints(counted.map((s) => s.points));
    const penalties = sumPoints(counted.filter((s) => s.points < 0).map((s) => s.points));
    const penalty =
      penalties < 0
        ? ` (${t("indicators:summary.penalties", { points: pointsText(penalties, t) })})`
        : "";
    lines.push(`${head}: ${pointsText(points, t)}${penalty}`);
  }
  return lines;
}

/** The summary before submitting: per project, the total, what is still unanswered, lateness. */
export function summaryText(input: {
  methodology: MethodologyVersion;
  title: string;
  score: ReportScore;
  draft: IndicatorsDraft;
  due: readonly IndicatorDef[];
  late: boolean;
  t: Translate;
  lang: Lang;
}): string {
  const { t } = input;
  const unanswered = input.due.filter((d) => input.draft.values[d.id] === undefined).length;
  const lines = [
    t("indicators:summary.title", { report: input.title }),
    "",
    ...projectLines(input.methodology, input.score, input.draft, t, input.lang),
    "",
    t("indicators:summary.total", { points: pointsText(input.score.total, t) }),
  ];
  if (unanswered > 0) lines.push(t("indicators:summary.unanswered", { count: unanswered }));
  if (input.late) lines.push(t("indicators:summary.late"));
  return lines.join("\n");
}

export function summaryKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("indicators:summary.submit"), "ind:submit")
    .row()
    .text(t("indicators:nav.back"), "ind:back")
    .text(t("indicators:nav.list"), "ind:list")
    .row()
    .text(t("indicators:summary.quit"), "ind:quit");
}

/** The list of the report's indicators to jump to, a page at a time (✓ answered, · not yet). */
export function indicatorListKeyboard(input: {
  due: readonly IndicatorDef[];
  draft: IndicatorsDraft;
  page: number;
  annual: boolean;
  t: Translate;
  lang: Lang;
}): InlineKeyboard {
  const { due, draft, t } = input;
  const keyboard = new InlineKeyboard();
  if (input.annual) keyboard.text(t("indicators:list.exemption"), "ind:go:exemption").row();
  const numbered = due.map((def, index) => ({ def, index }));
  for (const { def, index } of itemsOnPage(numbered, input.page)) {
    const mark = draft.values[def.id] === undefined ? "·" : "✓";
    keyboard.text(`${mark} ${def.number} ${def.shortTitle[input.lang]}`, `ind:go:${index}`).row();
  }
  const pages = pageCount(due.length);
  if (pages > 1) {
    keyboard
      .text("◀", `ind:lp:${(input.page - 1 + pages) % pages}`)
      .text(`${input.page + 1}/${pages}`, `ind:lp:${input.page}`)
      .text("▶", `ind:lp:${(input.page + 1) % pages}`)
      .row();
  }
  keyboard.text(t("indicators:nav.summary"), "ind:sum");
  return keyboard;
}
