import { z } from "zod";
import { findIndicator } from "../methodology/lookup.ts";
import type { IndicatorDef, MethodologyVersion } from "../methodology/types.ts";
import { isPeriodKey } from "../periods.ts";
import type { Points } from "../points.ts";
import { propagandaParts } from "../scoring/rules.ts";
import { scoreIndicator } from "../scoring/score-indicator.ts";
import type { PropagandaValue } from "../scoring/values.ts";
import { ruleOf, type Variants } from "../variants.ts";
import { checkEventDate, checkUrl, MAX_REPORT_COUNT, MAX_TEXT_LENGTH } from "./report-fields.ts";

// Messages are report problem codes (scoring.json "report"), as in report-fields.ts.
const MAX_ITEMS = 500;
const text = z
  .string()
  .trim()
  .min(1, { error: "emptyText" })
  .max(MAX_TEXT_LENGTH, { error: "textTooLong" });
const isoDate = z.string({ error: "notADate" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "notADate" });
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_ITEMS, { error: "tooManyItems" });

/** One month's report of the ethics commissioner and legal propaganda (p4.t2.s3, p4.t2.s4, p4.t3.s1). */
export const monthlyReportSchema = z
  .object({
    month: z.string().refine((m) => isPeriodKey(m, "month"), { error: "notAMonth" }),
    explanatoryEvents: list(
      z.object({
        date: isoDate,
        topic: text,
        participants: z
          .int({ error: "notAnInteger" })
          .min(1, { error: "tooSmall" })
          .max(MAX_REPORT_COUNT, { error: "tooLarge" }),
      }),
    ),
    preventiveTalks: list(z.object({ position: text, date: isoDate })),
    propagandaEvents: list(z.object({ date: isoDate, topic: text, audience: text })),
    published: z.boolean(),
    links: list(z.string().refine((u) => checkUrl(u).ok, { error: "notAUrl" })),
    views: z
      .int({ error: "notAnInteger" })
      .min(0, { error: "negative" })
      .max(MAX_REPORT_COUNT, { error: "tooLarge" }),
  })
  .superRefine((r, ctx) => {
    if (!isPeriodKey(r.month, "month")) return;
    const sections = ["explanatoryEvents", "preventiveTalks", "propagandaEvents"] as const;
    for (const section of sections) {
      r[section].forEach((item, i) => {
        const check = checkEventDate(r.month, item.date);
        if (!check.ok || check.value !== item.date) {
          ctx.addIssue({
            code: "custom",
            message: check.ok ? "notADate" : check.code,
            path: [section, i, "date"],
          });
        }
      });
    }
    if (r.published && r.links.length === 0)
      ctx.addIssue({ code: "custom", message: "linkRequired", path: ["links"] });
  });

export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

/** The monthly indicators' values of one report (one month's entry each). */
export type MonthlyValues = { "p4.t2.s3": number; "p4.t2.s4": number; "p4.t3.s1": PropagandaValue };

/** A report as the entries the scoring engine reads. */
export function monthlyReportToValues(report: MonthlyReport): MonthlyValues {
  return {
    "p4.t2.s3": report.explanatoryEvents.length,
    "p4.t2.s4": report.preventiveTalks.length,
    "p4.t3.s1": {
      events: report.propagandaEvents.length,
      published: report.published,
      views: report.views,
    },
  };
}

export type CappedSectionScore = { points: Points; max: Points; perItem: Points[] };
export type MonthlyReportScore = {
  month: string;
  total: Points;
  max: Points;
  explanatoryEvents: CappedSectionScore;
  preventiveTalks: CappedSectionScore;
  propaganda: { points: Points; max: Points; report: Points; publicity: Points; reach: Points };
};

function def(version: MethodologyVersion, id: string): IndicatorDef {
  const found = findIndicator(version, id);
  if (!found) throw new Error(`Methodology ${version.id} lacks ${id}`);
  return found;
}

function cappedSection(
  version: MethodologyVersion,
  id: string,
  count: number,
  variants: Variants,
): CappedSectionScore {
  const d = def(version, id);
  const rule = ruleOf(d, variants);
  // The version check keeps these a capped count (check-version.ts, the monthly form).
  if (rule.kind !== "perCount" || d.cap === undefined) throw new Error(`${id} is not capped`);
  const { perItem } = rule;
  const cap = d.cap;
  // Each item is worth its points until the month's cap is reached; later ones add nothing.
  const items = Array.from({ length: count }, (_, i) =>
    Math.max(0, Math.min(perItem, cap - i * perItem)),
  );
  const s = scoreIndicator(d, [count], { bodyKind: "central", variants });
  return { points: s.points, max: s.max ?? cap, perItem: items };
}

/** Scores one month's entries of the three monthly indicators item by item, as scoreScorecard would. */
export function scoreMonthlyValues(
  version: MethodologyVersion,
  values: MonthlyValues,
  variants: Variants = {},
): Omit<MonthlyReportScore, "month"> {
  const explanatoryEvents = cappedSection(version, "p4.t2.s3", values["p4.t2.s3"], variants);
  const preventiveTalks = cappedSection(version, "p4.t2.s4", values["p4.t2.s4"], variants);
  const p = def(version, "p4.t3.s1");
  const rule = ruleOf(p, variants);
  if (rule.kind !== "legalPropaganda") throw new Error("p4.t3.s1 is not legal propaganda");
  const s = scoreIndicator(p, [values["p4.t3.s1"]], { bodyKind: "central", variants });
  const parts = propagandaParts(rule, values["p4.t3.s1"]);
  const propaganda = { points: s.points, max: s.max ?? 0, ...parts };
  return {
    total: explanatoryEvents.points + preventiveTalks.points + propaganda.points,
    max: explanatoryEvents.max + preventiveTalks.max + propaganda.max,
    explanatoryEvents,
    preventiveTalks,
    propaganda,
  };
}

/** Scores one month's report section by section and item by item, as scoreScorecard would. */
export function scoreMonthlyReport(
  version: MethodologyVersion,
  report: MonthlyReport,
  variants: Variants = {},
): MonthlyReportScore {
  return {
    month: report.month,
    ...scoreMonthlyValues(version, monthlyReportToValues(report), variants),
  };
}
