import { describe, expect, it } from "vitest";
import { kazakhOrdinal, kazakhPossessive } from "../../../src/domain/text/kazakh-numerals.ts";

// An independent reference: spell the number out in Kazakh words, then read the suffix off the
// letters of the last word as a Kazakh speaker does (vowel harmony and its last sound).
const UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
const TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"];

function spellBelowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  if (hundreds > 0) words.push(...(hundreds === 1 ? [] : [UNITS[hundreds] ?? ""]), "жүз");
  const tens = Math.floor((n % 100) / 10);
  if (tens > 0) words.push(TENS[tens] ?? "");
  if (n % 10 > 0) words.push(UNITS[n % 10] ?? "");
  return words;
}

function spell(n: number): string[] {
  if (n === 0) return ["нөл"];
  if (n === 1_000_000) return ["бір", "миллион"];
  const thousands = Math.floor(n / 1000);
  const words: string[] = [];
  if (thousands > 0) words.push(...spellBelowThousand(thousands), "мың");
  return [...words, ...spellBelowThousand(n % 1000)];
}

// «у» is left out: in Kazakh it is the glide /w/ (елу ends in a consonant sound: елуі).
const VOWELS = "аәеёиоөүұыіэюя";
const BACK = "аоұыя";

function lastWord(n: number): string {
  return spell(n).at(-1) ?? "";
}

/** ы or і by the word's last vowel. */
function isBack(word: string): boolean {
  const lastVowel = [...word].reverse().find((letter) => VOWELS.includes(letter)) ?? "";
  return BACK.includes(lastVowel);
}

function endsInVowelSound(word: string): boolean {
  return VOWELS.includes(word.at(-1) ?? "");
}

function expectedPossessive(n: number): string {
  const word = lastWord(n);
  const vowel = isBack(word) ? "ы" : "і";
  return `${n}-${endsInVowelSound(word) ? "с" : ""}${vowel}`;
}

function expectedOrdinal(n: number): string {
  return `${n}-${isBack(lastWord(n)) ? "шы" : "ші"}`;
}

describe("Kazakh numeral suffixes", () => {
  it("match every example of the glossary", () => {
    const possessive: Record<number, string> = {
      1: "і",
      2: "сі",
      3: "і",
      4: "і",
      5: "і",
      6: "сы",
      7: "сі",
      8: "і",
      9: "ы",
      10: "ы",
      20: "сы",
      30: "ы",
      40: "ы",
      50: "і",
      60: "ы",
      70: "і",
      80: "і",
      90: "ы",
      100: "і",
    };
    for (const [n, suffix] of Object.entries(possessive))
      expect(kazakhPossessive(Number(n)), n).toBe(`${n}-${suffix}`);
    const ordinal: Record<number, string> = {
      1: "ші",
      2: "ші",
      3: "ші",
      4: "ші",
      5: "ші",
      6: "шы",
      7: "ші",
      8: "ші",
      9: "шы",
      10: "шы",
      20: "шы",
      30: "шы",
      40: "шы",
      50: "ші",
      60: "шы",
      100: "ші",
    };
    for (const [n, suffix] of Object.entries(ordinal))
      expect(kazakhOrdinal(Number(n)), n).toBe(`${n}-${suffix}`);
  });

  it("read the glossary's phrases right", () => {
    expect(`36 көрсеткіштің ${kazakhPossessive(2)}`).toBe("36 көрсеткіштің 2-сі");
    expect(`3 адамның ${kazakhPossessive(1)}`).toBe("3 адамның 1-і");
    expect(kazakhPossessive(36)).toBe("36-сы");
    expect(kazakhOrdinal(36)).toBe("36-шы");
  });

  it("follow the spoken last word for every number from 0 to 1000", () => {
    for (let n = 0; n <= 1000; n++) {
      expect(kazakhPossessive(n), String(n)).toBe(expectedPossessive(n));
      expect(kazakhOrdinal(n), String(n)).toBe(expectedOrdinal(n));
    }
  });

  it("follow the spoken last word for every number up to a million", () => {
    const wrong: string[] = [];
    for (let n = 1001; n <= 1_000_000; n++) {
      const got = `${kazakhPossessive(n)} ${kazakhOrdinal(n)}`;
      const want = `${expectedPossessive(n)} ${expectedOrdinal(n)}`;
      if (got !== want) wrong.push(`${n}: ${got}, not ${want}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(kazakhPossessive(1000)).toBe("1000-ы");
    expect(kazakhPossessive(1050)).toBe("1050-і");
    expect(kazakhPossessive(1_000_000)).toBe("1000000-ы");
    expect(kazakhOrdinal(2000)).toBe("2000-шы");
  });

  it("read a number as people write it: grouped, with a sign or a decimal comma", () => {
    expect(kazakhPossessive("1 500")).toBe("1 500-і");
    expect(kazakhPossessive("1\u00a0000")).toBe("1\u00a0000-ы");
    expect(kazakhOrdinal("10 000")).toBe("10 000-шы");
    // «екі бүтін оннан бес»: a fraction ends like its last digits.
    expect(kazakhPossessive("2,5")).toBe("2,5-і");
    expect(kazakhPossessive("1,6")).toBe("1,6-сы");
    expect(kazakhPossessive("0,25")).toBe("0,25-і");
    expect(kazakhPossessive("\u221210")).toBe("\u221210-ы");
    expect(kazakhPossessive(-7)).toBe("-7-сі");
    expect(kazakhPossessive("7")).toBe("7-сі");
    expect(kazakhOrdinal(" 9 ")).toBe("9-шы");
  });

  it("refuse anything that is not a number in digits", () => {
    for (const bad of ["екі", "", "1 50", "1.000", "12a", "1e3", "2,"])
      expect(() => kazakhPossessive(bad), bad).toThrow(RangeError);
    expect(() => kazakhOrdinal(Number.NaN)).toThrow(RangeError);
    expect(() => kazakhOrdinal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => kazakhOrdinal(1e21)).toThrow(RangeError);
  });
});
