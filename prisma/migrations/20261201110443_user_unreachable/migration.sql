-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "unreachable_since" TIMESTAMPTZ(3);

-- Until now a 403 from a send ("bot was blocked by the user") switched the account off. Those
-- accounts get their access back and are marked unreachable instead. They are told apart from
-- accounts an admin or an import switched off by what the sender left behind: a dead outbox row
-- to their chat that Telegram refused with 403, claimed at most five minutes before the account's
-- last change (the sender deactivated it right after that answer). An account changed later by
-- anyone stays as it is.
UPDATE "app_user" AS u
SET "active" = true, "unreachable_since" = refused.at
FROM (
  SELECT "chat_id", max("claimed_at") AS at
  FROM "outbox_message"
  WHERE "status" = 'dead' AND "last_error" LIKE '403 %' AND "claimed_at" IS NOT NULL
  GROUP BY "chat_id"
) AS refused
WHERE u."telegram_id" = refused."chat_id"
  AND u."active" = false
  AND u."updated_at" >= refused.at
  AND u."updated_at" <= refused.at + interval '5 minutes';
