// The one place that reads instants as wall-clock time (a lint rule keeps Intl and getUTC* here).
// Every zone rule, daylight saving included, comes from the runtime's IANA database.

/** A wall-clock date and time in some zone; months 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA time zone ("Asia/Almaty"). */
export function isTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

// formatToParts costs microseconds and a screen asks for the same few minutes dozens of times
// (deadlines, "saved at", the clock): the answers are kept by zone and minute, a bounded number.
const MAX_REMEMBERED_MINUTES = 4096;
const remembered = new Map<string, Readonly<LocalDateTime>>();

/** The wall-clock date and time of an instant in a zone. */
export function toLocal(instant: Date, zone: string): LocalDateTime {
  const minute = Math.floor(instant.getTime() / 60_000);
  const key = `${zone}|${minute}`;
  const known = remembered.get(key);
  if (known) return { ...known };
  const local = readLocal(instant, zone);
  if (!Number.isNaN(minute)) {
    if (remembered.size >= MAX_REMEMBERED_MINUTES) remembered.clear();
    remembered.set(key, Object.freeze({ ...local }));
  }
  return local;
}

function readLocal(instant: Date, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

const asUtcMs = (l: LocalDateTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);

/** Minutes the zone is ahead of UTC at an instant (Almaty: 300). */
export function offsetMinutesAt(instant: Date, zone: string): number {
  const whole = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
  return Math.round((asUtcMs(toLocal(whole, zone)) - whole.getTime()) / 60_000);
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a clock change moves forward
 * by the gap (02:30 on a spring-forward night is 03:30); a repeated one takes the earlier instant.
 */
export function fromLocal(local: LocalDateTime, zone: string): Date {
  const [first] = instantsAtLocal(local, zone);
  if (first) return first;
  // No instant has this wall-clock time (a gap): the offset before it moves it forward.
  const wall = asUtcMs(local);
  return new Date(wall - offsetMinutesAt(new Date(wall - 12 * 60 * 60_000), zone) * 60_000);
}

/**
 * Every instant whose wall-clock time in the zone is this one, earliest first: one as a rule,
 * two when the clocks go back over it, none when they jump over it.
 */
export function instantsAtLocal(local: LocalDateTime, zone: string): Date[] {
  const wall = asUtcMs(local);
  const halfDay = 12 * 60 * 60_000;
  const offsets = [wall - halfDay, wall + halfDay].map((at) => offsetMinutesAt(new Date(at), zone));
  const candidates = [...new Set(offsets.map((offset) => wall - offset * 60_000))]
    .filter((at) => asUtcMs(toLocal(new Date(at), zone)) === wall)
    .sort((a, b) => a - b);
  return candidates.map((at) => new Date(at));
}

/** Whether year-month-day is a real calendar date (no 31 April). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A calendar date `days` later (earlier when negative): months and years roll over. */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** How many days a month has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2026-10-05" for a calendar date. */
export function isoDateOf(year: number, month: number, day: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)}`;
}

/** The calendar date a database DATE column holds (stored as UTC midnight): "2026-10-05". */
export function calendarDateOf(date: Date): string {
  return isoDateOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A calendar date as the Date a database DATE column takes (UTC midnight). */
export function dateColumnOf(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** The local calendar date of an instant, "2026-10-05". */
export function localDateOf(instant: Date, zone: string): string {
  const l = toLocal(instant, zone);
  return isoDateOf(l.year, l.month, l.day);
}

/** Days from one local date to another (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
