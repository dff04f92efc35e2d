-- CreateEnum
CREATE TYPE "body_kind" AS ENUM ('central', 'regional');

-- CreateEnum
CREATE TYPE "member_kind" AS ENUM ('subdivision', 'organisation', 'district');

-- CreateEnum
CREATE TYPE "lang" AS ENUM ('kk', 'ru');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('commissioner', 'officer', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "report_kind" AS ENUM ('monthly', 'quarterly', 'annual');

-- CreateEnum
CREATE TYPE "submission_status" AS ENUM ('draft', 'submitted', 'returned', 'accepted');

-- CreateEnum
CREATE TYPE "event_kind" AS ENUM ('explanatory', 'preventive', 'propaganda');

-- CreateEnum
CREATE TYPE "evidence_type" AS ENUM ('photo', 'document', 'link');

-- CreateEnum
CREATE TYPE "review_action" AS ENUM ('accept', 'return');

-- CreateEnum
CREATE TYPE "outbox_status" AS ENUM ('pending', 'sending', 'sent', 'failed', 'dead');

-- CreateTable
CREATE TABLE "body" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "body_kind" NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "region" TEXT,
    "parent_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "body_member" (
    "id" SERIAL NOT NULL,
    "body_id" INTEGER NOT NULL,
    "kind" "member_kind" NOT NULL,
    "code" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "body_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "telegram_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "language" "lang" NOT NULL DEFAULT 'ru',
    "role" "role" NOT NULL,
    "body_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invite" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "body_id" INTEGER NOT NULL,
    "role" "role" NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "max_uses" INTEGER NOT NULL DEFAULT 1,
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invite_redemption" (
    "id" SERIAL NOT NULL,
    "invite_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "redeemed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invite_redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline_rule" (
    "report_kind" "report_kind" NOT NULL,
    "due_day" INTEGER NOT NULL,
    "month_offset" INTEGER NOT NULL DEFAULT 1,
    "due_hour" INTEGER NOT NULL DEFAULT 18,
    "due_minute" INTEGER NOT NULL DEFAULT 0,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Almaty',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_rule_pkey" PRIMARY KEY ("report_kind")
);

-- CreateTable
CREATE TABLE "submission" (
    "id" SERIAL NOT NULL,
    "body_id" INTEGER NOT NULL,
    "report_kind" "report_kind" NOT NULL,
    "period_key" TEXT NOT NULL,
    "status" "submission_status" NOT NULL DEFAULT 'submitted',
    "late" BOOLEAN NOT NULL DEFAULT false,
    "version_count" INTEGER NOT NULL DEFAULT 0,
    "current_version_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_version" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "author_user_id" INTEGER NOT NULL,
    "late" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "submission_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_value" (
    "version_id" INTEGER NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "submission_value_pkey" PRIMARY KEY ("version_id","indicator_id")
);

-- CreateTable
CREATE TABLE "submission_event" (
    "id" SERIAL NOT NULL,
    "version_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "kind" "event_kind" NOT NULL,
    "date" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "position" TEXT,
    "audience" TEXT,
    "link" TEXT,
    "views" INTEGER,

    CONSTRAINT "submission_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" SERIAL NOT NULL,
    "version_id" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "type" "evidence_type" NOT NULL,
    "telegram_file_id" TEXT,
    "size" INTEGER,
    "mime" TEXT,
    "link" TEXT,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_decision" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "version_id" INTEGER NOT NULL,
    "reviewer_user_id" INTEGER NOT NULL,
    "action" "review_action" NOT NULL,
    "comment" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "draft" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "body_id" INTEGER NOT NULL,
    "report_kind" "report_kind" NOT NULL,
    "period_key" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score" (
    "body_id" INTEGER NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "applicable" BOOLEAN NOT NULL,
    "methodology_version" TEXT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "score_pkey" PRIMARY KEY ("body_id","indicator_id","period_key")
);

-- CreateTable
CREATE TABLE "bot_state" (
    "namespace" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bot_state_pkey" PRIMARY KEY ("namespace","key")
);

-- CreateTable
CREATE TABLE "processed_update" (
    "bot_id" BIGINT NOT NULL DEFAULT 0,
    "update_id" BIGINT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_update_pkey" PRIMARY KEY ("bot_id","update_id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" SERIAL NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "parse_mode" TEXT,
    "attachments" JSONB,
    "idempotency_key" TEXT NOT NULL,
    "status" "outbox_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "actor_user_id" INTEGER,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_run" (
    "job" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" TEXT,

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("job","slot")
);

-- CreateIndex
CREATE UNIQUE INDEX "body_code_key" ON "body"("code");

-- CreateIndex
CREATE INDEX "body_parent_id_idx" ON "body"("parent_id");

-- CreateIndex
CREATE INDEX "body_member_body_id_kind_idx" ON "body_member"("body_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "body_member_body_id_code_key" ON "body_member"("body_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_telegram_id_key" ON "app_user"("telegram_id");

-- CreateIndex
CREATE INDEX "app_user_body_id_idx" ON "app_user"("body_id");

-- CreateIndex
CREATE UNIQUE INDEX "invite_code_key" ON "invite"("code");

-- CreateIndex
CREATE INDEX "invite_body_id_idx" ON "invite"("body_id");

-- CreateIndex
CREATE UNIQUE INDEX "invite_redemption_invite_id_user_id_key" ON "invite_redemption"("invite_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "submission_current_version_id_key" ON "submission"("current_version_id");

-- CreateIndex
CREATE INDEX "submission_status_updated_at_idx" ON "submission"("status", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "submission_body_id_report_kind_period_key_key" ON "submission"("body_id", "report_kind", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "submission_version_submission_id_number_key" ON "submission_version"("submission_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "submission_event_version_id_ordinal_key" ON "submission_event"("version_id", "ordinal");

-- CreateIndex
CREATE INDEX "evidence_version_id_idx" ON "evidence"("version_id");

-- CreateIndex
CREATE INDEX "review_decision_submission_id_idx" ON "review_decision"("submission_id");

-- CreateIndex
CREATE UNIQUE INDEX "draft_user_id_body_id_report_kind_period_key_key" ON "draft"("user_id", "body_id", "report_kind", "period_key");

-- CreateIndex
CREATE INDEX "score_period_key_idx" ON "score"("period_key");

-- CreateIndex
CREATE INDEX "processed_update_processed_at_idx" ON "processed_update"("processed_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_idempotency_key_key" ON "outbox_message"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_message_status_next_attempt_at_idx" ON "outbox_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "body" ADD CONSTRAINT "body_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite" ADD CONSTRAINT "invite_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite" ADD CONSTRAINT "invite_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_redemption" ADD CONSTRAINT "invite_redemption_invite_id_fkey" FOREIGN KEY ("invite_id") REFERENCES "invite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_redemption" ADD CONSTRAINT "invite_redemption_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_current_version_id_fkey" FOREIGN KEY ("current_version_id") REFERENCES "submission_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_version" ADD CONSTRAINT "submission_version_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_version" ADD CONSTRAINT "submission_version_author_user_id_fkey" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_value" ADD CONSTRAINT "submission_value_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "submission_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_event" ADD CONSTRAINT "submission_event_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "submission_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "submission_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "submission_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_reviewer_user_id_fkey" FOREIGN KEY ("reviewer_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft" ADD CONSTRAINT "draft_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft" ADD CONSTRAINT "draft_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score" ADD CONSTRAINT "score_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Written by hand: constraints Prisma cannot express, immutability of versions, default deadlines.
-- Prisma does not introspect CHECKs or triggers, so the schema diff stays empty.
-- ---------------------------------------------------------------------------

ALTER TABLE "body" ADD CONSTRAINT "body_code_not_blank" CHECK (btrim("code") <> '');
ALTER TABLE "body" ADD CONSTRAINT "body_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_code_not_blank" CHECK (btrim("code") <> '');

ALTER TABLE "app_user" ADD CONSTRAINT "app_user_telegram_id_positive" CHECK ("telegram_id" > 0);
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_body_unless_admin" CHECK ("role" = 'admin' OR "body_id" IS NOT NULL);

ALTER TABLE "invite" ADD CONSTRAINT "invite_code_not_blank" CHECK (btrim("code") <> '');
ALTER TABLE "invite" ADD CONSTRAINT "invite_max_uses_positive" CHECK ("max_uses" >= 1);
ALTER TABLE "invite" ADD CONSTRAINT "invite_uses_within_max" CHECK ("uses" >= 0 AND "uses" <= "max_uses");

ALTER TABLE "deadline_rule" ADD CONSTRAINT "deadline_rule_due_day" CHECK ("due_day" BETWEEN 1 AND 31);
ALTER TABLE "deadline_rule" ADD CONSTRAINT "deadline_rule_month_offset" CHECK ("month_offset" BETWEEN 0 AND 12);
ALTER TABLE "deadline_rule" ADD CONSTRAINT "deadline_rule_due_time" CHECK ("due_hour" BETWEEN 0 AND 23 AND "due_minute" BETWEEN 0 AND 59);

ALTER TABLE "submission" ADD CONSTRAINT "submission_period_key_matches_kind" CHECK (
  ("report_kind" = 'monthly' AND "period_key" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$') OR
  ("report_kind" = 'quarterly' AND "period_key" ~ '^[0-9]{4}-Q[1-4]$') OR
  ("report_kind" = 'annual' AND "period_key" ~ '^[0-9]{4}$')
);
ALTER TABLE "submission" ADD CONSTRAINT "submission_version_count" CHECK ("version_count" >= 0);
ALTER TABLE "draft" ADD CONSTRAINT "draft_period_key_matches_kind" CHECK (
  ("report_kind" = 'monthly' AND "period_key" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$') OR
  ("report_kind" = 'quarterly' AND "period_key" ~ '^[0-9]{4}-Q[1-4]$') OR
  ("report_kind" = 'annual' AND "period_key" ~ '^[0-9]{4}$')
);

ALTER TABLE "submission_version" ADD CONSTRAINT "submission_version_number_positive" CHECK ("number" >= 1);
ALTER TABLE "submission_event" ADD CONSTRAINT "submission_event_participants" CHECK ("participants" >= 0);
ALTER TABLE "submission_event" ADD CONSTRAINT "submission_event_views" CHECK ("views" IS NULL OR "views" >= 0);
ALTER TABLE "submission_event" ADD CONSTRAINT "submission_event_topic_not_blank" CHECK (btrim("topic") <> '');
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_size" CHECK ("size" IS NULL OR "size" >= 0);
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_has_source" CHECK (
  ("type" = 'link' AND "link" IS NOT NULL) OR ("type" <> 'link' AND "telegram_file_id" IS NOT NULL)
);

ALTER TABLE "score" ADD CONSTRAINT "score_methodology_version_not_blank" CHECK (btrim("methodology_version") <> '');

ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_attempts" CHECK ("attempts" >= 0);
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_sending_is_claimed" CHECK (
  "status" <> 'sending' OR ("claimed_by" IS NOT NULL AND "claimed_at" IS NOT NULL)
);
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_sent_has_time" CHECK ("status" <> 'sent' OR "sent_at" IS NOT NULL);

ALTER TABLE "processed_update" ADD CONSTRAINT "processed_update_ids" CHECK ("update_id" >= 0 AND "bot_id" >= 0);

-- A submitted version, its values, event lines and evidence never change: a new version is written instead.
CREATE FUNCTION "refuse_change_to_submitted_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'submitted versions are immutable (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER "submission_version_immutable" BEFORE UPDATE OR DELETE ON "submission_version"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_submitted_version"();
CREATE TRIGGER "submission_value_immutable" BEFORE UPDATE OR DELETE ON "submission_value"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_submitted_version"();
CREATE TRIGGER "submission_event_immutable" BEFORE UPDATE OR DELETE ON "submission_event"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_submitted_version"();
CREATE TRIGGER "evidence_immutable" BEFORE UPDATE OR DELETE ON "evidence"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_submitted_version"();

-- Defaults: monthly by the 5th of the next month, quarterly by the 10th, annual by 15 January; 18:00.
INSERT INTO "deadline_rule" ("report_kind", "due_day", "month_offset", "due_hour", "due_minute", "time_zone")
VALUES ('monthly', 5, 1, 18, 0, 'Asia/Almaty'),
       ('quarterly', 10, 1, 18, 0, 'Asia/Almaty'),
       ('annual', 15, 1, 18, 0, 'Asia/Almaty');
