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
  | "tooManyItems"
  | "percentNotCount"
  | "notAShare"
  | "percentNotShare";

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
  "percentNotCount",
  "notAShare",
  "percentNotShare",
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

/** A day inside the month to show how dates are written: { day: "15", date: "15.10.2026" }. */
export function dateExample(month: string): { day: string; date: string } {
  const m = periodOf(month, "month");
  return { day: "15", date: `15.${String(m.month).padStart(2, "0")}.${m.year}` };
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
  if (!parts || !iso) return fail("notADate", dateExample(month));
  if (parts[0] !== m.year || parts[1] !== m.month) return fail("dateOutsideMonth", { month });
  return { ok: true, value: iso };
}

// Thousands as people group them: "1 000", "1 000" (no-break or thin space), "1.000", "12 500".
const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+$/;

/**
 * A whole number typed as text: "45", "1 000", "1.000"; refuses words, negatives, fractions and
 * percentages (at least `min`, 0 by default).
 */
export function checkCount(input: string, options: { min?: number } = {}): FieldCheck<number> {
  const trimmed = input.trim();
  const min = options.min ?? 0;
  if (/%\s*$/.test(trimmed)) return fail("percentNotCount");
  const text = GROUPED.test(trimmed) ? trimmed.replace(/[ \u00a0\u202f.]/g, "") : trimmed;
  if (/^[-\u2212]\s*\d+([.,]\d+)?$/.test(text))
    return fail(min > 0 ? "tooSmall" : "negative", { min });
  if (/^\d+[.,]\d+$/.test(text)) return fail("notAnInteger");
  if (!/^\d+$/.test(text)) return fail("notANumber");
  const value = Number(text);
  if (value > MAX_REPORT_COUNT) return fail("tooLarge", { max: MAX_REPORT_COUNT });
  if (value < min) return fail("tooSmall", { min });
  return { ok: true, value };
}

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+`;
// "45 из 60", "45/60", "45 of 60" name the part first; Kazakh names the whole first: "60 ішінен 45".
const PART_OF_WHOLE = new RegExp(`^(${NUMBER})\\s*(?:/|из|of)\\s*(${NUMBER})$`, "iu");
const WHOLE_THEN_PART = new RegExp(`^(${NUMBER})\\s*ішінен\\s*(${NUMBER})$`, "iu");

const wholeNumber = (text: string) => Number(text.replace(/[ \u00a0\u202f.]/g, ""));

/**
 * How many of how many, as people write it: "45 из 60", "60 ішінен 45" (the bot's own echo in
 * Kazakh), "45/60", "45 of 60", with thousands grouped as in counts ("1 200 из 1 500"); refuses a
 * percentage with the reason. Whether the part exceeds the whole is the indicator's rule to say.
 */
export function checkShare(input: string): FieldCheck<{ done: number; total: number }> {
  const text = input
    .trim()
    .replace(/\s+/g, " ")
    .replace(/(?<=\d)\.$/, "");
  if (/%/.test(text)) return fail("percentNotShare");
  const partFirst = PART_OF_WHOLE.exec(text);
  const wholeFirst = partFirst ? undefined : WHOLE_THEN_PART.exec(text);
  const [done, total] = partFirst
    ? [partFirst[1], partFirst[2]]
    : wholeFirst
      ? [wholeFirst[2], wholeFirst[1]]
      : [];
  if (done === undefined || total === undefined) return fail("notAShare");
  const share = { done: wholeNumber(done), total: wholeNumber(total) };
  if (share.total > MAX_REPORT_COUNT) return fail("tooLarge", { max: MAX_REPORT_COUNT });
  return { ok: true, value: share };
}

/**
 * A link to a publication: an http(s) URL with a host name. A bare address ("akimat.kz/news/1",
 * "www.gov.kz/…") is read as https, as people copy it from the address bar.
 */
export function checkUrl(input: string): FieldCheck<string> {
  const raw = input.trim();
  if (raw === "" || /\s/.test(raw)) return fail("notAUrl");
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  if (!URL.canParse(text)) return fail("notAUrl");
  const url = new URL(text);
  const okProtocol = url.protocol === "http:" || url.protocol === "https:";
  const host = url.hostname;
  const okHost =
    /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}$/u.test(host) ||
    /^xn--/.test(host.split(".").at(-1) ?? "");
  if (!okProtocol || !host.includes(".") || !okHost) return fail("notAUrl");
  return { ok: true, value: text };
}

/**
 * What a person typed, safe to store and show: control characters dropped (PostgreSQL's jsonb
 * refuses U+0000), line breaks kept, Unicode composed (NFC) so equal words compare equal, trimmed.
 */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    .replace(/(?![\n\t])\p{Cc}/gu, "")
    .normalize("NFC")
    .trim();
}

/** A short free text (topic, position, audience): trimmed, not empty, not too long. */
export function checkText(input: string, max = MAX_TEXT_LENGTH): FieldCheck<string> {
  const text = cleanText(input).replace(/\s+/g, " ");
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
