import type { Repositories } from "../db/index.ts";
import type { BodyKind } from "../db/repositories/directory.ts";
import {
  buildLeaderboardCsv,
  buildLeaderboardWorkbook,
  type LeaderboardRow,
} from "../documents/leaderboard-workbook.ts";
import { formatPeriodLabel } from "../domain/calendar/format.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { previousPeriod } from "../domain/periods.ts";
import { type Lang, translator } from "../i18n.ts";
import { periodKeysWithin } from "./body-scores.ts";
import { loadDeadlineRules } from "./deadlines.ts";
import type { ExportFile, ExportFormat } from "./export-types.ts";
import { type LeaderboardLine, rankBodiesByKind } from "./leaderboard.ts";
import { bodyName } from "./period-labels.ts";
import { indexSubmissions, listReportStatuses, tallyByBody } from "./reporting-rates.ts";

export interface LeaderboardExportOptions {
  periodKey: string;
  format: ExportFormat;
  lang: Lang;
  /** One kind, or both when left out. */
  kind?: BodyKind;
  created?: Date;
  /** What reporting rates are counted against: the time, zone and methodology. */
  now: Date;
  zone: string;
  methodology: MethodologyBook;
}

/** Places moved since the previous period, by body; empty when nobody had points then. */
function placeChanges(
  lines: readonly LeaderboardLine[],
  before: readonly LeaderboardLine[],
): Map<number, number> {
  if (!before.some((line) => line.points !== 0)) return new Map();
  const earlier = new Map(before.map((line) => [line.body.id, line.rank]));
  const changes = new Map<number, number>();
  for (const line of lines) {
    const was = earlier.get(line.body.id);
    if (was !== undefined) changes.set(line.body.id, was - line.rank);
  }
  return changes;
}

/**
 * The leaderboard of each kind asked for, ranked by points over the period, with each body's
 * change of place against the period before, its reports received of those expected (on time
 * too), and "not reported" in place of points for a body that sent nothing it owed.
 */
export async function exportLeaderboard(
  repos: Repositories,
  options: LeaderboardExportOptions,
): Promise<ExportFile[]> {
  const t = translator(options.lang);
  const files: ExportFile[] = [];
  const kinds = options.kind ? [options.kind] : (["central", "regional"] as const);
  const ranked = await rankBodiesByKind(repos, kinds, options.periodKey);
  const earlier = await rankBodiesByKind(repos, kinds, previousPeriod(options.periodKey));
  // Every body of the kinds is in the document: their submissions are read once, for all.
  const periodKeys = periodKeysWithin(options.periodKey);
  const submissions = indexSubmissions(await repos.submissions.listByPeriodKeys(periodKeys));
  const rules = await loadDeadlineRules(repos);
  for (const kind of kinds) {
    const lines = ranked.get(kind) ?? [];
    const changes = placeChanges(lines, earlier.get(kind) ?? []);
    const statuses = await listReportStatuses(
      repos,
      lines.map((line) => line.body),
      periodKeys,
      { ...options, submissions, rules },
    );
    const tallies = tallyByBody(statuses);
    const rows = lines.map((line): LeaderboardRow => {
      const tally = tallies.get(line.body.id);
      const change = changes.get(line.body.id);
      return {
        rank: line.rank,
        bodyName: bodyName(line.body, options.lang),
        points: line.points,
        // Blank rather than 0: the column flags points still waiting for review.
        ...(line.unreviewed === 0 ? {} : { unreviewedPoints: line.unreviewed }),
        ...(change === undefined ? {} : { change }),
        ...(tally
          ? {
              reporting: {
                expected: tally.expected,
                received: tally.received,
                onTime: tally.onTime,
              },
              notReported: tally.expected > 0 && tally.received === 0,
            }
          : {}),
      };
    });
    const input = {
      lang: options.lang,
      kindLabel: `${t(`manager:kinds.${kind}`)}, ${formatPeriodLabel(options.periodKey, options.lang)}`,
      rows,
      created: options.created,
    };
    const data =
      options.format === "xlsx"
        ? await buildLeaderboardWorkbook(input)
        : buildLeaderboardCsv(input);
    files.push({
      fileName: `leaderboard-${kind}-${options.periodKey}.${options.format}`,
      data,
      part: kind,
    });
  }
  return files;
}
