import type { IndicatorDef } from "../domain/methodology/types.ts";
import type {
  CommissionValue,
  GiftsValue,
  IndicatorValue,
  OffenceReportsValue,
  PropagandaValue,
  RisksValue,
  ShareValue,
  TrainingValue,
} from "../domain/scoring/values.ts";
import { type Lang, translator } from "../i18n.ts";
import type { KeysUnder } from "../i18n-keys.ts";

/**
 * What a count counts, by indicator (the methodology's own nouns): "3 мероприятия", not "3".
 * An indicator missing here (a later methodology version) shows its bare number.
 */
const COUNT_UNITS: Readonly<Record<string, KeysUnder<"dashboard", "units.">>> = {
  "p1.t5.s1": "subsections",
  "p2.t2.s1": "offences",
  "p2.t3.s1": "facts",
  "p2.t3.s2": "facts",
  "p2.t4.s1": "facts",
  "p2.t5.s1": "facts",
  "p2.t5.s2": "facts",
  "p2.t5.s3": "facts",
  "p2.t5.s5": "facts",
  "p3.t3.s1": "organisations",
  "p4.t2.s3": "events",
  "p4.t2.s4": "officials",
  "p4.t3.s1": "events",
};

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.floor((100 * part) / whole);

/**
 * What a body reported on an indicator over a period, in words: the values of its counted
 * reports (one a month, a quarter or the year), added up where they add up ("9 мероприятий" for
 * a quarter of monthly events), or that nothing was reported.
 */
export function describeReported(
  def: IndicatorDef,
  values: readonly IndicatorValue[],
  lang: Lang,
): string {
  const t = translator(lang);
  const last = values.at(-1);
  if (last === undefined) {
    return def.rule.kind === "countBrackets"
      ? t("dashboard:reportedValue.notReconciled")
      : t("dashboard:nothingReported");
  }
  const counted = (count: number) => {
    const unit = COUNT_UNITS[def.id];
    return unit ? t(`dashboard:units.${unit}`, { count }) : String(count);
  };
  switch (def.input) {
    case "flag":
      return t(last ? "dashboard:reportedValue.done" : "dashboard:reportedValue.notDone");
    case "count":
      return counted((values as number[]).reduce((sum, n) => sum + n, 0));
    case "share": {
      const share = last as ShareValue;
      if (share.total === 0) return t("dashboard:reportedValue.shareEmpty");
      return t("dashboard:reportedValue.share", {
        ...share,
        percent: percent(share.done, share.total),
      });
    }
    case "offenceReports":
      return t("dashboard:reportedValue.offenceReports", last as OffenceReportsValue);
    case "risks":
      return t("dashboard:reportedValue.risks", last as RisksValue);
    case "gifts": {
      const gifts = last as GiftsValue;
      return gifts.provided
        ? t("dashboard:reportedValue.giftsProvided", { facts: gifts.facts })
        : t("dashboard:reportedValue.giftsNotProvided");
    }
    case "commission":
      return describeCommission(values as CommissionValue[], lang);
    case "training": {
      const training = last as TrainingValue;
      return t("dashboard:reportedValue.training", {
        ...training,
        percent: percent(training.trained, training.headcount),
      });
    }
    case "propaganda":
      return describePropaganda(values as PropagandaValue[], counted, lang);
  }
}

function describeCommission(values: readonly CommissionValue[], lang: Lang): string {
  const t = translator(lang);
  if (values.length > 1) {
    const held = values.filter((v) => v.held).length;
    return t("dashboard:reportedValue.commissionQuarters", { held, count: values.length });
  }
  const value = values[0]!;
  return value.held
    ? t("dashboard:reportedValue.commissionHeld", {
        missed: value.districtsNotHeld,
        districts: value.districts,
      })
    : t("dashboard:reportedValue.commissionNotHeld");
}

function describePropaganda(
  values: readonly PropagandaValue[],
  counted: (count: number) => string,
  lang: Lang,
): string {
  const t = translator(lang);
  const events = values.reduce((sum, v) => sum + v.events, 0);
  const views = values.reduce((sum, v) => sum + (v.views ?? 0), 0);
  const published = values.filter((v) => v.published).length;
  const publicity =
    values.length === 1
      ? t(published ? "dashboard:reportedValue.published" : "dashboard:reportedValue.notPublished")
      : t("dashboard:reportedValue.publishedMonths", { published, months: values.length });
  return [counted(events), publicity, t("dashboard:reportedValue.views", { views })].join("; ");
}
