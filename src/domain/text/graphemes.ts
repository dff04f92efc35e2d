// Shortening text for Telegram without breaking a character. Telegram counts its limits in UTF-16
// code units and refuses a string with half a surrogate pair ("strings must be encoded in UTF-8"),
// so a cut must fall between graphemes: never inside an emoji, a flag or a letter with its marks.

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The text's graphemes, what a reader sees as one character each: `graphemes("🇰🇿a")` → ["🇰🇿", "a"]. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/**
 * The text cut to at most `max` UTF-16 code units (Telegram's unit), ellipsis included, at a
 * grapheme boundary: `truncateGraphemes("😀".repeat(30), 48)` → 23 emoji and "…".
 */
export function truncateGraphemes(
  text: string,
  max: number,
  options: { ellipsis?: string } = {},
): string {
  if (text.length <= max) return text;
  const ellipsis = options.ellipsis ?? "…";
  if (ellipsis.length > max) return "";
  const room = max - ellipsis.length;
  let kept = "";
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length + segment.length > room) break;
    kept += segment;
  }
  return `${kept.trimEnd()}${ellipsis}`;
}

// Characters that show nothing: whitespace, format characters (zero-width space and joiners, word
// joiner, byte order mark, soft hyphen), controls, variation selectors, the combining grapheme
// joiner and the Hangul fillers.
const INVISIBLE =
  /^(?:\s|\p{Cc}|\p{Cf}|\u034f|[\u115f\u1160\u3164\uffa0]|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}])*$/u;

/** True when the text shows nothing: empty, spaces, or zero-width characters only. */
export function isBlankText(text: string): boolean {
  return INVISIBLE.test(text);
}
