import type { UserRecord } from "../db/repositories/users.ts";
import { outboxBuffer } from "../delivery/outbox-buffer.ts";
import { fileKeyOf } from "../delivery/outbox-message.ts";
import { chartWords, renderLeaderboardChart } from "../documents/index.ts";
import { reportingOfBodies } from "../services/body-reporting.ts";
import { computeStandings } from "../services/standings.ts";
import type { JobInput, JobOutcome } from "./job.ts";
import { leaderboardText, rankingsByKind, withChart } from "./leaderboard-text.ts";
import { chartEntries, reportedMonth, silentBodies } from "./monthly-digest.ts";

export { leaderboardText, monthMovers } from "./leaderboard-text.ts";

/**
 * Posts the month's leaderboard to commissioners: bodies of their body's kind ranked by
 * year-to-date points (rankBodies over stored scores), each with its reports received of those
 * expected, the month's movers and a chart. Managers read the same leaderboard in their digest,
 * so they get it once.
 */
export async function runLeaderboard({
  repos,
  methodology,
  now,
  config,
}: JobInput): Promise<JobOutcome> {
  const month = reportedMonth(now, config.timeZone);
  const standings = await computeStandings(repos, month);
  const options = { now, zone: config.timeZone, methodology };
  const silent = await silentBodies(repos, standings, month, options);
  const reporting = await reportingOfBodies(
    repos,
    [...standings.values()].map((s) => s.body),
    month,
    options,
  );
  const readers: UserRecord[] = await repos.users.listUsers({
    role: "commissioner",
    reachableOnly: true,
  });
  const rankedOf = rankingsByKind(standings, reporting);
  // Each body's chart in each language is drawn once; after its first message carries it, only
  // its key is kept, and the outbox is written as the messages come.
  const charts = new Map<string, string>();
  const outbox = outboxBuffer(repos, now);
  for (const reader of readers) {
    const own = reader.bodyId === null ? undefined : standings.get(reader.bodyId);
    if (!own) continue;
    const lang = reader.language;
    const { ranked, summary } = rankedOf(own.body.kind);
    const text = leaderboardText(ranked, own, month, lang, reporting, summary);
    const chartKey = `${own.body.id}:${lang}`;
    let chart: Buffer | string | undefined = charts.get(chartKey);
    if (!chart) {
      chart = await renderLeaderboardChart({
        title: text.split("\n")[0] ?? "",
        entries: chartEntries(ranked, own, lang, silent),
        words: chartWords(lang),
      });
      charts.set(chartKey, fileKeyOf(chart));
    }
    const key = `leaderboard:${month}:user:${reader.id}`;
    const base = { chatId: reader.telegramId, batch: `leaderboard:${month}` };
    await outbox.add(withChart(base, key, text, chart));
  }
  return { enqueued: await outbox.flush() };
}
