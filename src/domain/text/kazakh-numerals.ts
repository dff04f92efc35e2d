/**
 * Kazakh suffixes after a number written in digits. Kazakh reads "2-сі" as «екісі»: the suffix
 * follows the last word of the number as spoken (36 → отыз алты → «алтысы» → 36-сы), by vowel
 * harmony (back ы, front і) and by whether that word ends in a vowel sound (then the possessive
 * takes «с»: екі → екісі, but бір → бірі). GLOSSARY.md lists the rules and examples.
 */

/** How the last spoken word of a number sounds: the only two facts the suffixes depend on. */
interface LastWord {
  /** Its last vowel is back (а, о, ұ, ы), so the suffix takes ы; otherwise і. */
  back: boolean;
  /** It ends in a vowel sound (екі, алты, жиырма), so the possessive is -сі/-сы. */
  vowelEnd: boolean;
}

const word = (back: boolean, vowelEnd: boolean): LastWord => ({ back, vowelEnd });

// нөл бір екі үш төрт бес алты жеті сегіз тоғыз
const UNITS: readonly LastWord[] = [
  word(false, false),
  word(false, false),
  word(false, true),
  word(false, false),
  word(false, false),
  word(false, false),
  word(true, true),
  word(false, true),
  word(false, false),
  word(true, false),
];
// (none) он жиырма отыз қырық елу алпыс жетпіс сексен тоқсан; елу ends in a consonant «у».
const TENS: readonly LastWord[] = [
  word(false, false),
  word(true, false),
  word(true, true),
  word(true, false),
  word(true, false),
  word(false, false),
  word(true, false),
  word(false, false),
  word(false, false),
  word(true, false),
];
const HUNDRED = word(false, false); // жүз
// мың, миллион, миллиард, триллион, квадриллион: all back, all end in a consonant.
const POWER_OF_THOUSAND = word(true, false);

/** The last word of `n` as spoken: units, else tens, else жүз, else the power of a thousand. */
function lastWordOf(n: number): LastWord {
  if (n === 0) return UNITS[0]!;
  let rest = n;
  let thousands = 0;
  while (rest % 1000 === 0) {
    rest /= 1000;
    thousands++;
  }
  if (thousands > 0) return POWER_OF_THOUSAND;
  if (rest % 10 !== 0) return UNITS[rest % 10]!;
  if (rest % 100 !== 0) return TENS[(rest % 100) / 10]!;
  return HUNDRED;
}

// Digits grouped by spaces ("1 500"), a sign and a decimal comma ("−2,5") are how people read it.
const WRITTEN_NUMBER = /^[-\u2212]?\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:,(\d+))?$/;

/**
 * The whole number whose spoken last word ends `value`. A fraction is read «екі бүтін оннан бес»,
 * so "2,5" ends like 5; a sign is read first («минус»), so it changes nothing.
 */
function spokenEnd(value: number | string): number {
  const text = typeof value === "number" ? String(value).replace(".", ",") : value.trim();
  const match = WRITTEN_NUMBER.exec(text);
  if (!match || (typeof value === "number" && !Number.isFinite(value)))
    throw new RangeError(`Not a number written in digits: ${String(value)}`);
  const fraction = match[1];
  if (fraction !== undefined) return Number(fraction);
  const whole = Number(text.replace(/[^\d]/g, ""));
  if (!Number.isSafeInteger(whole)) throw new RangeError(`Number too large: ${String(value)}`);
  return whole;
}

/** The possessive suffix of the third person after `n`: 2 → "сі", 36 → "сы", 10 → "ы". */
export function kazakhPossessiveSuffix(value: number | string): string {
  const last = lastWordOf(spokenEnd(value));
  return `${last.vowelEnd ? "с" : ""}${last.back ? "ы" : "і"}`;
}

/** The ordinal suffix after `n`: 2 → "ші", 6 → "шы". */
export function kazakhOrdinalSuffix(value: number | string): string {
  return lastWordOf(spokenEnd(value)).back ? "шы" : "ші";
}

/** "the n-th of …": `36 индикатордың ${kazakhPossessive(2)}` → "36 индикатордың 2-сі". */
export function kazakhPossessive(value: number | string): string {
  return `${String(value).trim()}-${kazakhPossessiveSuffix(value)}`;
}

/** The ordinal in digits: 2 → "2-ші", 6 → "6-шы", "10 000" → "10 000-шы". */
export function kazakhOrdinal(value: number | string): string {
  return `${String(value).trim()}-${kazakhOrdinalSuffix(value)}`;
}
