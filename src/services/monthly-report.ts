import type { Repositories } from "../db/index.ts";
import type {
  EventLine,
  EvidenceInput,
  SubmissionStatus,
  VersionDetail,
} from "../db/repositories/index.ts";
import { dueAt, isLate } from "../domain/deadlines.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { periodContaining, previousPeriod } from "../domain/periods.ts";
import type { Points } from "../domain/points.ts";
import {
  type MonthlyReport,
  monthlyReportSchema,
  monthlyReportToValues,
  scoreMonthlyReport,
} from "../domain/reports/monthly-report.ts";
import type { Variants } from "../domain/variants.ts";
import { loadDeadlineRules } from "./deadlines.ts";
import { recomputeReportScores } from "./report-scores.ts";

/** The item links to publications are attached to (the legal propaganda indicator). */
export const LINKS_ITEM = "p4.t3.s1";

/** A photo or document attached to an item of the report. */
export interface ReportFile {
  item: string;
  type: "photo" | "document";
  telegramFileId: string;
  size: number | null;
  mime: string | null;
}

/** A month a report may be chosen for, and what can be done with it now. */
export interface MonthChoice {
  month: string;
  dueAt: string;
  /** A report made now would be late. */
  late: boolean;
  submitted: { status: SubmissionStatus; version: number; late: boolean } | null;
  /** new: nothing submitted; correct: the submitted report may be corrected; closed: neither. */
  mode: "new" | "correct" | "closed";
}

export interface Clock {
  now: Date;
  /** The IANA zone deadlines are in (config.timeZone). */
  zone: string;
}

/** The month just ended and the one before it (late once its deadline passed); never the current one. */
export async function listMonthChoices(
  repos: Repositories,
  bodyId: number,
  clock: Clock,
): Promise<MonthChoice[]> {
  const rules = await loadDeadlineRules(repos);
  const justEnded = previousPeriod(periodContaining("month", clock.now, clock.zone));
  const choices: MonthChoice[] = [];
  for (const month of [justEnded, previousPeriod(justEnded)]) {
    const late = isLate("monthly", month, clock.now, rules, clock.zone);
    const current = await repos.submissions.getCurrent(bodyId, "monthly", month);
    const status = current?.submission.status;
    const submitted =
      current?.version && status
        ? { status, version: current.version.number, late: current.submission.late }
        : null;
    // A returned report must be corrected whatever the date; a submitted one until the deadline.
    const mode = !submitted
      ? "new"
      : status === "returned" || (status === "submitted" && !late)
        ? "correct"
        : "closed";
    const due = dueAt("monthly", month, rules, clock.zone).toISOString();
    choices.push({ month, dueAt: due, late, submitted, mode });
  }
  return choices;
}

/** The report and files a stored version holds, to prefill a correction. */
export function reportOfVersion(
  month: string,
  version: VersionDetail,
): { report: MonthlyReport; files: ReportFile[] } {
  const propaganda = version.values[LINKS_ITEM] as { published?: boolean; views?: number } | null;
  const of = (kind: EventLine["kind"]) => version.events.filter((e) => e.kind === kind);
  const report: MonthlyReport = {
    month,
    explanatoryEvents: of("explanatory").map((e) => ({
      date: e.date,
      topic: e.topic,
      participants: e.participants,
    })),
    preventiveTalks: of("preventive").map((e) => ({
      position: e.position ?? e.topic,
      date: e.date,
    })),
    propagandaEvents: of("propaganda").map((e) => ({
      date: e.date,
      topic: e.topic,
      audience: e.audience ?? "",
    })),
    published: propaganda?.published === true,
    links: version.evidence.filter((e) => e.type === "link" && e.link).map((e) => e.link as string),
    views: propaganda?.views ?? 0,
  };
  const files = version.evidence
    .filter((e) => (e.type === "photo" || e.type === "document") && e.telegramFileId)
    .map((e) => ({
      item: e.item,
      type: e.type as "photo" | "document",
      telegramFileId: e.telegramFileId as string,
      size: e.size,
      mime: e.mime,
    }));
  return { report, files };
}

function eventLines(report: MonthlyReport): EventLine[] {
  return [
    ...report.explanatoryEvents.map((e) => ({ kind: "explanatory" as const, ...e })),
    // Event lines need a topic and a head count: a talk is with one official about their position.
    ...report.preventiveTalks.map((p) => ({
      kind: "preventive" as const,
      date: p.date,
      topic: p.position,
      position: p.position,
      participants: 1,
    })),
    ...report.propagandaEvents.map((e) => ({ kind: "propaganda" as const, participants: 0, ...e })),
  ];
}

export type SubmitMonthlyResult =
  | { ok: true; version: number; late: boolean; total: Points }
  | { ok: false; reason: "invalid"; problems: string[] }
  | { ok: false; reason: "closed"; dueAt: string };

/**
 * Stores the report as a new version (late when past the deadline), drops the author's draft and
 * rescores the month. A submitted report may only be replaced until its deadline.
 */
export async function submitMonthlyReport(
  repos: Repositories,
  methodology: MethodologyBook,
  input: {
    bodyId: number;
    authorUserId: number;
    report: MonthlyReport;
    files: readonly ReportFile[];
    variants?: Variants;
  } & Clock,
): Promise<SubmitMonthlyResult> {
  const parsed = monthlyReportSchema.safeParse(input.report);
  if (!parsed.success) {
    return { ok: false, reason: "invalid", problems: parsed.error.issues.map((i) => i.message) };
  }
  const report = parsed.data;
  const choice = (await listMonthChoices(repos, input.bodyId, input)).find(
    (c) => c.month === report.month,
  );
  if (!choice || choice.mode === "closed") {
    return { ok: false, reason: "closed", dueAt: choice?.dueAt ?? "" };
  }
  const evidence: EvidenceInput[] = [
    ...input.files.map((f) => ({ ...f })),
    ...(report.published ? report.links : []).map((link) => ({
      item: LINKS_ITEM,
      type: "link" as const,
      link,
    })),
  ];
  const result = await repos.submissions.submit({
    bodyId: input.bodyId,
    kind: "monthly",
    periodKey: report.month,
    authorUserId: input.authorUserId,
    values: monthlyReportToValues(report),
    events: eventLines(report),
    evidence,
    late: choice.late,
    at: input.now,
  });
  if (!result.ok) {
    if (result.reason === "invalidValues") {
      return { ok: false, reason: "invalid", problems: result.problems.map((p) => p.code) };
    }
    return { ok: false, reason: "closed", dueAt: choice.dueAt };
  }
  const key = { bodyId: input.bodyId, kind: "monthly" as const, periodKey: report.month };
  await recomputeReportScores(repos, methodology, key, {
    variants: input.variants,
    now: input.now,
  });
  await repos.audit.record({
    actorUserId: input.authorUserId,
    action: "report.submitted",
    target: `monthly:${input.bodyId}:${report.month}`,
    details: { version: result.version.number, late: choice.late },
    at: input.now,
  });
  const version = methodology.forPeriod(report.month);
  const total = scoreMonthlyReport(version, report, input.variants).total;
  return { ok: true, version: result.version.number, late: choice.late, total };
}
