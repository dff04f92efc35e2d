import { describe, expect, it } from "vitest";
import type { FormAnswer } from "../../../src/domain/forms/answer.ts";
import {
  applyMonthlyAnswer,
  type MonthlyFormEnv,
} from "../../../src/domain/forms/monthly/apply.ts";
import { NO_HISTORY } from "../../../src/domain/forms/monthly/history.ts";
import { FIRST_MONTHLY_STEP } from "../../../src/domain/forms/monthly/steps.ts";
import { emptyReportDraft } from "../../../src/domain/reports/draft.ts";
import { checkText } from "../../../src/domain/reports/report-fields.ts";
import { graphemes, isBlankText, truncateGraphemes } from "../../../src/domain/text/graphemes.ts";

const family = "👨‍👩‍👧‍👦"; // four people joined by ZWJ: 11 UTF-16 units, one grapheme
const flag = "🇰🇿"; // two regional indicators: 4 units
const combined = "е\u0301"; // e + combining acute: 2 units

/** No half of a surrogate pair left alone (what Telegram refuses as "not UTF-8"). */
const isWellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe("graphemes", () => {
  it("splits into what a reader sees as one character each", () => {
    expect(graphemes(`a${family}${flag}${combined}ә`)).toEqual(["a", family, flag, combined, "ә"]);
  });
});

describe("truncateGraphemes", () => {
  it("leaves a text that fits as it is", () => {
    expect(truncateGraphemes("Қазақстан", 9)).toBe("Қазақстан");
    expect(truncateGraphemes(flag.repeat(3), 12)).toBe(flag.repeat(3));
  });

  it("never cuts an emoji in half: 30 emoji to 48 units keep 23 whole ones and the ellipsis", () => {
    const name = "😀".repeat(30);
    const short = truncateGraphemes(name, 48);
    expect(short).toBe(`${"😀".repeat(23)}…`);
    expect(short.length).toBeLessThanOrEqual(48);
    expect(isWellFormed(short)).toBe(true);
  });

  it("keeps flags, joined emoji and combining marks whole", () => {
    for (const unit of [flag, family, combined]) {
      for (let max = 1; max <= 40; max++) {
        const short = truncateGraphemes(unit.repeat(10), max);
        expect(short.length).toBeLessThanOrEqual(max);
        expect(isWellFormed(short)).toBe(true);
        const kept = short.endsWith("…") ? short.slice(0, -1) : short;
        expect(graphemes(kept).every((g) => g === unit)).toBe(true);
      }
    }
  });

  it("cuts before a combining mark, never between the letter and its mark", () => {
    expect(truncateGraphemes(`ab${combined}cd`, 4)).toBe("ab…");
  });

  it("takes another ellipsis or none", () => {
    expect(truncateGraphemes("abcdef", 4, { ellipsis: "" })).toBe("abcd");
    expect(truncateGraphemes("abcdef", 5, { ellipsis: "..." })).toBe("ab...");
  });

  it("gives just the ellipsis when not even one character fits", () => {
    expect(truncateGraphemes(family, 5)).toBe("…");
    expect(truncateGraphemes("abc", 0)).toBe("");
  });
});

describe("isBlankText", () => {
  it("counts spaces and zero-width characters alone as blank", () => {
    for (const blank of [
      "",
      "   ",
      "\u200b",
      "\u200b\u200c\u200d",
      " \u2060\ufeff ",
      "\u00ad\u034f",
    ]) {
      expect(isBlankText(blank)).toBe(true);
    }
  });

  it("counts any visible character as text", () => {
    for (const text of ["a", "\u200bа\u200b", "😀", flag, "·", "0"]) {
      expect(isBlankText(text)).toBe(false);
    }
  });
});

describe("checkText", () => {
  it("refuses a topic of only zero-width characters as empty", () => {
    expect(checkText("\u200b\u200b\u200d")).toEqual({ ok: false, code: "emptyText" });
    expect(checkText(" \u2060 ")).toEqual({ ok: false, code: "emptyText" });
  });

  it("keeps a topic of emoji", () => {
    expect(checkText(" 😀🇰🇿 ")).toEqual({ ok: true, value: "😀🇰🇿" });
  });
});

describe("the monthly form's refusal of bad links", () => {
  it("names a long bad link cut between emoji, never inside one", () => {
    const env: MonthlyFormEnv = { history: NO_HISTORY, now: "2026-11-03T10:00:00.000Z" };
    let draft = emptyReportDraft("monthly", "2026-10", FIRST_MONTHLY_STEP);
    const answers: FormAnswer[] = [
      { kind: "button", data: "done" },
      { kind: "button", data: "done" },
      { kind: "button", data: "add" },
      { kind: "text", text: "1" },
      { kind: "text", text: "Тема" },
      { kind: "text", text: "жители" },
      { kind: "text", text: "10" },
      { kind: "button", data: "yes" },
    ];
    for (const answer of answers) {
      const outcome = applyMonthlyAnswer(draft, answer, env);
      if (outcome.kind !== "saved") throw new Error(`refused ${JSON.stringify(answer)}`);
      draft = outcome.draft;
    }
    const outcome = applyMonthlyAnswer(draft, { kind: "text", text: `x${"😀".repeat(60)}` }, env);
    if (outcome.kind !== "refused") throw new Error(`expected a refusal, got ${outcome.kind}`);
    const link = String(outcome.problem.params?.link);
    expect(link.length).toBeLessThanOrEqual(100);
    expect(isWellFormed(link)).toBe(true);
    expect(link).toMatch(/^x(😀)+…$/u);
  });
});
