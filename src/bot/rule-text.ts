// How an indicator earns points, in words, from its rule in the methodology data: /help and the
// form screens explain the scale the bot scores by, whatever a later version sets.
import type { IndicatorDef, RuleSpec } from "../domain/methodology/types.ts";
import { formatPoints, type Points } from "../domain/points.ts";
import { ruleOf, type Variants } from "../domain/variants.ts";
import { dataKey, type LocaleKey } from "../i18n-keys.ts";
import type { Translate } from "./context.ts";

/** Points with the word agreeing with the number: "2 балла", "0,3 балла", "10 баллов". */
export function pointsWord(t: Translate, points: Points): string {
  return t("rules:points", {
    count: Math.abs(points) / 100,
    points: formatPoints(Math.abs(points)),
  });
}

const PERIOD_CAP: Record<IndicatorDef["period"], LocaleKey> = {
  monthly: "rules:capMonth",
  quarterly: "rules:capQuarter",
  annual: "rules:capYear",
};

function ruleText(t: Translate, rule: RuleSpec, def: IndicatorDef): string {
  const p = (points: Points) => pointsWord(t, points);
  switch (rule.kind) {
    case "flagPenalty":
      return t("rules:flagPenalty", { points: p(rule.notDone) });
    case "shareSteps":
      return rule.minSteps > 1
        ? t("rules:shareStepsFrom", {
            points: p(rule.perStep),
            percent: rule.minSteps * 10,
            max: p(10 * rule.perStep),
          })
        : t("rules:shareSteps", { points: p(rule.perStep), max: p(10 * rule.perStep) });
    case "perPercent":
      return t("rules:perPercent", { points: p(rule.perPercent), max: p(100 * rule.perPercent) });
    case "shareStepsWithZeroPenalty":
      return t("rules:shareStepsWithZeroPenalty", {
        zero: p(rule.zeroDone),
        points: p(rule.perStep),
        max: p(10 * rule.perStep),
      });
    case "riskCounts":
      return t(rule.cumulative ? "rules:riskCountsCumulative" : "rules:riskCounts", {
        identified: p(rule.identified),
        eliminated: p(rule.eliminated),
        completed: p(rule.completed),
      });
    case "perCount":
      return t("rules:perCount", { points: p(rule.perItem), unit: unitOf(t, def) });
    case "weightedCounts":
      return t("rules:weightedCounts", {
        administrative: p(rule.administrative),
        criminal: p(rule.criminal),
      });
    case "countBrackets": {
      let from = 0;
      const parts = rule.brackets.map((b) => {
        const range =
          b.upTo === null
            ? t("rules:orMore", { n: from })
            : from === b.upTo
              ? String(from)
              : `${from}–${b.upTo}`;
        from = (b.upTo ?? from) + 1;
        return `${range} → ${p(b.points)}`;
      });
      return t("rules:countBrackets", {
        brackets: parts.join("; "),
        notReported: p(rule.notReported),
      });
    }
    case "giftsInformation":
      return t("rules:giftsInformation", {
        provided: p(rule.provided),
        notProvided: p(rule.notProvided),
      });
    case "giftsPerFact":
      return t("rules:giftsPerFact", {
        perFact: p(rule.perFact),
        notProvided: p(rule.notProvided),
      });
    case "commissionMeetings":
      return t("rules:commissionMeetings", { held: p(rule.held), perStep: p(rule.perStepMissed) });
    case "trainingThreshold":
      return t("rules:trainingThreshold", {
        points: p(rule.perHalfPercent),
        max: p(rule.maxHalfPercents * rule.perHalfPercent),
        percent: String(rule.maxHalfPercents / 2).replace(".", ","),
      });
    case "legalPropaganda":
      return t(rule.additive ? "rules:legalPropagandaAdditive" : "rules:legalPropaganda", {
        report: p(rule.report),
        published: p(rule.published),
        reach: p(rule.reach),
        views: rule.reachViews,
      });
  }
}

/** What one counted item is ("за каждое мероприятие"): a phrase per indicator, else a neutral one. */
function unitOf(t: Translate, def: IndicatorDef): string {
  const key = `rules:units.${def.id.replaceAll(".", "_")}`;
  const unit = t(dataKey(key));
  return unit === key.slice("rules:".length) || unit === key ? t("rules:unitDefault") : unit;
}

/** "2 балла за каждое, не больше 10 баллов в месяц" — the scale of the reading in force. */
export function describeRule(t: Translate, def: IndicatorDef, variants: Variants = {}): string {
  const text = ruleText(t, ruleOf(def, variants), def);
  return def.cap === undefined
    ? text
    : `${text}${t(PERIOD_CAP[def.period], { cap: pointsWord(t, def.cap) })}`;
}
