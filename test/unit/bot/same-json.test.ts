import { describe, expect, it } from "vitest";
import { sameJson } from "../../../src/db/update-scope.ts";

/** What the database hands back for a value written as JSON. */
const stored = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;

describe("sameJson, which decides whether a chat's state is written back", () => {
  it("finds values equal whatever the order of their keys", () => {
    expect(
      sameJson(
        { a: 1, b: { c: [1, { d: "x", e: null }] } },
        { b: { c: [1, { e: null, d: "x" }] }, a: 1 },
      ),
    ).toBe(true);
  });

  it("agrees with JSON.stringify on what a value stores (undefined, dates, NaN)", () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1.5,
      Number.NaN,
      'текст "в кавычках"\n',
      true,
      [],
      {},
      [1, undefined, () => 1, "a"],
      { b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined }, e: new Date("2026-11-03T06:00:00Z") },
    ];
    for (const value of values) expect(sameJson(stored(value), value)).toBe(true);
    expect(sameJson(stored({ a: 1 }), { a: 1, b: undefined })).toBe(true);
    expect(sameJson(stored({ a: 1 }), { a: 1, b: null })).toBe(false);
    expect(
      sameJson(stored({ a: "2026-11-03T06:00:00.000Z" }), { a: new Date("2026-11-03T06:00:01Z") }),
    ).toBe(false);
  });

  it("tells every change apart, so no change of state is skipped", () => {
    const base = { a: 1, list: [1, 2], nested: { b: "x" } };
    const changed = [
      { a: 2, list: [1, 2], nested: { b: "x" } },
      { a: 1, list: [2, 1], nested: { b: "x" } },
      { a: 1, list: [1, 2, 3], nested: { b: "x" } },
      { a: 1, list: [1, 2], nested: { b: "y" } },
      { a: 1, list: [1, 2], nested: { b: "x", c: 1 } },
      { a: 1, list: [1, 2], nested: {} },
      { a: 1, list: [1, 2], nested: null },
      { a: 1, list: { 0: 1, 1: 2 }, nested: { b: "x" } },
      { a: "1", list: [1, 2], nested: { b: "x" } },
      { a: 1, list: [1, 2], other: { b: "x" } },
    ];
    for (const value of changed) expect(sameJson(stored(base), value)).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, [])).toBe(false);
  });
});
