import type { ReportItem } from "./draft.ts";

/** Telegram bots cannot download files over 20 MB, so a larger one could never be checked. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** Files one report keeps at most. */
export const MAX_EVIDENCE_FILES = 50;

// Scans, photos, office documents: what a commissioner has to prove an event took place.
const MIME_TYPES = new Set([
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/rtf",
]);
const MIME_OF_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  rtf: "application/rtf",
};

/** The file types named to the user when one is refused. */
export const ACCEPTED_FILE_TYPES = "PDF, JPG, PNG, WEBP, HEIC, DOC, DOCX, XLS, XLSX, ODT, ODS, RTF";

export type FileCheck =
  | { ok: true; mime: string }
  | { ok: false; reason: "fileTooLarge" | "unsupportedFile" };

/** Whether a sent document can serve as evidence: a known type (by MIME or extension), at most 20 MB. */
export function checkEvidenceDocument(file: {
  size: number | null;
  mime: string | null;
  fileName: string | null;
}): FileCheck {
  if (file.size !== null && file.size > MAX_EVIDENCE_BYTES)
    return { ok: false, reason: "fileTooLarge" };
  const extension = file.fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byExtension = extension ? MIME_OF_EXTENSION[extension] : undefined;
  const mime = file.mime?.toLowerCase();
  // Telegram clients often send "application/octet-stream"; the extension decides then.
  if (mime && MIME_TYPES.has(mime)) return { ok: true, mime };
  if (byExtension) return { ok: true, mime: byExtension };
  return { ok: false, reason: "unsupportedFile" };
}

/** Whether a string names one of the report's items. */
export function isReportItem(value: string): value is ReportItem {
  return value === "p4.t2.s3" || value === "p4.t2.s4" || value === "p4.t3.s1";
}
