import { inflateRawSync } from "node:zlib";

/** Why a zip (an .xlsx) is refused before anything reads it. */
export type ZipRefusal = "notAZip" | "tooManyEntries" | "unpacksTooLarge";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/**
 * Whether a zip unpacks within `maxBytes` in all and has at most `maxEntries` entries, found by
 * unpacking it with a hard output limit: the sizes a zip declares can lie, zlib's limit cannot.
 * A few kilobytes of deflate can unpack to gigabytes (a zip bomb), so this runs before any parser.
 */
export function checkZipBudget(
  data: Uint8Array,
  limits: { maxBytes: number; maxEntries: number },
): { ok: true; unpackedBytes: number } | { ok: false; reason: ZipRefusal } {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) return { ok: false, reason: "notAZip" };
  const entries = buffer.readUInt16LE(end + 10);
  if (entries > limits.maxEntries) return { ok: false, reason: "tooManyEntries" };
  let offset = buffer.readUInt32LE(end + 16);
  let unpackedBytes = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_ENTRY)
      return { ok: false, reason: "notAZip" };
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    offset += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL_ENTRY)
      return { ok: false, reason: "notAZip" };
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const packed = buffer.subarray(start, start + compressedSize);
    const left = limits.maxBytes - unpackedBytes;
    if (method === 0) unpackedBytes += packed.length;
    else if (method === 8) {
      try {
        unpackedBytes += inflateRawSync(packed, { maxOutputLength: Math.max(left, 1) }).length;
      } catch (error) {
        const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
        return { ok: false, reason: tooLarge ? "unpacksTooLarge" : "notAZip" };
      }
    } else return { ok: false, reason: "notAZip" };
    if (unpackedBytes > limits.maxBytes) return { ok: false, reason: "unpacksTooLarge" };
  }
  return { ok: true, unpackedBytes };
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= earliest; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}
