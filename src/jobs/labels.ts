import type { ReportKind } from "../domain/deadlines.ts";
import { formatPoints, type Points } from "../domain/points.ts";
import { type Lang, translator } from "../i18n.ts";

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
