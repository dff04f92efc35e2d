import { kazakhOrdinal, kazakhPossessive } from "../../src/domain/text/kazakh-numerals.ts";
import type { BotMessage } from "./emulator.ts";

// Words the methodology does not use where GLOSSARY.md names its own (see test/unit/locales.test.ts).
const NOT_THE_METHODOLOGY: Record<"kk" | "ru", RegExp> = {
  kk: /ұпай|айыппұл|міндет|бейім|көрсеткіш|балдар|балдың|жоба сақта/iu,
  ru: /штраф|показател/iu,
};

// A number in digits with a possessive or ordinal suffix: "2-сі", "1 500-і", "6-шы".
const SUFFIXED = /(?<![\d,])(\d+(?:[ \u00a0]\d{3})*(?:,\d+)?)-(с?[іы]|ш[іы])(?![\p{L}-])/gu;

/** What is wrong with the words of bot messages a person read, one line per finding. */
export function wordProblems(messages: BotMessage[], lang: "kk" | "ru"): string[] {
  const problems: string[] = [];
  for (const { text } of messages) {
    const word = NOT_THE_METHODOLOGY[lang].exec(text);
    if (word) problems.push(`«${word[0]}» in: ${text}`);
    if (/(?<!\.)\.\.(?!\.)/.test(text)) problems.push(`doubled full stop in: ${text}`);
    if (lang !== "kk") continue;
    for (const [written, number, suffix] of text.matchAll(SUFFIXED)) {
      const right = suffix?.startsWith("ш")
        ? kazakhOrdinal(number ?? "")
        : kazakhPossessive(number ?? "");
      if (written !== right) problems.push(`«${written}», not «${right}», in: ${text}`);
    }
  }
  return problems;
}
