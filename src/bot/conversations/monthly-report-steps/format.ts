import { periodOf } from "../../../domain/periods.ts";
import { formatPoints, type Points } from "../../../domain/points.ts";
import type { Translate } from "../../context.ts";

/** The locale namespace of this conversation. */
export const NS = "monthly-report";

/** A key of this conversation's namespace translated: tr(t, "summary.title"). */
export function tr(t: Translate, key: string, params?: Record<string, unknown>): string {
  return t(`${NS}:${key}`, params);
}

/** "2026-10" → "октябрь 2026 г." / "2026 ж. қазан". */
export function formatMonth(t: Translate, month: string): string {
  const p = periodOf(month, "month");
  return tr(t, "month", { name: tr(t, `months.${p.month}`), year: p.year });
}

/** "2026-10-05" → "05.10.2026". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}

/** Points with a decimal comma and the word agreeing with the number: "2,5 балла", "6 баллов". */
export function formatPointsText(t: Translate, points: Points): string {
  return tr(t, "points", { count: points / 100, points: formatPoints(points) });
}

/** A whole number with thin groups, as people write it: 12 500. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** The first letter in upper case (the domain's problem messages start in lower case). */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
