import type { Repositories } from "../db/index.ts";
import { type MethodologyBook, periodsTakenOver, startMonth } from "../domain/methodology/book.ts";
import { diffVersions, type VersionDiff } from "../domain/methodology/diff.ts";
import type { MethodologyProblem } from "../domain/methodology/read-version.ts";
import type { MethodologyVersion } from "../domain/methodology/types.ts";
import { comparePeriods } from "../domain/periods.ts";
import { parseVersionText } from "../methodology/load.ts";
import type { MethodologySource } from "../methodology/shelf.ts";

/** The largest version file the bot takes (2026.1 is about 60 KB). */
export const MAX_METHODOLOGY_BYTES = 512 * 1024;

/** What a new version file would do, checked before anything is stored. */
export type UploadCheck =
  | {
      ok: true;
      version: MethodologyVersion;
      /** The version it takes over from for its first period, and what differs. */
      replaces: MethodologyVersion;
      diff: VersionDiff;
    }
  | { ok: false; reason: "invalid"; problems: MethodologyProblem[] }
  | { ok: false; reason: "duplicateId"; id: string }
  /** Periods already scored that it would score anew: nothing already scored may change. */
  | { ok: false; reason: "rescores"; id: string; periods: string[] };

/**
 * Checks a version file against the book: it must read, have an id of its own, and take over
 * only periods nobody has been scored for yet (by the versions in force for them now).
 */
export async function checkUpload(
  repos: Pick<Repositories, "scores">,
  book: MethodologyBook,
  text: string,
): Promise<UploadCheck> {
  const read = parseVersionText(text);
  if (!read.ok) return { ok: false, reason: "invalid", problems: read.problems };
  const version = read.version;
  if (book.byId(version.id)) return { ok: false, reason: "duplicateId", id: version.id };
  const { fromMonth, untilMonth } = periodsTakenOver(book, version);
  const periods = (await repos.scores.listScoredPeriodKeys())
    .filter((key) => {
      const start = startMonth(key);
      return start >= fromMonth && (untilMonth === undefined || start < untilMonth);
    })
    .sort(comparePeriods);
  if (periods.length > 0) return { ok: false, reason: "rescores", id: version.id, periods };
  const replaces = book.forPeriod(version.appliesFrom);
  return { ok: true, version, replaces, diff: diffVersions(replaces, version) };
}

export type ActivateResult = UploadCheck | { ok: false; reason: "notAllowed" };

/**
 * Checks the file again (the book or the scores may have moved since it was shown), stores it
 * with its audit line, and makes it part of the running book. Only an active admin may.
 */
export async function activateUpload(
  repos: Repositories,
  source: MethodologySource,
  input: { text: string; fileName: string; actorTelegramId: number; now: Date },
): Promise<ActivateResult> {
  const actor = await repos.users.getUserByTelegramId(input.actorTelegramId);
  if (!actor?.active || actor.role !== "admin") return { ok: false, reason: "notAllowed" };
  await source.refresh();
  const check = await checkUpload(repos, source.book(), input.text);
  if (!check.ok) return check;
  const { version, replaces } = check;
  const saved = await repos.methodology.saveUpload({
    versionId: version.id,
    appliesFrom: version.appliesFrom,
    fileName: input.fileName,
    source: input.text,
    uploadedById: actor.id,
    uploadedAt: input.now,
  });
  if (!saved.ok) return { ok: false, reason: "duplicateId", id: version.id };
  await repos.audit.record({
    actorUserId: actor.id,
    action: "methodology.activate",
    target: `methodology:${version.id}`,
    details: {
      version: version.id,
      appliesFrom: version.appliesFrom,
      replaces: replaces.id,
      file: input.fileName,
    },
    at: input.now,
  });
  await source.refresh();
  return check;
}
