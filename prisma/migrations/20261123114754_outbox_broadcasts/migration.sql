-- AlterEnum
ALTER TYPE "outbox_status" ADD VALUE 'cancelled';

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "batch" TEXT,
ADD COLUMN     "reply_markup" JSONB;

-- CreateTable
CREATE TABLE "outbox_file" (
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_file_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "outbox_message_batch_status_idx" ON "outbox_message"("batch", "status");
