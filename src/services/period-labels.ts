import { formatMonth } from "../documents/labels.ts";
import { parsePeriod } from "../domain/periods.ts";
import { type Lang, translator } from "../i18n.ts";

/** A period key as people read it: "октябрь 2026", "4 квартал 2026", "2026 год". */
export function formatPeriodLabel(periodKey: string, lang: Lang): string {
  const period = parsePeriod(periodKey);
  if (!period) return periodKey;
  const t = translator(lang);
  if (period.kind === "month") return formatMonth(periodKey, lang);
  if (period.kind === "quarter") {
    return t("manager:periods.quarter", { quarter: period.quarter, year: period.year });
  }
  return t("manager:periods.year", { year: period.year });
}

/** A body's name in the reader's language. */
export function bodyName(body: { nameKk: string; nameRu: string }, lang: Lang): string {
  return lang === "kk" ? body.nameKk : body.nameRu;
}

/** "p1.t2.s3" → "1.2.3": how the methodology numbers projects, tasks and indicators. */
export function methodologyNumber(id: string): string {
  return id
    .split(".")
    .map((part) => part.replace(/^[pts]/, ""))
    .join(".");
}
