// The month's leaderboard in words: the top of a kind's ranking, each body's reports received of
// those expected, "not reported" for a body that sent nothing, the points still under review.
import {
  type Attachment,
  CAPTION_LIMIT,
  type OutgoingMessage,
} from "../delivery/outbox-message.ts";
import { formatYearToDate } from "../domain/calendar/format.ts";
import { formatPoints } from "../domain/points.ts";
import { type Lang, translator } from "../i18n.ts";
import type { LocaleKey } from "../i18n-keys.ts";
import { addUp, type BodyReporting, reportedNothing } from "../services/body-reporting.ts";
import { bodyName } from "../services/period-labels.ts";
import { type BodyStanding, standingsOfKind } from "../services/standings.ts";
import { capitalize } from "./labels.ts";

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

/** The leaderboard's title line ("🏆 Рейтинг центральных государственных органов…"). */
export function leaderboardTitle(kind: BodyStanding["body"]["kind"], month: string, lang: Lang) {
  const t = translator(lang);
  return capitalize(
    t("notifications:leaderboard.title", {
      kind: t(`notifications:kindsInTitle.${kind}`),
      period: formatYearToDate(month, lang),
    }),
  );
}

/** What a leaderboard says of its whole kind, the same for every reader: totals and movers. */
export interface LeaderboardSummary {
  total: ReturnType<typeof addUp>;
  movers: ReturnType<typeof monthMovers>;
}

export function leaderboardSummary(
  ranked: readonly BodyStanding[],
  reporting: ReadonlyMap<number, BodyReporting>,
): LeaderboardSummary {
  return {
    total: addUp(ranked.flatMap((s) => reporting.get(s.body.id) ?? [])),
    movers: monthMovers(ranked),
  };
}

/** Each kind's ranking and its summary, made once for a job's thousands of readers. */
export type RankingsByKind = (kind: BodyStanding["body"]["kind"]) => {
  ranked: BodyStanding[];
  summary: LeaderboardSummary;
};

export function rankingsByKind(
  standings: ReadonlyMap<number, BodyStanding>,
  reporting: ReadonlyMap<number, BodyReporting>,
): RankingsByKind {
  const made = new Map<string, ReturnType<RankingsByKind>>();
  return (kind) => {
    let ranking = made.get(kind);
    if (!ranking) {
      const ranked = standingsOfKind(standings, kind);
      ranking = { ranked, summary: leaderboardSummary(ranked, reporting) };
      made.set(kind, ranking);
    }
    return ranking;
  };
}

/**
 * The leaderboard's text for a reader whose body is `own`; `summary` of the ranking when a job
 * already made it for every reader.
 */
export function leaderboardText(
  ranked: readonly BodyStanding[],
  own: BodyStanding,
  month: string,
  lang: Lang,
  reporting: ReadonlyMap<number, BodyReporting>,
  summary: LeaderboardSummary = leaderboardSummary(ranked, reporting),
): string {
  const t = translator(lang);
  const line = (s: BodyStanding) => {
    const of = reporting.get(s.body.id);
    const silent = reportedNothing(of?.year);
    const review =
      !silent && of?.unreviewed
        ? ` ${t("notifications:leaderboard.unreviewed", { points: formatPoints(of.unreviewed) })}`
        : "";
    const reports =
      of && of.year.expected > 0
        ? ` · ${t("notifications:leaderboard.reports", { received: of.year.received, expected: of.year.expected })}`
        : "";
    return t(
      s.body.id === own.body.id
        ? "notifications:leaderboard.ownLine"
        : "notifications:leaderboard.line",
      {
        rank: s.rank,
        body: bodyName(s.body, lang),
        points: silent
          ? t("notifications:leaderboard.notReported")
          : `${formatPoints(s.yearToDate)}${review}`,
        reports,
      },
    );
  };
  const top = ranked.slice(0, TOP_LINES);
  const lines = [leaderboardTitle(own.body.kind, month, lang), "", ...top.map(line)];
  if (!top.some((s) => s.body.id === own.body.id)) {
    lines.push(t("notifications:leaderboard.gap"), line(own));
  }
  const { total } = summary;
  if (total.expected > 0) {
    lines.push(
      "",
      t("notifications:leaderboard.totals", {
        received: total.received,
        expected: total.expected,
        onTime: total.onTime,
      }),
    );
  }
  const { up, down } = summary.movers;
  lines.push("");
  if (up.length + down.length === 0) lines.push(t("notifications:leaderboard.noMovers"));
  else {
    lines.push(t("notifications:leaderboard.movers"));
    const mover = (s: BodyStanding, key: LocaleKey) =>
      t(key, { body: bodyName(s.body, lang), from: s.previousRank, to: s.rank });
    lines.push(...up.map((s) => mover(s, "notifications:leaderboard.moverUp")));
    lines.push(...down.map((s) => mover(s, "notifications:leaderboard.moverDown")));
  }
  lines.push("", t("notifications:leaderboard.legend"));
  return lines.join("\n");
}

/**
 * The leaderboard's text with its chart (its bytes, or the key of a chart already enqueued): as
 * the chart's caption when it fits, else the text first and the chart after it.
 */
export function withChart(
  base: Pick<OutgoingMessage, "chatId" | "batch">,
  key: string,
  text: string,
  chart: Buffer | string,
): OutgoingMessage[] {
  const attachment: Attachment = {
    kind: "photo",
    filename: "leaderboard.png",
    ...(typeof chart === "string" ? { file: chart } : { data: chart }),
  };
  if (text.length <= CAPTION_LIMIT) return [{ ...base, text, attachment, idempotencyKey: key }];
  return [
    { ...base, text, idempotencyKey: `${key}:text` },
    { ...base, text: "", attachment, idempotencyKey: `${key}:chart` },
  ];
}
