import { describe, expect, it } from "vitest";
import { canonicalJson, sameJson } from "../../../src/db/update-scope.ts";

describe("sameJson, which decides whether a chat's state is written back", () => {
  it("finds values equal whatever the order of their keys", () => {
    expect(
      sameJson(
        { a: 1, b: { c: [1, { d: "x", e: null }] } },
        { b: { c: [1, { e: null, d: "x" }] }, a: 1 },
      ),
    ).toBe(true);
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
    for (const value of changed) expect(sameJson(base, value)).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});

describe("canonicalJson", () => {
  it("writes what JSON.stringify writes, with every object's keys sorted", () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1.5,
      'текст "в кавычках"\n',
      true,
      [],
      {},
      [1, undefined, () => 1, "a"],
      { b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined }, e: new Date("2026-11-03T06:00:00Z") },
    ];
    for (const value of values) {
      const canonical = canonicalJson(value);
      expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(value ?? null)));
      expect(canonicalJson(JSON.parse(canonical))).toBe(canonical);
    }
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});
