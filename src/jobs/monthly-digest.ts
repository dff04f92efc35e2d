import type { BodyRecord } from "../db/repositories/directory.ts";
import type { UserRecord } from "../db/repositories/users.ts";
import { outboxBuffer } from "../delivery/outbox-buffer.ts";
import type { OutgoingMessage } from "../delivery/outbox-message.ts";
import {
  buildScoreSheetWorkbook,
  chartWords,
  renderLeaderboardChart,
  renderTrendChart,
  type ScoreSheetRow,
} from "../documents/index.ts";
import {
  formatPeriodLabel,
  formatPeriodShort,
  formatYearToDate,
} from "../domain/calendar/format.ts";
import type { DeadlineRule } from "../domain/deadlines.ts";
import { periodContaining, previousPeriod, yearOf } from "../domain/periods.ts";
import { formatPoints } from "../domain/points.ts";
import { reportPeriodsThrough } from "../domain/reports/obligations.ts";
import { truncateGraphemes } from "../domain/text/graphemes.ts";
import { type Lang, translator } from "../i18n.ts";
import {
  type BodyReporting,
  reportedNothing,
  reportingOfBodies,
} from "../services/body-reporting.ts";
import { descendantsIn } from "../services/body-scope.ts";
import { loadDeadlineRules } from "../services/deadlines.ts";
import { scoreSheetRows } from "../services/export-scores.ts";
import { periodKeysOfYear } from "../services/report-scores.ts";
import {
  bodiesWithoutReports,
  indexSubmissions,
  listReportStatuses,
} from "../services/reporting-rates.ts";
import { type BodyStanding, computeStandings } from "../services/standings.ts";
import { collectDigest, type DigestData } from "./digest-data.ts";
import type { JobInput, JobOutcome } from "./job.ts";
import { changeLabel } from "./labels.ts";
import {
  leaderboardText,
  type RankingsByKind,
  rankingsByKind,
  withChart,
} from "./leaderboard-text.ts";

const MAX_SUBORDINATE_LINES = 25;
const CHART_TOP = 15;

/** The name of a body in a language. */
export function bodyName(body: BodyRecord, lang: Lang): string {
  return lang === "kk" ? body.nameKk : body.nameRu;
}

/** The month a digest or leaderboard sent now is about: the month just ended. */
export function reportedMonth(now: Date, zone: string): string {
  return previousPeriod(periodContaining("month", now, zone));
}

/**
 * Sends every manager the month's digest of their body and the bodies below it: points and their
 * change, place among bodies of the kind, who has not reported, the biggest gaps; with a trend
 * chart, the leaderboard chart and a workbook of the numbers. All numbers are stored scores.
 */
export async function runMonthlyDigest({
  repos,
  methodology,
  now,
  config,
}: JobInput): Promise<JobOutcome> {
  const month = reportedMonth(now, config.timeZone);
  const standings = await computeStandings(repos, month);
  const rules = await loadDeadlineRules(repos);
  const silent = await silentBodies(repos, standings, month, {
    now,
    zone: config.timeZone,
    rules,
    methodology,
  });
  const reporting = await reportingOfBodies(
    repos,
    [...standings.values()].map((s) => s.body),
    month,
    { now, zone: config.timeZone, rules, methodology },
  );
  const managers = (await repos.users.listUsers({ role: "manager", reachableOnly: true })).filter(
    (manager) => manager.bodyId !== null,
  );
  // What every digest reads is read once for all (the directory, the year's submissions) or for
  // a chunk of managers at a time (their bodies' scores): no statement per manager.
  const directory = await repos.directory.listBodies({ includeInactive: true });
  const bodyById = new Map(directory.map((body) => [body.id, body]));
  const below = descendantsIn(directory);
  const yearKeys = periodKeysOfYear(yearOf(month));
  const submissions = await repos.submissions.listByPeriodKeys([
    ...new Set([...yearKeys, ...reportPeriodsThrough(month)]),
  ]);
  const submissionIndex = indexSubmissions(submissions);
  const submissionsOf = groupByBody(submissions);
  const rankedOf = rankingsByKind(standings, reporting);
  const outbox = outboxBuffer(repos, now);
  for (let start = 0; start < managers.length; start += MANAGERS_A_READ) {
    const chunk = managers.slice(start, start + MANAGERS_A_READ);
    const scores = groupByBody(
      await repos.scores.listScores({
        periodKeys: yearKeys,
        bodyIds: [...new Set(chunk.map((manager) => manager.bodyId as number))],
      }),
    );
    for (const manager of chunk) {
      const bodyId = manager.bodyId as number;
      const own = scores.get(bodyId) ?? [];
      const digest = await collectDigest(
        repos,
        methodology,
        {
          bodyId,
          month,
          standings,
          variants: config.methodologyVariants,
          now,
          zone: config.timeZone,
          rules,
        },
        { submissions: submissionIndex, scores: own, descendants: below(bodyId) },
      );
      if (!digest) continue;
      const sheet = await scoreSheetRows(
        repos,
        methodology,
        bodyId,
        { yearThrough: month },
        { lang: manager.language, variants: config.methodologyVariants },
        { body: bodyById.get(bodyId), scores: own, submissions: submissionsOf.get(bodyId) ?? [] },
      );
      const messages = await digestMessages(manager, digest, {
        rankedOf,
        silent,
        reporting,
        now,
        sheetRows: sheet?.rows ?? [],
      });
      await outbox.add(messages);
    }
  }
  return { enqueued: await outbox.flush() };
}

/** How many managers' scores one statement reads. */
const MANAGERS_A_READ = 500;
function groupByBody<T extends { bodyId: number }>(rows: readonly T[]): Map<number, T[]> {
  const byBody = new Map<number, T[]>();
  for (const row of rows) {
    const list = byBody.get(row.bodyId);
    if (list) list.push(row);
    else byBody.set(row.bodyId, [row]);
  }
  return byBody;
}

/**
 * Bodies that sent nothing of what they owed in the year up to the month: the leaderboard chart
 * names them "not reported" instead of showing their (empty) points as a score.
 */
export async function silentBodies(
  repos: JobInput["repos"],
  standings: ReadonlyMap<number, BodyStanding>,
  month: string,
  options: {
    now: Date;
    zone: string;
    rules?: readonly DeadlineRule[];
    methodology: JobInput["methodology"];
  },
): Promise<ReadonlySet<number>> {
  const bodies = [...standings.values()].map((s) => s.body);
  const statuses = await listReportStatuses(repos, bodies, reportPeriodsThrough(month), options);
  return bodiesWithoutReports(statuses);
}

/**
 * Year-to-date points, "not reported" for a body that sent nothing it owed, and the part still
 * under review marked.
 */
function pointsOrSilence(points: number, of: BodyReporting | undefined, lang: Lang): string {
  const t = translator(lang);
  if (reportedNothing(of?.year)) return t("notifications:leaderboard.notReported");
  if (!of?.unreviewed) return formatPoints(points);
  return `${formatPoints(points)} ${t("notifications:leaderboard.unreviewed", { points: formatPoints(of.unreviewed) })}`;
}

/** The digest's text in a language (also what tests read). */
export function digestText(
  digest: DigestData,
  lang: Lang,
  reporting: ReadonlyMap<number, BodyReporting> = new Map(),
): string {
  const t = translator(lang);
  const { own } = digest;
  const ownReporting = reporting.get(own.body.id);
  const kind = t(`notifications:kindsGenitive.${own.body.kind}`);
  const lines = [
    t("notifications:digest.title", {
      period: formatPeriodLabel(digest.month, lang),
      body: bodyName(own.body, lang),
    }),
    reportedNothing(ownReporting?.month)
      ? t("notifications:digest.monthNotReported")
      : t("notifications:digest.month", {
          points: formatPoints(own.month),
          change: changeLabel(own.month - own.previousMonth, lang),
        }),
    t("notifications:digest.yearToDate", {
      points: pointsOrSilence(own.yearToDate, ownReporting, lang),
      rank: own.rank,
      of: own.of,
      kind,
    }),
  ];
  if (ownReporting && ownReporting.year.expected > 0) {
    lines.push(
      t("notifications:digest.reporting", {
        received: ownReporting.year.received,
        expected: ownReporting.year.expected,
        onTime: ownReporting.year.onTime,
      }),
    );
  }
  if (digest.subordinates.length > 0) {
    lines.push("", t("notifications:digest.subordinates"));
    for (const s of digest.subordinates.slice(0, MAX_SUBORDINATE_LINES)) {
      const of = reporting.get(s.body.id);
      const reports =
        of && of.year.expected > 0
          ? ` · ${t("notifications:leaderboard.reports", { received: of.year.received, expected: of.year.expected })}`
          : "";
      lines.push(
        t(
          reportedNothing(of?.month)
            ? "notifications:digest.subordinateSilent"
            : "notifications:digest.subordinate",
          {
            body: bodyName(s.body, lang),
            points: formatPoints(s.month),
            change: changeLabel(s.month - s.previousMonth, lang),
            ytd: pointsOrSilence(s.yearToDate, of, lang),
            rank: s.rank,
            reports,
          },
        ),
      );
    }
    const more = digest.subordinates.length - MAX_SUBORDINATE_LINES;
    if (more > 0) lines.push(t("notifications:digest.more", { count: more }));
  }
  lines.push(
    "",
    digest.missing.length === 0
      ? t("notifications:digest.allReported")
      : t("notifications:digest.missing", {
          bodies: digest.missing.map((b) => bodyName(b, lang)).join(", "),
        }),
    "",
  );
  if (digest.gaps.length === 0) lines.push(t("notifications:digest.noGaps"));
  else {
    lines.push(t("notifications:digest.gaps"));
    for (const gap of digest.gaps) {
      lines.push(
        t("notifications:digest.gap", {
          number: gap.def.number,
          title: gap.def.shortTitle[lang],
          points: formatPoints(gap.points),
          max: formatPoints(gap.max),
        }),
      );
    }
  }
  lines.push("", t("notifications:digest.attachments"));
  return truncateGraphemes(lines.join("\n"), 4000);
}

async function digestMessages(
  manager: UserRecord,
  digest: DigestData,
  context: {
    rankedOf: RankingsByKind;
    silent: ReadonlySet<number>;
    reporting: ReadonlyMap<number, BodyReporting>;
    now: Date;
    /** The workbook's rows: the year to date indicator by indicator, with maxima. */
    sheetRows: ScoreSheetRow[];
  },
): Promise<OutgoingMessage[]> {
  const { rankedOf, silent, reporting, now } = context;
  const lang = manager.language;
  const t = translator(lang);
  const name = bodyName(digest.own.body, lang);
  const key = `digest:${digest.month}:user:${manager.id}`;
  const base = { chatId: manager.telegramId, batch: `digest:${digest.month}` };
  const year = digest.month.slice(0, 4);
  const trendTitle = t("notifications:digest.trendTitle", { body: name, year });
  const trend = await renderTrendChart({
    title: trendTitle,
    periods: digest.trend.periods.map((p) => ({
      label: formatPeriodShort(p.periodKey, lang),
      mark: p.state,
    })),
    projects: digest.trend.series.map((s) => ({
      name: t("notifications:digest.project", { id: s.number }),
      points: s.points,
    })),
    words: chartWords(lang),
  });
  // The month's one leaderboard for a manager: the chart with the leaderboard post's text.
  const { ranked, summary } = rankedOf(digest.own.body.kind);
  const boardText = leaderboardText(ranked, digest.own, digest.month, lang, reporting, summary);
  const board = await renderLeaderboardChart({
    title: boardText.split("\n")[0] ?? "",
    entries: chartEntries(ranked, digest.own, lang, silent),
    words: chartWords(lang),
  });
  const sheet = await buildScoreSheetWorkbook({
    lang,
    bodyName: name,
    periodLabel: formatYearToDate(digest.month, lang),
    rows: context.sheetRows,
    total: digest.own.yearToDate,
    created: now,
  });
  return [
    { ...base, text: digestText(digest, lang, reporting), idempotencyKey: `${key}:text` },
    {
      ...base,
      text: trendTitle,
      attachment: { kind: "photo", filename: "trend.png", data: trend },
      idempotencyKey: `${key}:trend`,
    },
    ...withChart(base, `${key}:leaderboard`, boardText, board),
    {
      ...base,
      text: "",
      attachment: { kind: "document", filename: `scores-${digest.month}.xlsx`, data: sheet },
      idempotencyKey: `${key}:sheet`,
    },
  ];
}

/**
 * The top of the kind's ranking, plus the own body (highlighted) if it is further down; bodies
 * that sent nothing they owed are marked "not reported".
 */
export function chartEntries(
  ranked: readonly BodyStanding[],
  own: BodyStanding,
  lang: Lang,
  silent: ReadonlySet<number>,
) {
  const shown = ranked.slice(0, CHART_TOP);
  if (!shown.some((s) => s.body.id === own.body.id)) shown.push(own);
  return shown.map((s) => ({
    rank: s.rank,
    name: bodyName(s.body, lang),
    points: s.yearToDate,
    highlight: s.body.id === own.body.id,
    notReported: silent.has(s.body.id),
  }));
}
