import type { MethodologyBook } from "../../domain/methodology/book.ts";
import { bundledMethodology } from "../../methodology/load.ts";
import type { Database } from "../open-database.ts";
import { createAuditRepository } from "./audit.ts";
import { createBotStateRepository } from "./bot-state.ts";
import { createDeadlinesRepository } from "./deadlines.ts";
import { createDirectoryRepository } from "./directory.ts";
import { createDraftsRepository } from "./drafts.ts";
import { createInvitesRepository } from "./invites.ts";
import { createJobRunsRepository } from "./job-runs.ts";
import { createMethodologyRepository } from "./methodology.ts";
import { createOutboxRepository } from "./outbox.ts";
import { createOwnerClaimRepository } from "./owner-claim.ts";
import { createReviewQueueRepository } from "./review-queue.ts";
import { createScoresRepository } from "./scores.ts";
import { createSubmissionsRepository } from "./submissions.ts";
import { createUpdateStateRepository } from "./update-state.ts";
import { createUsersRepository } from "./users.ts";

export type { AuditInput, AuditRecord } from "./audit.ts";
export type { KeyValueStorage } from "./bot-state.ts";
export type { DeadlineRuleInput, DeadlineRuleRecord } from "./deadlines.ts";
export {
  type BodyInput,
  type BodyKind,
  type BodyRecord,
  DirectoryImportError,
  type DirectoryImportSummary,
  type DirectoryRow,
  type MemberInput,
  type MemberKind,
  type MemberRecord,
} from "./directory.ts";
export type { DraftKey, DraftRecord } from "./drafts.ts";
export type { InviteInput, InviteRecord, RedeemInput, RedeemResult } from "./invites.ts";
export type {
  SaveUploadResult,
  UploadedMethodologyRecord,
  UploadInput,
} from "./methodology.ts";
export type { OutboxInput, OutboxItem, OutboxStatus } from "./outbox.ts";
export type { OwnerClaim, OwnerClaimInput, OwnerClaimResult } from "./owner-claim.ts";
export type { BodyCount, PeriodCount, QueueFilter } from "./review-queue.ts";
export type { ReplaceScoresInput, ScoreLine, ScoreRecord } from "./scores.ts";
export type { Json } from "./shared.ts";
export type {
  EventLine,
  EvidenceInput,
  EvidenceRecord,
  QueueItem,
  ReportKind,
  ReviewInput,
  ReviewRecord,
  ReviewResult,
  SubmissionRecord,
  SubmissionStatus,
  SubmitInput,
  SubmitResult,
  VersionDetail,
  VersionRecord,
} from "./submissions.ts";
export type { Lang, Role, UserInput, UserRecord } from "./users.ts";

/**
 * Every repository over one database; the only place the rest of the app gets data from.
 * `methodology` gives the versions submitted values are checked against (by their period); the
 * bot passes its live book, so uploaded versions count; default: the repository's files.
 */
export function createRepositories(
  db: Database,
  options: { methodology?: () => MethodologyBook } = {},
) {
  const { prisma, sql } = db;
  const methodology = options.methodology ?? bundledMethodology;
  return {
    directory: createDirectoryRepository(prisma, sql),
    users: createUsersRepository(prisma),
    invites: createInvitesRepository(prisma),
    submissions: createSubmissionsRepository(prisma, sql, methodology),
    reviewQueue: createReviewQueueRepository(prisma),
    drafts: createDraftsRepository(prisma, sql),
    scores: createScoresRepository(prisma, sql),
    botState: createBotStateRepository(prisma, sql),
    ownerClaim: createOwnerClaimRepository(prisma),
    outbox: createOutboxRepository(prisma, sql),
    audit: createAuditRepository(prisma, sql),
    deadlines: createDeadlinesRepository(prisma),
    jobRuns: createJobRunsRepository(prisma),
    methodology: createMethodologyRepository(prisma),
    updateState: createUpdateStateRepository(sql),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type { UpdateState } from "./update-state.ts";
