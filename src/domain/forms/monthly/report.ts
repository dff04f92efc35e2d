// The monthly draft as what is stored and scored.
import type { ReportDraft } from "../../reports/draft.ts";
import type { MonthlyValues } from "../../reports/monthly-report.ts";

/**
 * The values the scoring engine reads: how many events and officials, and whether legal
 * propaganda was published (an event with a link) with how many views in all.
 */
export function monthlyValuesOfDraft(d: ReportDraft): MonthlyValues {
  const published = d.propagandaEvents.filter((e) => e.links.length > 0);
  return {
    "p4.t2.s3": d.explanatoryEvents.length,
    "p4.t2.s4": d.preventiveTalks.length,
    "p4.t3.s1": {
      events: d.propagandaEvents.length,
      published: published.length > 0,
      views: published.reduce((sum, e) => sum + (e.views ?? 0), 0),
    },
  };
}
