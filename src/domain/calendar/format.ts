// Every date, time, month, quarter and year people read, one way each in each language.
import { type Period, parsePeriod, periodOf } from "../periods.ts";
import { fromLocal, isCalendarDate, localDateOf, toLocal } from "./zone.ts";

/** The two languages people read. */
export type CalendarLang = "kk" | "ru";

const MONTHS: Record<CalendarLang, readonly string[]> = {
  ru: [
    ...["январь", "февраль", "март", "апрель", "май", "июнь"],
    ...["июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
  ],
  kk: [
    ...["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым"],
    ...["шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
  ],
};

const ROMAN = ["I", "II", "III", "IV"] as const;
const two = (n: number) => String(n).padStart(2, "0");

/** The month's name alone, lower case: "октябрь", "қазан". */
export function monthName(month: number, lang: CalendarLang): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/** "октябрь 2026" / "2026 ж. қазан" (no trailing "г.", so a sentence never ends in "г.."). */
export function formatMonth(monthKey: string, lang: CalendarLang): string {
  const p = periodOf(monthKey, "month");
  const name = monthName(p.month, lang);
  return lang === "kk" ? `${p.year} ж. ${name}` : `${name} ${p.year}`;
}

/** "IV квартал 2026" / "2026 ж. IV тоқсан". */
export function formatQuarter(quarterKey: string, lang: CalendarLang): string {
  const p = periodOf(quarterKey, "quarter");
  const roman = ROMAN[p.quarter - 1];
  return lang === "kk" ? `${p.year} ж. ${roman} тоқсан` : `${roman} квартал ${p.year}`;
}

/** A period as a chart row names it: "октябрь", "IV квартал", "2026 год" (kk "қазан", "IV тоқсан", "2026 жыл"). */
export function formatPeriodShort(periodKey: string, lang: CalendarLang): string {
  const p = periodOf(periodKey);
  if (p.kind === "month") return monthName(p.month, lang);
  if (p.kind === "quarter")
    return `${ROMAN[p.quarter - 1]} ${lang === "kk" ? "тоқсан" : "квартал"}`;
  return formatYear(periodKey, lang);
}

/** "2026 год" / "2026 жыл". */
export function formatYear(yearKey: string, lang: CalendarLang): string {
  const p = periodOf(yearKey, "year");
  return lang === "kk" ? `${p.year} жыл` : `${p.year} год`;
}

/** Any period key as people read it (a month, a quarter or a year); the key itself if it is none. */
export function formatPeriodLabel(periodKey: string, lang: CalendarLang): string {
  const p: Period | undefined = parsePeriod(periodKey);
  if (!p) return periodKey;
  if (p.kind === "month") return formatMonth(periodKey, lang);
  if (p.kind === "quarter") return formatQuarter(periodKey, lang);
  return formatYear(periodKey, lang);
}

/** The year to date up to a month: "январь–октябрь 2026" / "2026 ж. қаңтар–қазан". */
export function formatYearToDate(monthKey: string, lang: CalendarLang): string {
  const p = periodOf(monthKey, "month");
  const span =
    p.month === 1 ? monthName(1, lang) : `${monthName(1, lang)}–${monthName(p.month, lang)}`;
  return lang === "kk" ? `${p.year} ж. ${span}` : `${span} ${p.year}`;
}

/** A calendar date "2026-10-05" → "05.10.2026" (the same in both languages). */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}

/** The local date of an instant: "05.10.2026". */
export function formatDate(instant: Date, zone: string): string {
  return formatCalendarDate(localDateOf(instant, zone));
}

/** The local time of an instant: "18:00". */
export function formatTime(instant: Date, zone: string): string {
  const l = toLocal(instant, zone);
  return `${two(l.hour)}:${two(l.minute)}`;
}

/** The local date and time of an instant: "05.10.2026, 18:00". */
export function formatDateTime(instant: Date, zone: string): string {
  return `${formatDate(instant, zone)}, ${formatTime(instant, zone)}`;
}

/** What a person typed as a local date and time, "05.11.2026 09:00", as an instant; undefined if it is none. */
export function parseLocalDateTime(text: string, zone: string): Date | undefined {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const [day = 0, month = 0, year = 0, hour = 0, minute = 0] = m.slice(1).map(Number);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59) return undefined;
  return fromLocal({ year, month, day, hour, minute }, zone);
}
