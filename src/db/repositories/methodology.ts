import type { PrismaClient } from "../generated/client.ts";
import { isUniqueViolation } from "./shared.ts";

/** A methodology version an admin uploaded: the file's text as it was checked and activated. */
export interface UploadedMethodologyRecord {
  id: number;
  versionId: string;
  appliesFrom: string;
  fileName: string;
  source: string;
  uploadedById: number | null;
  uploadedAt: Date;
}

export type UploadInput = Omit<UploadedMethodologyRecord, "id">;

export type SaveUploadResult =
  | { ok: true; upload: UploadedMethodologyRecord }
  | { ok: false; reason: "duplicateId" };

/** Uploaded methodology versions (the repository's files are the others), in upload order. */
export function createMethodologyRepository(prisma: PrismaClient) {
  return {
    listUploads(): Promise<UploadedMethodologyRecord[]> {
      return prisma.uploadedMethodology.findMany({ orderBy: { id: "asc" } });
    },

    /** The last upload's id (0 with none): a cheap way to see whether another process added one. */
    async latestUploadId(): Promise<number> {
      const last = await prisma.uploadedMethodology.findFirst({
        orderBy: { id: "desc" },
        select: { id: true },
      });
      return last?.id ?? 0;
    },

    /** Stores an upload; a version id is stored once (two admins at once: the second is refused). */
    async saveUpload(input: UploadInput): Promise<SaveUploadResult> {
      try {
        const upload = await prisma.uploadedMethodology.create({ data: input });
        return { ok: true, upload };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: "duplicateId" };
        throw error;
      }
    },
  };
}
