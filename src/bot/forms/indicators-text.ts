// Words and numbers the indicators report's screens share: answers as people read them, points,
// the header line that names the project and task once, and last time's value.
import { formatDateTime, formatPeriodLabel } from "../../domain/calendar/format.ts";
import { previousValueOf } from "../../domain/forms/indicators/history.ts";
import type { IndicatorsFormEnv } from "../../domain/forms/indicators/walk.ts";
import { locateIndicator } from "../../domain/methodology/lookup.ts";
import type { IndicatorDef } from "../../domain/methodology/types.ts";
import { formatPoints, type Points } from "../../domain/points.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import { scoreReport } from "../../domain/scoring/score-report.ts";
import type {
  CommissionValue,
  GiftsValue,
  IndicatorValue,
  OffenceReportsValue,
  RisksValue,
  ShareValue,
  TrainingValue,
} from "../../domain/scoring/values.ts";
import type { Variants } from "../../domain/variants.ts";
import type { Lang } from "../../i18n.ts";
import type { NamespaceKey } from "../../i18n-keys.ts";
import type { Translate } from "../context.ts";
import { formatCount } from "./monthly-text.ts";

/** Everything the indicators screens and rules need for one step. */
export interface IndicatorsEnv extends IndicatorsFormEnv {
  t: Translate;
  lang: Lang;
  variants: Variants;
  zone: string;
  dueAt: Date;
  nowAt: Date;
}

/** A key of the indicators report's locale namespace. */
export const ind = (
  t: Translate,
  key: NamespaceKey<"indicators">,
  params?: Record<string, unknown>,
): string => t(`indicators:${key}`, params);

/** Points with a decimal comma and the word agreeing with the number: "2,1 балла", "−10 баллов". */
export function pointsText(t: Translate, points: Points): string {
  return ind(t, "points", { count: Math.abs(points) / 100, points: formatPoints(points) });
}

/** "Годовой отчёт за 2025 год", "Тоқсандық есеп: 2025 ж. IV тоқсан". */
export function reportTitle(t: Translate, lang: Lang, d: Pick<ReportDraft, "kind" | "periodKey">) {
  return ind(t, d.kind === "annual" ? "report.annual" : "report.quarterly", {
    period: formatPeriodLabel(d.periodKey, lang),
  });
}

/** The deadline as people read it. */
export function dueText(env: Pick<IndicatorsEnv, "dueAt" | "zone">): string {
  return formatDateTime(env.dueAt, env.zone);
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "📊 2025 жыл · 1.1 Ішкі талдауға дайындық · 3/23": the period, the task once, the place. */
export function headerLine(
  env: IndicatorsEnv,
  d: ReportDraft,
  def: IndicatorDef,
  position: { index: number; count: number },
): string {
  const place = locateIndicator(env.version, def.id);
  const task = place ? `${place.task.number} ${place.task.shortTitle[env.lang]}` : "";
  return ind(env.t, "header", {
    period: capitalised(formatPeriodLabel(d.periodKey, env.lang)),
    task,
    position: position.index + 1,
    count: position.count,
  });
}

/** Whole percent of a share, rounded down (2 of 3 → 66). */
export function percentOf(share: ShareValue): number {
  return share.total === 0 ? 0 : Math.floor((100 * share.done) / share.total);
}

/** Tenths of a percent with a decimal comma: 18 of 400 → "4,5". */
export function permilleText(part: number, whole: number): string {
  if (whole === 0) return "0";
  const permille = Math.floor((1000 * part) / whole);
  const tenths = permille % 10;
  return tenths === 0 ? String(permille / 10) : `${Math.floor(permille / 10)},${tenths}`;
}

/** "45 из 60 — 75 %" / "60 ішінен 45 — 75 %"; an empty list: not applicable. */
export function shareText(t: Translate, share: ShareValue): string {
  if (share.total === 0) return ind(t, "answer.shareEmpty");
  return ind(t, "answer.share", {
    done: formatCount(share.done),
    total: formatCount(share.total),
    percent: percentOf(share),
  });
}

/** An answer in words, without points; null is "not reported" (p2.t2.s1's reconciliation). */
export function answerText(t: Translate, def: IndicatorDef, value: unknown): string {
  if (value === null) return ind(t, "answer.notReported");
  switch (def.input) {
    case "flag":
      return ind(t, value === true ? "yes" : "no").toLocaleLowerCase();
    case "share":
      return shareText(t, value as ShareValue);
    case "count":
      return formatCount(value as number);
    case "offenceReports":
      return ind(t, "answer.offenceReports", value as OffenceReportsValue);
    case "risks":
      return ind(t, "answer.risks", value as RisksValue);
    case "gifts": {
      const g = value as GiftsValue;
      return g.provided
        ? ind(t, "answer.giftsProvided", { facts: g.facts })
        : ind(t, "answer.giftsNotProvided");
    }
    case "commission": {
      const c = value as CommissionValue;
      return c.held
        ? ind(t, "answer.commissionHeld", {
            districts: c.districts ?? 0,
            missed: c.districtsNotHeld ?? 0,
          })
        : ind(t, "answer.commissionNotHeld");
    }
    case "training": {
      const v = value as TrainingValue;
      return ind(t, "answer.training", {
        trained: formatCount(v.trained),
        headcount: formatCount(v.headcount),
        percent: permilleText(v.trained, v.headcount),
      });
    }
    case "propaganda":
      return "";
  }
}

/** The points a value of one indicator scores for the body; undefined when it does not apply. */
export function pointsOfValue(env: IndicatorsEnv, def: IndicatorDef, value: unknown) {
  const score = scoreReport(env.version, {
    bodyKind: env.reference.bodyKind,
    p1Exempt: false,
    kind: def.period === "quarterly" ? "quarterly" : "annual",
    values: value === null || value === undefined ? {} : { [def.id]: value as IndicatorValue },
    variants: env.variants,
  });
  const found = score.indicators.find((s) => s.id === def.id);
  return found?.applicable ? found.points : undefined;
}

/** "45 из 60 — 75 % — 3 балла", "нет — −10 баллов", "не применяется". */
export function scoredAnswerText(env: IndicatorsEnv, def: IndicatorDef, value: unknown): string {
  const answer = answerText(env.t, def, value);
  const points = pointsOfValue(env, def, value);
  if (points === undefined) return `${answer} — ${ind(env.t, "answer.notApplicable")}`;
  return `${answer} — ${pointsText(env.t, points)}`;
}

/** "1.1.3 Анонсирование начала анализа": the number and the short title. */
export function shortName(env: Pick<IndicatorsEnv, "lang">, def: IndicatorDef): string {
  return `${def.number} ${def.shortTitle[env.lang]}`;
}

/** "В прошлый раз (2024 год): 5 из 20 — 25 %." — the whole value, or one field of it. */
export function previousLine(
  env: IndicatorsEnv,
  def: IndicatorDef,
  field?: string,
): string | undefined {
  const history = env.reference.history;
  const value = previousValueOf(history, def.id);
  if (value === undefined || !history.previous) return undefined;
  const period = formatPeriodLabel(history.previous.periodKey, env.lang);
  let shown: string;
  if (field === undefined) shown = answerText(env.t, def, value);
  else {
    const part =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[field]
        : undefined;
    if (typeof part !== "number") return undefined;
    shown = formatCount(part);
  }
  return ind(env.t, "previous", { period, answer: shown });
}
