import type { IndicatorDef, LocalizedText } from "../../domain/methodology/types.ts";
import { formatPoints, type Points } from "../../domain/points.ts";
import type {
  CommissionValue,
  GiftsValue,
  IndicatorValue,
  OffenceReportsValue,
  RisksValue,
  ShareValue,
  TrainingValue,
} from "../../domain/scoring/values.ts";
import type { Lang } from "../../i18n.ts";
import type { Translate } from "../context.ts";

/** Whole percent of a share, rounded down (2 of 3 → 66). */
export function percentOf(share: ShareValue): number {
  return share.total === 0 ? 0 : Math.floor((100 * share.done) / share.total);
}

/** Points with their unit: "2,1 балла", "5 баллов", "−10 баллов", "3 ұпай". */
export function pointsText(points: Points, t: Translate): string {
  const value = formatPoints(points);
  // Russian plural forms follow whole numbers; a fraction always takes "балла".
  if (points % 100 !== 0) return t("indicators:points.fraction", { points: value });
  return t("indicators:points.whole", { count: Math.abs(points / 100), points: value });
}

/** "7 из 10 — 70 % — 2,1 балла"; a list with nothing in it does not apply. */
export function describeShare(share: ShareValue, points: Points | undefined, t: Translate): string {
  if (share.total === 0) return t("indicators:share.notApplicable");
  const base = t("indicators:share.summary", {
    done: share.done,
    total: share.total,
    percent: percentOf(share),
  });
  return points === undefined ? base : `${base} — ${pointsText(points, t)}`;
}

/** Tenths of a percent with a decimal comma: 18 of 400 → "4,5". */
export function permilleText(part: number, whole: number): string {
  if (whole === 0) return "0";
  const permille = Math.floor((1000 * part) / whole);
  const tenths = permille % 10;
  return tenths === 0 ? String(permille / 10) : `${Math.floor(permille / 10)},${tenths}`;
}

const yesNo = (flag: boolean, t: Translate) => t(flag ? "indicators:yes" : "indicators:no");

/** An answer in words (without points); undefined values read "no answer" (p2.t2.s1: not reconciled). */
export function describeAnswer(
  def: IndicatorDef,
  value: IndicatorValue | undefined,
  t: Translate,
): string {
  if (value === undefined) {
    return def.rule.kind === "countBrackets"
      ? t("indicators:answer.notReported")
      : t("indicators:answer.none");
  }
  switch (def.input) {
    case "flag":
      return yesNo(value as boolean, t);
    case "share":
      return describeShare(value as ShareValue, undefined, t);
    case "count":
      return String(value);
    case "offenceReports":
      return t("indicators:answer.offenceReports", value as OffenceReportsValue);
    case "risks":
      return t("indicators:answer.risks", value as RisksValue);
    case "gifts": {
      const g = value as GiftsValue;
      return g.provided
        ? t("indicators:answer.giftsProvided", { facts: g.facts })
        : t("indicators:answer.giftsNotProvided");
    }
    case "commission": {
      const c = value as CommissionValue;
      return c.held
        ? t("indicators:answer.commissionHeld", {
            districts: c.districts ?? 0,
            missed: c.districtsNotHeld ?? 0,
          })
        : t("indicators:answer.commissionNotHeld");
    }
    case "training": {
      const v = value as TrainingValue;
      return t("indicators:answer.training", {
        trained: v.trained,
        headcount: v.headcount,
        percent: permilleText(v.trained, v.headcount),
      });
    }
    case "propaganda":
      return JSON.stringify(value);
  }
}

/** The answer and what it scores: "7 из 10 — 70 % — 2,1 балла", "Да — 0 баллов". */
export function describeScoredAnswer(
  def: IndicatorDef,
  value: IndicatorValue | undefined,
  points: Points | undefined,
  t: Translate,
): string {
  if (def.input === "share" && value !== undefined)
    return describeShare(value as ShareValue, points, t);
  const answer = describeAnswer(def, value, t);
  return points === undefined ? answer : `${answer} — ${pointsText(points, t)}`;
}

/** A title in the user's language. */
export function titleIn(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/** "p1" → "1", "p1.t3" → "1.3": how the methodology numbers projects and tasks. */
export function numberOf(id: string): string {
  return id
    .replace(/^p/, "")
    .replace(/\.t/, ".")
    .replace(/\.s.*$/, "");
}
