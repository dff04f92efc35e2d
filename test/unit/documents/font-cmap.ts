import { readFileSync } from "node:fs";

/**
 * The code points a TrueType file maps to glyphs, read from its format 4 (BMP) cmap subtable —
 * enough to prove the shipped font itself holds a letter, whatever fonts the machine has.
 */
export function readBmpCoverage(path: string): (codePoint: number) => boolean {
  const font = readFileSync(path);
  const tableCount = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tableCount; i += 1) {
    const record = 12 + i * 16;
    if (font.toString("latin1", record, record + 4) === "cmap")
      cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error("no cmap table");
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i += 1) {
    const offset = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4);
    if (font.readUInt16BE(offset) === 4) return format4Lookup(font, offset);
  }
  throw new Error("no format 4 cmap subtable");
}

function format4Lookup(font: Buffer, offset: number): (codePoint: number) => boolean {
  const segCount = font.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (codePoint) => {
    for (let s = 0; s < segCount; s += 1) {
      if (codePoint > font.readUInt16BE(ends + s * 2)) continue;
      const start = font.readUInt16BE(starts + s * 2);
      if (codePoint < start) return false;
      const delta = font.readInt16BE(deltas + s * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
      if (rangeOffset === 0) return ((codePoint + delta) & 0xffff) !== 0;
      const glyphAt = rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2;
      const glyph = font.readUInt16BE(glyphAt);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}
