import type { Repositories } from "../db/index.ts";
import type { UploadedMethodologyRecord } from "../db/repositories/methodology.ts";
import { createMethodologyBook, type MethodologyBook } from "../domain/methodology/book.ts";
import type { MethodologyVersion } from "../domain/methodology/types.ts";
import { bundledMethodology, MethodologyLoadError, parseVersionText } from "./load.ts";

/**
 * Where the running bot takes its methodology from: the repository's files and the versions
 * uploaded through the bot. `book()` is what an update or a job reads; `refresh()` reads uploads
 * another process added (this process adds its own at once).
 */
export interface MethodologySource {
  book(): MethodologyBook;
  refresh(): Promise<void>;
}

/** The repository's files only, never changing: tests and tools that upload nothing. */
export function filesOnly(book: MethodologyBook = bundledMethodology()): MethodologySource {
  return { book: () => book, refresh: async () => undefined };
}

/**
 * A stored upload read again. It was checked when uploaded; refusing it now (a file edited in the
 * database, or code that no longer reads it) stops the start, since periods it scored would move.
 */
function readUpload(upload: UploadedMethodologyRecord): MethodologyVersion {
  const read = parseVersionText(upload.source);
  if (!read.ok) throw new MethodologyLoadError(`upload ${upload.versionId}`, read.problems);
  return read.version;
}

/** The files and every stored upload, in the order they were added: read at start. */
export async function openMethodologyShelf(
  repos: Pick<Repositories, "methodology">,
  files: MethodologyBook = bundledMethodology(),
): Promise<MethodologySource> {
  let latest = -1;
  let book = files;
  const reload = async () => {
    const id = await repos.methodology.latestUploadId();
    if (id === latest) return;
    const uploads = await repos.methodology.listUploads();
    book = createMethodologyBook([...files.versions, ...uploads.map(readUpload)]);
    latest = id;
  };
  await reload();
  return { book: () => book, refresh: reload };
}
