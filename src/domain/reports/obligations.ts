import { type ReportKind, UNIT_OF_REPORT } from "../deadlines.ts";
import type {
  BodyKind,
  IndicatorDef,
  MethodologyVersion,
  PeriodKind,
} from "../methodology/types.ts";
import {
  monthsOf,
  type PeriodUnit,
  parsePeriod,
  periodEnd,
  quarterOf,
  yearOf,
} from "../periods.ts";

const REPORT_OF_UNIT: Readonly<Record<PeriodUnit, ReportKind>> = {
  month: "monthly",
  quarter: "quarterly",
  year: "annual",
};

// A report carries the indicators of its own period: the monthly report the monthly ones…
const INDICATOR_PERIOD_OF: Readonly<Record<ReportKind, PeriodKind>> = {
  monthly: "monthly",
  quarterly: "quarterly",
  annual: "annual",
};

/** The report kind a period key belongs to: "2026-10" → monthly, "2026-Q4" → quarterly, "2026" → annual. */
export function reportKindOfPeriod(periodKey: string): ReportKind | undefined {
  const period = parsePeriod(periodKey);
  return period ? REPORT_OF_UNIT[period.kind] : undefined;
}

/** The indicators a report of this kind asks of a body of this kind, by the methodology given. */
export function indicatorsOwed(
  methodology: MethodologyVersion,
  report: ReportKind,
  bodyKind: BodyKind,
): IndicatorDef[] {
  return methodology.projects.flatMap((project) =>
    project.tasks.flatMap((task) =>
      task.indicators.filter(
        (def) => def.period === INDICATOR_PERIOD_OF[report] && def.appliesTo.includes(bodyKind),
      ),
    ),
  );
}

/** A body as far as what it owes is concerned: its kind and when it joined the directory. */
export interface ObligedBody {
  kind: BodyKind;
  joinedAt: Date;
}

/** The rules a period is judged by: the methodology in force for it and the local UTC offset. */
export interface ObligationRules {
  methodology: MethodologyVersion;
  zone: string;
}

/**
 * Whether a body owes a report for a period: the report carries at least one indicator that
 * applies to the body's kind (a central body owes no quarterly report: today's only quarterly
 * indicator is regional), and the period ended after the body joined the directory. A period key
 * of another unit than the report's owes nothing.
 */
export function owesReport(
  body: ObligedBody,
  report: { kind: ReportKind; periodKey: string },
  rules: ObligationRules,
): boolean {
  return reportObligation(report, rules)(body);
}

/**
 * owesReport of one report for many bodies: what depends on the report alone (its period, when
 * the period ends, whether it carries indicators for a kind of body) is worked out once, not
 * once a body.
 */
export function reportObligation(
  report: { kind: ReportKind; periodKey: string },
  rules: ObligationRules,
): (body: ObligedBody) => boolean {
  const period = parsePeriod(report.periodKey);
  if (!period || period.kind !== UNIT_OF_REPORT[report.kind]) return () => false;
  const end = periodEnd(report.periodKey, rules.zone).getTime();
  const carries = new Map<BodyKind, boolean>();
  return (body) => {
    let owed = carries.get(body.kind);
    if (owed === undefined) {
      owed = indicatorsOwed(rules.methodology, report.kind, body.kind).length > 0;
      carries.set(body.kind, owed);
    }
    return owed && end > body.joinedAt.getTime();
  };
}

/**
 * The report periods of a month's year that have ended by the end of that month, in the order
 * people read them: each month, its quarter after the quarter's last month, the year after
 * December. `reportPeriodsThrough("2026-04")` → 2026-01, 2026-02, 2026-03, 2026-Q1, 2026-04.
 */
export function reportPeriodsThrough(month: string): string[] {
  const keys: string[] = [];
  for (const m of monthsOf(String(yearOf(month))).filter((key) => key <= month)) {
    keys.push(m);
    if (monthsOf(quarterOf(m)).at(-1) === m) keys.push(quarterOf(m));
  }
  if (month.endsWith("-12")) keys.push(String(yearOf(month)));
  return keys;
}
