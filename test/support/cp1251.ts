/**
 * Windows-1251 bytes of a text, as Excel's plain «CSV» writes them in Kazakhstan: Russian letters
 * have their code, and a letter the code page lacks (ә, ғ, қ, ң, ө, ұ, ү, һ) becomes "?".
 */
export function cp1251(text: string): Buffer {
  const extra: Record<string, number> = {
    ё: 0xb8,
    Ё: 0xa8,
    "«": 0xab,
    "»": 0xbb,
    "№": 0xb9,
    "—": 0x97,
    і: 0xb3,
    І: 0xb2,
  };
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else bytes.push(extra[char] ?? 0x3f);
  }
  return Buffer.from(bytes);
}
