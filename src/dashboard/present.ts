import type { BodyRecord } from "../db/repositories/directory.ts";
import { chartWords } from "../documents/labels.ts";
import { formatDateTime, formatPeriodLabel, formatPeriodShort } from "../domain/calendar/format.ts";
import type { IndicatorDef } from "../domain/methodology/types.ts";
import { switchUnit } from "../domain/period-spans.ts";
import { formatPoints, type Points } from "../domain/points.ts";
import { REPORT_STATES, type ReportingTally, ratePercent } from "../domain/reports/reporting.ts";
import { getI18n, type Lang, translator } from "../i18n.ts";
import type { DashboardView, RankedPoints } from "../services/dashboard-view.ts";
import { bodyName } from "../services/period-labels.ts";
import { describeReported } from "./reported-values.ts";
import type { BodyViewJson, ChangeJson, StandingJson } from "./web/api-types.ts";

/** The dashboard namespace's page words in a language. */
export function uiWords(lang: Lang): Record<string, string> {
  return getI18n().getResourceBundle(lang, "dashboard").ui as Record<string, string>;
}

/** A view in one language: numbers as hundredths, every word written out. */
export function presentView(
  view: DashboardView,
  lang: Lang,
  at: { now: Date; zone: string },
): BodyViewJson {
  const t = translator(lang);
  const { period, body } = view;
  const label = (key: string) => formatPeriodLabel(key, lang);
  const kind = t(`notifications:kindsGenitive.${body.kind}`);
  const standingOf = (points: RankedPoints): StandingJson => ({
    points: points.points,
    rank: points.rank,
    of: points.of,
    rankText: capitalized(
      points.rank === 0
        ? t("dashboard:notRanked")
        : t("dashboard:rank", { rank: points.rank, of: points.of, kind }),
    ),
    previous: changeOf(points.points, points.previous, label(period.previous), lang),
    lastYear: changeOf(points.points, points.lastYear, label(period.lastYear), lang),
  });
  return {
    lang,
    ui: uiWords(lang),
    body: { id: body.id, name: bodyName(body, lang), kind: t(`manager:kinds.${body.kind}`) },
    parent: view.parent ? { id: view.parent.id, name: bodyName(view.parent, lang) } : null,
    asOf: t("dashboard:ui.printedAt", { date: formatDateTime(at.now, at.zone) }),
    period: {
      key: period.key,
      unit: period.unit,
      label: label(period.key),
      note: period.inProgress ? t("dashboard:inProgress") : null,
      previous: { key: period.previous, label: label(period.previous) },
      next: period.next ? { key: period.next, label: label(period.next) } : null,
      units: {
        month: switchUnit(period.key, "month", period.latestMonth),
        quarter: switchUnit(period.key, "quarter", period.latestMonth),
        year: switchUnit(period.key, "year", period.latestMonth),
      },
    },
    total: {
      ...standingOf(view.total),
      unreviewed:
        view.total.unreviewed === 0
          ? null
          : t("dashboard:unreviewed", { points: formatPoints(view.total.unreviewed) }),
    },
    projects: view.projects.map((project) => ({
      id: project.id,
      number: project.number,
      title: project.title[lang],
      standing: standingOf(project.standing),
      tasks: project.tasks.map((task) => ({
        number: task.number,
        title: task.title[lang],
        points: task.points,
        indicators: task.indicators.map((indicator) => {
          const line = view.indicators.get(indicator.id);
          return {
            number: indicator.number,
            title: indicator.title[lang],
            points: indicator.points,
            // A flag's most is 0 (it only loses points): "−10 из 0" would read as nonsense.
            ofMax:
              line?.max === undefined || line.max === 0
                ? null
                : t("dashboard:pointsOfMax", {
                    points: formatPoints(indicator.points),
                    max: formatPoints(line.max),
                  }),
            reported: describeReported(indicator.def as IndicatorDef, line?.reported ?? [], lang),
            wasReported: (line?.reported.length ?? 0) > 0,
            due: (line?.reports ?? 0) > 0,
          };
        }),
      })),
    })),
    reporting: {
      tally: view.reporting.tally,
      lines: rateLines(view.reporting.tally, lang),
      notReceived: view.reporting.notReceived.map((status) =>
        t("dashboard:notReceived", {
          body: bodyName(status.body, lang),
          report: t(`notifications:report.${status.kind}`),
          period: label(status.periodKey),
          state: t(`dashboard:states.${status.state}`),
        }),
      ),
    },
    subordinates: view.subordinates.map((line) => ({
      id: line.body.id,
      name: bodyName(line.body, lang),
      standing: standingOf(line.standing),
      reports: t("dashboard:rates.of", {
        received: line.reporting.received,
        expected: line.reporting.expected,
      }),
      notReported: line.reporting.expected > 0 && line.reporting.received === 0,
    })),
    charts: {
      trend: {
        title: t("dashboard:chart.trendTitle", { year: period.key.slice(0, 4) }),
        periods: view.trend.periods.map((p) => ({
          label: formatPeriodShort(p.periodKey, lang),
          mark: p.state,
        })),
        projects: view.trend.series.map((s) => ({
          name: t("notifications:digest.project", { id: s.number }),
          points: s.points,
        })),
        words: chartWords(lang),
      },
      reporting: {
        // The card's heading names it; a phone has no room for a second title.
        title: "",
        periods: view.reporting.trend.map((p) => ({
          label: formatPeriodShort(p.periodKey, lang),
          tally: p.tally,
          note: t("dashboard:rates.of", { received: p.tally.received, expected: p.tally.expected }),
        })),
        words: {
          ...Object.fromEntries(REPORT_STATES.map((s) => [s, t(`dashboard:legend.${s}`)])),
          noData: t("documents:chart.noData"),
        } as BodyViewJson["charts"]["reporting"]["words"],
      },
    },
  };
}

/** A sentence's first letter upper case (the Kazakh rank line starts with the kind's name). */
function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function changeOf(points: Points, other: Points, otherLabel: string, lang: Lang): ChangeJson {
  const t = translator(lang);
  const change = points - other;
  const arrow =
    change > 0
      ? t("dashboard:change.up", { points: formatPoints(change) })
      : change < 0
        ? t("dashboard:change.down", { points: formatPoints(-change) })
        : t("dashboard:change.same");
  return {
    points: other,
    change,
    text: t("dashboard:change.was", {
      change: arrow,
      points: formatPoints(other),
      period: otherLabel,
    }),
  };
}

/** "Получено 9 из 10 (90 %)", "вовремя 8 (80 %)", the other states; or that none was expected. */
export function rateLines(tally: ReportingTally, lang: Lang): string[] {
  const t = translator(lang);
  if (tally.expected === 0) return [t("dashboard:ui.noneExpected")];
  return [
    t("dashboard:rates.received", { ...tally, percent: ratePercent(tally.received, tally) }),
    t("dashboard:rates.onTime", { ...tally, percent: ratePercent(tally.onTime, tally) }),
    t("dashboard:rates.detail", { ...tally }),
  ];
}

/** Top-level bodies for an admin's start, by kind (central first) then name. */
export function rootLinks(bodies: readonly BodyRecord[], lang: Lang) {
  const t = translator(lang);
  return bodies
    .filter((b) => b.parentId === null)
    .map((b) => ({
      id: b.id,
      name: bodyName(b, lang),
      kind: t(`manager:kinds.${b.kind}`),
      order: b.kind,
    }))
    .sort((a, b) => a.order.localeCompare(b.order) || a.name.localeCompare(b.name, lang))
    .map(({ order: _, ...link }) => link);
}
