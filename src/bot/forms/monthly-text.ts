// Words and numbers the monthly report's screens share.
import { formatCalendarDate, formatDateTime } from "../../domain/calendar/format.ts";
import type { MonthlyFormEnv } from "../../domain/forms/monthly/apply.ts";
import { INDICATOR_OF_SECTION, type MonthlySection } from "../../domain/forms/monthly/steps.ts";
import { findIndicator } from "../../domain/methodology/lookup.ts";
import type { MethodologyVersion } from "../../domain/methodology/types.ts";
import { formatPoints, type Points } from "../../domain/points.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import type { Variants } from "../../domain/variants.ts";
import type { Lang } from "../../i18n.ts";
import type { NamespaceKey } from "../../i18n-keys.ts";
import type { Translate } from "../context.ts";

/** Everything the monthly screens and rules need for one step. */
export interface MonthlyEnv extends MonthlyFormEnv {
  t: Translate;
  lang: Lang;
  version: MethodologyVersion;
  variants: Variants;
  zone: string;
  dueAt: Date;
  nowAt: Date;
}

/** A key of the monthly report's locale namespace. */
export const mr = (
  t: Translate,
  key: NamespaceKey<"monthly-report">,
  params?: Record<string, unknown>,
): string => t(`monthly-report:${key}`, params);

/** 12 500 with a no-break space, as people write it. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** Points with a decimal comma and the word agreeing with the number: "2,5 балла". */
export function pointsText(t: Translate, points: Points): string {
  return mr(t, "points", { count: points / 100, points: formatPoints(points) });
}

/** The methodology's number of a part's indicator ("4.2.3"). */
export function numberOf(version: MethodologyVersion, section: MonthlySection): string {
  return findIndicator(version, INDICATOR_OF_SECTION[section])?.number ?? "";
}

/** The lines of a part entered so far. */
export function sectionLines(t: Translate, d: ReportDraft, section: MonthlySection): string[] {
  if (section === "explanatory") {
    return d.explanatoryEvents.map((e) =>
      mr(t, "lines.explanatory", {
        date: formatCalendarDate(e.date),
        topic: e.topic,
        participants: mr(t, "participants", {
          count: e.participants,
          n: formatCount(e.participants),
        }),
      }),
    );
  }
  if (section === "preventive") {
    return d.preventiveTalks.map((p) =>
      mr(t, "lines.preventive", { date: formatCalendarDate(p.date), position: p.position }),
    );
  }
  return d.propagandaEvents.map((e) => {
    const line = mr(t, "lines.propaganda", {
      date: formatCalendarDate(e.date),
      topic: e.topic,
      audience: e.audience,
      participants: mr(t, "participants", {
        count: e.participants,
        n: formatCount(e.participants),
      }),
    });
    const shown =
      e.views === null
        ? mr(t, "lines.propagandaNotPublished")
        : mr(t, "lines.propagandaPublished", {
            links: mr(t, "links", { count: e.links.length }),
            views: mr(t, "views", { count: e.views, n: formatCount(e.views) }),
          });
    return `${line}; ${shown}`;
  });
}

/** The deadline as people read it. */
export function dueText(env: Pick<MonthlyEnv, "dueAt" | "zone">): string {
  return formatDateTime(env.dueAt, env.zone);
}
