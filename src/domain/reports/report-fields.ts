import { isCalendarDate, isoDateOf } from "../calendar/zone.ts";
import { periodOf } from "../periods.ts";
import { isBlankText } from "../text/graphemes.ts";

/** Why one answer of the monthly report was refused; messages are in scoring.json under "report". */
export type ReportProblemCode =
  | "notAMonth"
  | "notADate"
  | "dateOutsideMonth"
  | "notANumber"
  | "notAnInteger"
  | "negative"
  | "tooSmall"
  | "tooLarge"
  | "notAUrl"
  | "emptyText"
  | "textTooLong"
  | "linkRequired"
  | "tooManyItems";

export const REPORT_PROBLEM_CODES: readonly ReportProblemCode[] = [
  "notAMonth",
  "notADate",
  "dateOutsideMonth",
  "notANumber",
  "notAnInteger",
  "negative",
  "tooSmall",
  "tooLarge",
  "notAUrl",
  "emptyText",
  "textTooLong",
  "linkRequired",
  "tooManyItems",
];

/** The result of checking one typed answer. */
export type FieldCheck<T> =
  | { ok: true; value: T }
  | { ok: false; code: ReportProblemCode; params?: Record<string, string | number> };

/** The i18n key of a report problem's message: "scoring:report.<code>". */
export function reportProblemKey(code: ReportProblemCode): string {
  return `scoring:report.${code}`;
}

export const MAX_TEXT_LENGTH = 500;
export const MAX_REPORT_COUNT = 1_000_000_000;

const fail = (
  code: ReportProblemCode,
  params?: Record<string, string | number>,
): FieldCheck<never> => (params ? { ok: false, code, params } : { ok: false, code });

function isoDate(year: number, month: number, day: number): string | undefined {
  return isCalendarDate(year, month, day) ? isoDateOf(year, month, day) : undefined;
}

/** A day of the report's month: "15", "15.10", "15.10.2026" or "2026-10-15" → "2026-10-15". */
export function checkEventDate(month: string, input: string): FieldCheck<string> {
  const m = periodOf(month, "month");
  const text = input.trim();
  let parts: [number, number, number] | undefined;
  let match = /^(\d{1,2})(?:\.(\d{1,2})(?:\.(\d{4}))?)?\.?$/.exec(text);
  if (match) parts = [Number(match[3] ?? m.year), Number(match[2] ?? m.month), Number(match[1])];
  match ??= /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts && match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  const iso = parts && isoDate(...parts);
  if (!parts || !iso) return fail("notADate");
  if (parts[0] !== m.year || parts[1] !== m.month) return fail("dateOutsideMonth", { month });
  return { ok: true, value: iso };
}

/** A whole number typed as text: refuses words, negatives and fractions (at least `min`, 0 by default). */
export function checkCount(input: string, options: { min?: number } = {}): FieldCheck<number> {
  const text = input.trim().replace(/[\s\u00a0]/g, "");
  const min = options.min ?? 0;
  if (/^-\d+([.,]\d+)?$/.test(text)) return fail(min > 0 ? "tooSmall" : "negative", { min });
  if (/^\d+[.,]\d+$/.test(text)) return fail("notAnInteger");
  if (!/^\d+$/.test(text)) return fail("notANumber");
  const value = Number(text);
  if (value > MAX_REPORT_COUNT) return fail("tooLarge", { max: MAX_REPORT_COUNT });
  if (value < min) return fail("tooSmall", { min });
  return { ok: true, value };
}

/** A link to a publication: an absolute http(s) URL with a host name. */
export function checkUrl(input: string): FieldCheck<string> {
  const text = input.trim();
  if (!URL.canParse(text)) return fail("notAUrl");
  const url = new URL(text);
  const okProtocol = url.protocol === "http:" || url.protocol === "https:";
  if (!okProtocol || !url.hostname.includes(".") || /\s/.test(text)) return fail("notAUrl");
  return { ok: true, value: text };
}

/** A short free text (topic, position, audience): trimmed, not empty, not too long. */
export function checkText(input: string, max = MAX_TEXT_LENGTH): FieldCheck<string> {
  const text = input.trim().replace(/\s+/g, " ");
  // Zero-width characters alone show nothing: such a topic is as empty as a blank one.
  if (isBlankText(text)) return fail("emptyText");
  if (text.length > max) return fail("textTooLong", { max });
  return { ok: true, value: text };
}

/** An event's topic. */
export const checkTopic = (input: string): FieldCheck<string> => checkText(input);
/** The position held by an official the ethics commissioner worked with. */
export const checkPosition = (input: string): FieldCheck<string> => checkText(input);
/** Who a legal propaganda event was for. */
export const checkAudience = (input: string): FieldCheck<string> => checkText(input);
