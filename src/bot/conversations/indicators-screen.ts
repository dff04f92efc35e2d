import { InlineKeyboard } from "grammy";
import { locateIndicator } from "../../domain/methodology/lookup.ts";
import type { IndicatorDef, MethodologyVersion } from "../../domain/methodology/types.ts";
import type { ScoringContext } from "../../domain/scoring/score-indicator.ts";
import { scoreReport } from "../../domain/scoring/score-report.ts";
import type { IndicatorValue } from "../../domain/scoring/values.ts";
import type { Lang } from "../../i18n.ts";
import type { IndicatorsDraft } from "../../services/indicators-draft.ts";
import type { IndicatorsReportKind } from "../../services/indicators-report.ts";
import type { ConversationContext, Translate } from "../context.ts";
import type { ChecklistItem } from "./indicators-checklist.ts";
import { describeAnswer, describeScoredAnswer } from "./indicators-display.ts";
import { type IndicatorsConversation, type UserInput, waitInput } from "./indicators-input.ts";

/** Where the walk goes instead of answering. */
export type Nav = { nav: "next" | "back" | "list" | "summary" | "evidence" };

/** What one indicator's step ends with: an answer (undefined: "not reported") or a move. */
export type StepOutcome = { answer: IndicatorValue | undefined; selection?: number[] } | Nav;

const NAV_DATA: Record<string, Nav["nav"]> = {
  "ind:skip": "next",
  "ind:back": "back",
  "ind:list": "list",
  "ind:sum": "summary",
  "ind:ev": "evidence",
};

/** Everything a step needs about the indicator being answered. */
export interface StepEnv {
  conversation: IndicatorsConversation;
  ctx: ConversationContext;
  def: IndicatorDef;
  draft: IndicatorsDraft;
  kind: IndicatorsReportKind;
  /** The version in force for the report's period. */
  methodology: MethodologyVersion;
  scoring: ScoringContext;
  /** The directory list the share counts over (empty when there is none). */
  members: ChecklistItem[];
  /** 1-based position among the report's indicators, and their number. */
  position: number;
  count: number;
}

/** The points a value would score for this body in this report. */
export function pointsOf(
  env: Pick<StepEnv, "def" | "kind" | "scoring" | "methodology">,
  value: unknown,
) {
  const score = scoreReport(env.methodology, {
    bodyKind: env.scoring.bodyKind,
    p1Exempt: env.scoring.p1Exempt ?? false,
    kind: env.kind,
    values: value === undefined ? {} : { [env.def.id]: value as IndicatorValue },
    variants: env.scoring.variants,
  });
  return score.indicators.find((s) => s.id === env.def.id)?.points;
}

/** The next input, with the walk's own buttons (skip, back, list, summary, files) read as moves. */
export async function nextInput(env: StepEnv): Promise<UserInput | Nav> {
  const input = await waitInput(env.conversation);
  env.ctx = input.ctx;
  if (input.kind === "button") {
    const nav = NAV_DATA[input.data];
    if (nav) return { nav };
  }
  return input;
}

export function isNav(x: UserInput | Nav | StepOutcome): x is Nav {
  return "nav" in x;
}

/** The walk's buttons under every indicator. */
export function addNavRows(keyboard: InlineKeyboard, t: Translate): InlineKeyboard {
  return keyboard
    .row()
    .text(t("indicators:nav.evidence"), "ind:ev")
    .text(t("indicators:nav.skip"), "ind:skip")
    .row()
    .text(t("indicators:nav.back"), "ind:back")
    .text(t("indicators:nav.list"), "ind:list")
    .text(t("indicators:nav.summary"), "ind:sum");
}

/** The indicator's heading: position, project, task, title, current answer, attachments. */
export function screenText(env: StepEnv, instruction: string, answerLine?: string): string {
  const { def, draft, ctx } = env;
  const t = ctx.t;
  const lang = ctx.lang as Lang;
  const where = locateIndicator(env.methodology, def.id);
  const value = draft.values[def.id] as IndicatorValue | undefined;
  const lines = [
    t("indicators:screen.position", { position: env.position, count: env.count, id: def.number }),
    where
      ? `${t("indicators:screen.project", { n: where.project.number })} ${where.project.title[lang]}`
      : "",
    where
      ? `${t("indicators:screen.task", { n: where.task.number })} ${where.task.title[lang]}`
      : "",
    "",
    `▸ ${def.title[lang]}`,
    "",
    answerLine ??
      t("indicators:screen.answer", {
        answer:
          value === undefined
            ? describeAnswer(def, undefined, t)
            : describeScoredAnswer(def, value, pointsOf(env, value), t),
      }),
  ];
  const files = draft.evidence[def.id]?.length ?? 0;
  if (files > 0 || draft.comments[def.id]) {
    lines.push(
      t("indicators:screen.attachments", {
        files,
        comment: draft.comments[def.id] ? t("indicators:yes") : t("indicators:no"),
      }),
    );
  }
  lines.push("", instruction);
  return lines.filter((l, i, all) => !(l === "" && all[i - 1] === "")).join("\n");
}

/** Sends the indicator's screen with its own buttons above the walk's. */
export async function showScreen(
  env: StepEnv,
  instruction: string,
  keyboard: InlineKeyboard = new InlineKeyboard(),
): Promise<void> {
  await env.ctx.reply(screenText(env, instruction), {
    reply_markup: addNavRows(keyboard, env.ctx.t),
  });
}
