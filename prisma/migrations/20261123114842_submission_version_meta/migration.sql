-- AlterTable
ALTER TABLE "submission_version" ADD COLUMN     "meta" JSONB;
