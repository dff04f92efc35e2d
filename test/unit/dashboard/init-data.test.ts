import { describe, expect, it } from "vitest";
import { validateInitData } from "../../../src/dashboard/init-data.ts";
import { initDataFor, signInitData } from "../../support/init-data.ts";

const token = "123456:TEST-TOKEN";
const now = new Date("2026-11-20T09:00:00Z");
const options = { now, maxAgeSeconds: 86_400 };

describe("validateInitData (Telegram's Web Apps signature)", () => {
  it("trusts initData signed with this bot's key, and reads the user from it", () => {
    const result = validateInitData(
      initDataFor({ id: 3001, languageCode: "kk" }, token, now),
      token,
      options,
    );
    expect(result).toEqual({
      ok: true,
      user: { id: 3001, firstName: "Test", languageCode: "kk" },
      authDate: now,
    });
  });

  it("checks Telegram's own worked example the same way (every field but hash, sorted)", () => {
    // Field order in the string does not matter; a signature field is signed like any other.
    const fields = {
      user: JSON.stringify({ id: 279058397, first_name: "Vladislav" }),
      query_id: "AAHdF6IQAAAAAN0XohDhrOrc",
      auth_date: String(Math.floor(now.getTime() / 1000)),
      signature: "abc",
    };
    expect(validateInitData(signInitData(fields, token), token, options).ok).toBe(true);
  });

  it("refuses a changed field, another bot's signature, a bad hash and no data", () => {
    const good = initDataFor({ id: 3001 }, token, now);
    expect(validateInitData(good.replace("3001", "3004"), token, options)).toEqual({
      ok: false,
      reason: "badSignature",
    });
    expect(validateInitData(good, "654321:OTHER", options)).toEqual({
      ok: false,
      reason: "badSignature",
    });
    expect(validateInitData(good.replace(/hash=[0-9a-f]+/, "hash=zz"), token, options)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(validateInitData("", token, options)).toEqual({ ok: false, reason: "missing" });
    expect(validateInitData(undefined, token, options)).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses initData older than the allowed age, or from the future", () => {
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(validateInitData(initDataFor({ id: 1 }, token, at(-86_400)), token, options).ok).toBe(
      true,
    );
    expect(validateInitData(initDataFor({ id: 1 }, token, at(-86_401)), token, options)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(validateInitData(initDataFor({ id: 1 }, token, at(120)), token, options)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses signed data without a user", () => {
    const noUser = signInitData({ auth_date: String(Math.floor(now.getTime() / 1000)) }, token);
    expect(validateInitData(noUser, token, options)).toEqual({ ok: false, reason: "malformed" });
  });
});
