-- AlterEnum
BEGIN;
CREATE TYPE "member_kind_new" AS ENUM ('subdivision', 'subordinate', 'quasi_public', 'district');
-- The directory's organisations were always the supervised quasi-public organisations (project 3's
-- list); subordinate state bodies are a new list, empty until imported.
ALTER TABLE "body_member" ALTER COLUMN "kind" TYPE "member_kind_new" USING (
  CASE "kind"::text WHEN 'organisation' THEN 'quasi_public' ELSE "kind"::text END
)::"member_kind_new";
ALTER TYPE "member_kind" RENAME TO "member_kind_old";
ALTER TYPE "member_kind_new" RENAME TO "member_kind";
DROP TYPE "public"."member_kind_old";
COMMIT;

-- CreateTable
CREATE TABLE "uploaded_methodology" (
    "id" SERIAL NOT NULL,
    "version_id" TEXT NOT NULL,
    "applies_from" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "uploaded_by_id" INTEGER,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "uploaded_methodology_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "uploaded_methodology_version_id_key" ON "uploaded_methodology"("version_id");

-- AddForeignKey
ALTER TABLE "uploaded_methodology" ADD CONSTRAINT "uploaded_methodology_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
