import { gunzipSync } from "node:zlib";

// A tar archive is 512-byte blocks: a header (name at 0, size at 124 in octal, type at 156, the
// ustar prefix of long names at 345), then the content rounded up to whole blocks.
const BLOCK = 512;
const FILE_TYPES = new Set(["0", "\0", "5", "7"]);
const METADATA_TYPES = new Set(["x", "g", "L", "K"]);

/**
 * What is wrong with a backup archive before anything is extracted, or undefined when it is a
 * PGlite data folder archive: a .tar.gz of plain files and folders, every entry inside the
 * folder (no "../"), no links, and a PG_VERSION at its root.
 */
export function checkBackupArchive(bytes: Buffer): string | undefined {
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes);
  } catch {
    return "it is not a .tar.gz archive";
  }
  let hasVersion = false;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const name = joinName(text(header, 345, 155), text(header, 0, 100));
    const type = String.fromCharCode(header[156] ?? 0);
    const size = Number.parseInt(text(header, 124, 12).trim() || "0", 8);
    if (!Number.isSafeInteger(size) || size < 0) return `entry "${name}" has no readable size`;
    if (METADATA_TYPES.has(type)) {
      // Long names and PAX records can rename the next entry: they must stay inside too.
      const content = tar.subarray(offset + BLOCK, offset + BLOCK + size).toString("utf8");
      if (content.split(/[\s=/]/).includes("..")) {
        return `entry "${name}" renames a file to outside the database folder`;
      }
    } else {
      if (!FILE_TYPES.has(type)) {
        const what = type === "1" || type === "2" ? "a link" : `of type "${type}"`;
        return `entry "${name}" is ${what}; a database backup holds only files and folders`;
      }
      if (name.split("/").includes("..")) {
        return `entry "${name}" would be written outside the database folder`;
      }
      if (name.replace(/^\.?\/+/, "") === "PG_VERSION") hasVersion = true;
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return hasVersion ? undefined : "it holds no PG_VERSION: not a backup of the embedded database";
}

function text(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
}

function joinName(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}
