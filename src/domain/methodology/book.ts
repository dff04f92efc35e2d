import { monthsOf } from "../periods.ts";
import type { MethodologyVersion } from "./types.ts";

/**
 * Every loaded version of the methodology. A period is always scored by the version in force
 * for it, so a new year's version never rescores last year.
 */
export interface MethodologyBook {
  /** Oldest first: by the period each applies from, then in the order they were added. */
  readonly versions: readonly MethodologyVersion[];
  /** The version in force last: the one new periods are scored by. */
  readonly newest: MethodologyVersion;
  /**
   * The version in force for a period (a month, quarter or year key): the newest whose
   * appliesFrom starts no later than the period. Periods before every version are read by the
   * oldest, as nothing older exists.
   */
  forPeriod(periodKey: string): MethodologyVersion;
  byId(id: string): MethodologyVersion | undefined;
}

/** Thrown when versions cannot form a book (none, or two with one id). */
export class MethodologyBookError extends Error {
  override readonly name = "MethodologyBookError";
}

/** The first month of a period: what "applies from" compares. */
export function startMonth(periodKey: string): string {
  return monthsOf(periodKey)[0] as string;
}

/** A book of versions, given in the order they were added (a later one with the same appliesFrom wins). */
export function createMethodologyBook(versions: readonly MethodologyVersion[]): MethodologyBook {
  if (versions.length === 0) throw new MethodologyBookError("No methodology version loaded");
  const ids = new Set<string>();
  for (const v of versions) {
    if (ids.has(v.id)) throw new MethodologyBookError(`Two methodology versions are ${v.id}`);
    ids.add(v.id);
  }
  // A stable sort: equal starts keep the order they were added in.
  const sorted = [...versions].sort((a, b) =>
    startMonth(a.appliesFrom).localeCompare(startMonth(b.appliesFrom)),
  );
  const byId = new Map(sorted.map((v) => [v.id, v]));
  const oldest = sorted[0] as MethodologyVersion;
  const starts = sorted.map((v) => startMonth(v.appliesFrom));
  // Every step of a form asks for its period's version: a book never changes, so each period's
  // answer is kept.
  const versionOf = new Map<string, MethodologyVersion>();
  return {
    versions: sorted,
    newest: sorted.at(-1) as MethodologyVersion,
    forPeriod(periodKey) {
      const known = versionOf.get(periodKey);
      if (known) return known;
      const start = startMonth(periodKey);
      const index = starts.findLastIndex((s) => s <= start);
      const version = index === -1 ? oldest : (sorted[index] as MethodologyVersion);
      versionOf.set(periodKey, version);
      return version;
    },
    byId: (id) => byId.get(id),
  };
}

/**
 * The periods whose version would change if `candidate` joined the book: from its appliesFrom up
 * to the next later start, as [fromMonth, untilMonth) month keys (untilMonth undefined: open).
 */
export function periodsTakenOver(
  book: MethodologyBook,
  candidate: Pick<MethodologyVersion, "appliesFrom">,
): { fromMonth: string; untilMonth: string | undefined } {
  const from = startMonth(candidate.appliesFrom);
  const oldestStart = startMonth(book.versions[0]?.appliesFrom ?? candidate.appliesFrom);
  const later = book.versions.map((v) => startMonth(v.appliesFrom)).filter((s) => s > from);
  // Before every version, the oldest reads the periods: a new oldest takes them from the start.
  const fromMonth = from < oldestStart ? "0000-01" : from;
  return { fromMonth, untilMonth: later[0] };
}
