import type { UserRecord } from "../db/repositories/users.ts";
import { enqueueMessages, type OutgoingMessage } from "../delivery/outbox-message.ts";
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
  const charts = new Map<string, Buffer>();
  const messages: OutgoingMessage[] = [];
  for (const reader of readers) {
    const own = reader.bodyId === null ? undefined : standings.get(reader.bodyId);
    if (!own) continue;
    const lang = reader.language;
    const { ranked, summary } = rankedOf(own.body.kind);
    const text = leaderboardText(ranked, own, month, lang, reporting, summary);
    const chartKey = `${own.body.id}:${lang}`;
    let chart = charts.get(chartKey);
    if (!chart) {
      chart = await renderLeaderboardChart({
        title: text.split("\n")[0] ?? "",
        entries: chartEntries(ranked, own, lang, silent),
        words: chartWords(lang),
      });
      charts.set(chartKey, chart);
    }
    const key = `leaderboard:${month}:user:${reader.id}`;
    const base = { chatId: reader.telegramId, batch: `leaderboard:${month}` };
    messages.push(...withChart(base, key, text, chart));
  }
  return { enqueued: await enqueueMessages(repos, messages, now) };
}
