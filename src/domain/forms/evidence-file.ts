import type { SentFile } from "./answer.ts";

/** Telegram bots cannot download files over 20 MB, so a larger one could never be checked. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

// Scans, photos, office documents: what a report has to prove an event or a value with.
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
const MIME_TYPES = new Set(Object.values(MIME_OF_EXTENSION));

/** The file types named to the person when one is refused. */
export const ACCEPTED_FILE_TYPES = "PDF, JPG, PNG, WEBP, HEIC, DOC, DOCX, XLS, XLSX, ODT, ODS, RTF";

export type EvidenceFileCheck =
  | { ok: true; mime: string }
  | { ok: false; reason: "fileTooLarge" | "unsupportedFile" };

/**
 * Whether a sent file can serve as evidence, the same rule in every report: a photo, or a
 * document of a known type (by its extension first, so "report.exe" sent as PDF is refused),
 * at most 20 MB.
 */
export function checkEvidenceFile(file: SentFile): EvidenceFileCheck {
  if (file.size !== null && file.size > MAX_EVIDENCE_BYTES)
    return { ok: false, reason: "fileTooLarge" };
  if (file.type === "photo") return { ok: true, mime: "image/jpeg" };
  const extension = file.name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension !== undefined) {
    const byExtension = MIME_OF_EXTENSION[extension];
    return byExtension ? { ok: true, mime: byExtension } : { ok: false, reason: "unsupportedFile" };
  }
  // No name: only a known type Telegram reports will do ("application/octet-stream" will not).
  const mime = file.mime?.toLowerCase();
  return mime && MIME_TYPES.has(mime)
    ? { ok: true, mime }
    : { ok: false, reason: "unsupportedFile" };
}
