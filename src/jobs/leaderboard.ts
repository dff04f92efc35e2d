import type { UserRecord } from "../db/repositories/users.ts";
import {
  CAPTION_LIMIT,
  enqueueMessages,
  type OutgoingMessage,
} from "../delivery/outbox-message.ts";
import { chartWords, renderLeaderboardChart } from "../documents/index.ts";
import { formatYearToDate } from "../domain/calendar/format.ts";
import { formatPoints } from "../domain/points.ts";
import { type Lang, translator } from "../i18n.ts";
import { type BodyStanding, computeStandings, standingsOfKind } from "../services/standings.ts";
import type { JobInput, JobOutcome } from "./job.ts";
import { capitalize } from "./labels.ts";
import { bodyName, chartEntries, reportedMonth, silentBodies } from "./monthly-digest.ts";

const TOP_LINES = 10;
const MOVERS = 3;

/** Bodies that moved most in the ranking over the month: climbers first, then fallers. */
export function monthMovers(ranked: readonly BodyStanding[]): {
  up: BodyStanding[];
  down: BodyStanding[];
} {
  const moved = ranked.filter((s) => s.previousRank !== undefined && s.previousRank !== s.rank);
  const delta = (s: BodyStanding) => (s.previousRank ?? s.rank) - s.rank;
  return {
    up: moved
      .filter((s) => delta(s) > 0)
      .sort((a, b) => delta(b) - delta(a) || a.rank - b.rank)
      .slice(0, MOVERS),
    down: moved
      .filter((s) => delta(s) < 0)
      .sort((a, b) => delta(a) - delta(b) || a.rank - b.rank)
      .slice(0, MOVERS),
  };
}

/** The leaderboard's text for a reader whose body is `own`. */
export function leaderboardText(
  ranked: readonly BodyStanding[],
  own: BodyStanding,
  month: string,
  lang: Lang,
): string {
  const t = translator(lang);
  const line = (s: BodyStanding) =>
    t(
      s.body.id === own.body.id
        ? "notifications:leaderboard.ownLine"
        : "notifications:leaderboard.line",
      {
        rank: s.rank,
        body: bodyName(s.body, lang),
        points: formatPoints(s.yearToDate),
      },
    );
  const lines = [
    capitalize(
      t("notifications:leaderboard.title", {
        kind: t(`notifications:kindsInTitle.${own.body.kind}`),
        period: formatYearToDate(month, lang),
      }),
    ),
    "",
    ...ranked.slice(0, TOP_LINES).map(line),
  ];
  if (!ranked.slice(0, TOP_LINES).some((s) => s.body.id === own.body.id)) {
    lines.push(t("notifications:leaderboard.gap"), line(own));
  }
  const { up, down } = monthMovers(ranked);
  lines.push("");
  if (up.length + down.length === 0) lines.push(t("notifications:leaderboard.noMovers"));
  else {
    lines.push(t("notifications:leaderboard.movers"));
    const mover = (s: BodyStanding, key: string) =>
      t(key, { body: bodyName(s.body, lang), from: s.previousRank, to: s.rank });
    lines.push(...up.map((s) => mover(s, "notifications:leaderboard.moverUp")));
    lines.push(...down.map((s) => mover(s, "notifications:leaderboard.moverDown")));
  }
  return lines.join("\n");
}

/**
 * Posts the month's leaderboard to managers and commissioners: bodies of their body's kind ranked
 * by year-to-date points (rankBodies over stored scores), with the month's movers and a chart.
 */
export async function runLeaderboard({
  repos,
  methodology,
  now,
  config,
}: JobInput): Promise<JobOutcome> {
  const month = reportedMonth(now, config.timeZone);
  const standings = await computeStandings(repos, month);
  const silent = await silentBodies(repos, standings, month, {
    now,
    zone: config.timeZone,
    methodology,
  });
  const readers: UserRecord[] = [
    ...(await repos.users.listUsers({ role: "manager", reachableOnly: true })),
    ...(await repos.users.listUsers({ role: "commissioner", reachableOnly: true })),
  ];
  const charts = new Map<string, Buffer>();
  const messages: OutgoingMessage[] = [];
  for (const reader of readers) {
    const own = reader.bodyId === null ? undefined : standings.get(reader.bodyId);
    if (!own) continue;
    const lang = reader.language;
    const ranked = standingsOfKind(standings, own.body.kind);
    const text = leaderboardText(ranked, own, month, lang);
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
    const attachment = { kind: "photo" as const, filename: "leaderboard.png", data: chart };
    // A long list does not fit a caption: then the list goes first and the chart after it.
    if (text.length <= CAPTION_LIMIT) {
      messages.push({ ...base, text, attachment, idempotencyKey: key });
    } else {
      messages.push({ ...base, text, idempotencyKey: `${key}:text` });
      messages.push({ ...base, text: "", attachment, idempotencyKey: `${key}:chart` });
    }
  }
  return { enqueued: await enqueueMessages(repos, messages, now) };
}
