export type ExportFormat = "xlsx" | "csv";

/** The documents people export: Appendices 5 and 6, a score sheet, the leaderboard, reporting rates. */
export const EXPORT_KINDS = ["monthly", "scores", "leaderboard", "reporting"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A document ready to send or write. */
export interface ExportFile {
  fileName: string;
  data: Buffer;
  /** Which of several files this is ("appendix5", "central"), when an export makes more than one. */
  part?: string;
}
