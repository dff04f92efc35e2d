import { formatMonth, formatMonthName } from "../documents/labels.ts";
import type { ReportKind } from "../domain/deadlines.ts";
import { periodOf } from "../domain/periods.ts";
import { formatPoints, type Points } from "../domain/points.ts";
import { type Lang, translator } from "../i18n.ts";

const ROMAN = ["I", "II", "III", "IV"];

/** A period as people say it: "октябрь 2026", "III квартал 2026 г.", "2026 год". */
export function periodLabel(periodKey: string, lang: Lang): string {
  const t = translator(lang);
  const period = periodOf(periodKey);
  if (period.kind === "month") return formatMonth(periodKey, lang);
  if (period.kind === "quarter") {
    return t("notifications:period.quarter", {
      quarter: ROMAN[period.quarter - 1],
      year: period.year,
    });
  }
  return t("notifications:period.year", { year: period.year });
}

/** The year to date up to a month: "январь–октябрь 2026". */
export function yearToDateLabel(month: string, lang: Lang): string {
  const { year } = periodOf(month, "month");
  return translator(lang)("notifications:period.yearToDate", {
    month: formatMonthName(month, lang),
    year,
  });
}

/** The local time of an instant, "18:00". */
export function localTime(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

/** A deadline as people say it: "5 ноября, 18:00". */
export function dueLabel(at: Date, utcOffsetMinutes: number, lang: Lang): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const month = String(local.getUTCMonth() + 1).padStart(2, "0");
  return translator(lang)("notifications:dueDate", {
    day: local.getUTCDate(),
    month: translator(lang)(`notifications:monthsGenitive.${month}`),
    time: localTime(at, utcOffsetMinutes),
  });
}

/** "▲ +2,5", "▼ −1", "без изменений". */
export function changeLabel(change: Points, lang: Lang): string {
  const t = translator(lang);
  if (change > 0) return t("notifications:change.up", { points: formatPoints(change) });
  if (change < 0) return t("notifications:change.down", { points: formatPoints(-change) });
  return t("notifications:change.same");
}

/** The report's name, lower case for mid-sentence or as a title. */
export function reportLabel(kind: ReportKind, lang: Lang, title = false): string {
  return translator(lang)(`notifications:${title ? "reportTitle" : "report"}.${kind}`);
}

/** The first letter upper case (a genitive phrase that starts a line). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
