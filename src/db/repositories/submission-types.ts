import type { Problem } from "../../domain/problems.ts";
import type { EventKind, EvidenceType, ReportKind, SubmissionStatus } from "../generated/client.ts";
import type { Json } from "./shared.ts";

export type { EventKind, EvidenceType, ReportKind, SubmissionStatus };

/** A line of the monthly report's event table. `date` is YYYY-MM-DD. */
export interface EventLine {
  kind: EventKind;
  date: string;
  topic: string;
  participants: number;
  position?: string | null;
  audience?: string | null;
  link?: string | null;
  views?: number | null;
}

/** A file or link attached to an item: an indicator id, or "event:<n>" for the n-th event line (1-based). */
export interface EvidenceInput {
  item: string;
  type: EvidenceType;
  telegramFileId?: string | null;
  size?: number | null;
  mime?: string | null;
  link?: string | null;
}

export interface EvidenceRecord extends Required<EvidenceInput> {
  id: number;
}

export interface SubmissionRecord {
  id: number;
  bodyId: number;
  kind: ReportKind;
  periodKey: string;
  status: SubmissionStatus;
  late: boolean;
  versionCount: number;
  currentVersionId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRecord {
  id: number;
  submissionId: number;
  number: number;
  authorUserId: number;
  late: boolean;
  createdAt: Date;
  /** Answers besides indicator values (domain reportMetaSchema); null when none. */
  meta: unknown;
}

export interface VersionDetail extends VersionRecord {
  /** Indicator id → the value as its schema parsed it. */
  values: Record<string, Json>;
  events: EventLine[];
  evidence: EvidenceRecord[];
}

export interface ReviewRecord {
  id: number;
  submissionId: number;
  versionId: number;
  reviewerUserId: number;
  action: "accept" | "return";
  comment: string | null;
  decidedAt: Date;
}

export interface SubmitInput {
  bodyId: number;
  kind: ReportKind;
  periodKey: string;
  authorUserId: number;
  values: Record<string, unknown>;
  events?: EventLine[];
  evidence?: EvidenceInput[];
  /** Stored with the version as given; validate it with the domain's reportMetaSchema first. */
  meta?: Json;
  late: boolean;
  at?: Date;
}

export type SubmitResult =
  | { ok: true; submission: SubmissionRecord; version: VersionRecord }
  | { ok: false; reason: "invalidValues"; problems: Problem[] }
  | { ok: false; reason: "badPeriodKey" | "alreadyAccepted" };

export interface ReviewInput {
  status: "accepted" | "returned";
  reviewerUserId: number;
  comment?: string | null;
  at?: Date;
}

export type ReviewResult =
  | { ok: true; submission: SubmissionRecord; review: ReviewRecord }
  | { ok: false; reason: "notFound" | "notSubmitted" };

export interface QueueItem extends SubmissionRecord {
  bodyCode: string;
  bodyNameKk: string;
  bodyNameRu: string;
}
