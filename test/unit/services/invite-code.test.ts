import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateInviteCode,
  INVITE_CODE_PATTERN,
  inviteLink,
  isInviteCode,
} from "../../../src/services/invites.ts";

describe("invite codes", () => {
  it("fit Telegram's start payload: 1–64 characters of A–Z, a–z, 0–9, _ and -", () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateInviteCode();
      expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(code.length).toBeLessThanOrEqual(64);
    }
  });

  it("carry at least 128 random bits (24 base64url characters)", () => {
    expect(generateInviteCode()).toHaveLength(24);
  });

  it("do not repeat across many draws", () => {
    const codes = new Set(Array.from({ length: 10_000 }, generateInviteCode));
    expect(codes.size).toBe(10_000);
  });

  it("vary in every position (no fixed characters)", () => {
    const seen = Array.from({ length: 24 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      for (const [index, char] of [...generateInviteCode()].entries()) seen[index]?.add(char);
    }
    for (const chars of seen) expect(chars.size).toBeGreaterThan(40);
  });

  it("recognises only payloads Telegram could deliver as codes", () => {
    expect(isInviteCode(generateInviteCode())).toBe(true);
    expect(isInviteCode("")).toBe(false);
    expect(isInviteCode("a".repeat(65))).toBe(false);
    expect(isInviteCode("код")).toBe(false);
    expect(isInviteCode("abc def")).toBe(false);
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(isInviteCode(text)).toBe(INVITE_CODE_PATTERN.test(text));
      }),
    );
  });

  it("make a t.me deep link that starts the bot with the code", () => {
    expect(inviteLink("AdaldyqBot", "Ab_9-x")).toBe("https://t.me/AdaldyqBot?start=Ab_9-x");
  });
});
