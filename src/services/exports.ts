import type { Repositories } from "../db/index.ts";
import type { BodyKind } from "../db/repositories/directory.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { isPeriodKey } from "../domain/periods.ts";
import type { Variants } from "../domain/variants.ts";
import type { Lang } from "../i18n.ts";
import { exportLeaderboard } from "./export-leaderboard.ts";
import { exportMonthlyReports } from "./export-monthly.ts";
import { exportReporting } from "./export-reporting.ts";
import { exportScoreSheet } from "./export-scores.ts";
import type { ExportFile, ExportFormat } from "./export-types.ts";

export { exportLeaderboard } from "./export-leaderboard.ts";
export { exportMonthlyReports, monthlyReportRows } from "./export-monthly.ts";
export { exportReporting } from "./export-reporting.ts";
export { exportScoreSheet, type SheetSpan, scoreSheetRows } from "./export-scores.ts";
export * from "./export-types.ts";

/** What to export: one of the documents for a period key (month, quarter or year). */
export type ExportRequest =
  | { kind: "monthly"; periodKey: string }
  | { kind: "scores"; periodKey: string; bodyId: number }
  | { kind: "leaderboard"; periodKey: string; bodyKind?: BodyKind }
  | { kind: "reporting"; periodKey: string };

export type RunExportResult =
  | { ok: true; files: ExportFile[] }
  | { ok: false; reason: "badPeriod" | "bodyNotFound" | "notAllowed" };

export interface RunExportOptions {
  format: ExportFormat;
  lang: Lang;
  actorUserId: number | null;
  now: Date;
  /** The zone deadlines and reporting rates are counted in. */
  zone: string;
  variants?: Variants;
  /**
   * The bodies the person may export (a manager's own and those below it, body-scope.ts);
   * undefined for everything (admins, the command line).
   */
  scope?: ReadonlySet<number>;
}

/**
 * Builds the asked documents within the person's scope and records in the audit log who exported
 * what. A score sheet of a body outside the scope is refused; the monthly reports and reporting
 * rates hold the bodies inside it only.
 */
export async function runExport(
  repos: Repositories,
  methodology: MethodologyBook,
  request: ExportRequest,
  options: RunExportOptions,
): Promise<RunExportResult> {
  if (!isPeriodKey(request.periodKey)) return { ok: false, reason: "badPeriod" };
  const { scope } = options;
  const common = {
    periodKey: request.periodKey,
    format: options.format,
    lang: options.lang,
    created: options.now,
  };
  const reporting = { now: options.now, zone: options.zone, methodology };
  let files: ExportFile[] | undefined;
  if (request.kind === "monthly") {
    files = await exportMonthlyReports(repos, { ...common, ...(scope ? { bodyIds: scope } : {}) });
  } else if (request.kind === "leaderboard") {
    files = await exportLeaderboard(repos, {
      ...common,
      ...reporting,
      ...(request.bodyKind ? { kind: request.bodyKind } : {}),
    });
  } else if (request.kind === "reporting") {
    const bodies = (await repos.directory.listBodies()).filter((b) => !scope || scope.has(b.id));
    files = await exportReporting(repos, bodies, { ...common, ...reporting });
  } else {
    if (scope && !scope.has(request.bodyId)) return { ok: false, reason: "notAllowed" };
    files = await exportScoreSheet(repos, methodology, {
      ...common,
      span: { periodKey: request.periodKey },
      bodyId: request.bodyId,
      variants: options.variants,
    });
  }
  if (!files) return { ok: false, reason: "bodyNotFound" };
  await repos.audit.record({
    actorUserId: options.actorUserId,
    action: "export",
    target: request.kind,
    details: { ...request, format: options.format, files: files.map((f) => f.fileName) },
    at: options.now,
  });
  return { ok: true, files };
}
