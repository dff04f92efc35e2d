import { describe, expect, it } from "vitest";
import { reviewButtons } from "../../../src/bot/features/review-buttons.ts";
import {
  encodeFilter,
  isNarrowed,
  parseFilter,
  type ReviewFilter,
  withFilter,
} from "../../../src/bot/features/review-filter.ts";
import { pageWindow } from "../../../src/domain/paging.ts";

describe("the review list's filter in button data", () => {
  const full: ReviewFilter = {
    status: "accepted",
    kind: "quarterly",
    periodKey: "2026-Q3",
    bodyId: 123456,
    page: 41,
  };

  it("round-trips every part, and fits Telegram's 64 bytes with the longest prefix", () => {
    const text = encodeFilter(full);
    expect(text).toBe("a:q:2026-Q3:123456:41");
    expect(parseFilter(text)).toEqual(full);
    const data = reviewButtons.data("fb", full, 99);
    expect(data).toBe(`rv:fb:${text}:99`);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(reviewButtons.decode("fb", data)).toEqual([full, 99]);
  });

  it("writes what is not narrowed as _", () => {
    const start: ReviewFilter = { status: "submitted", page: 0 };
    expect(encodeFilter(start)).toBe("s:_:_:_:0");
    expect(parseFilter("s:_:_:_:0")).toEqual(start);
    expect(parseFilter("r:y:2025:_:3")).toEqual({
      status: "returned",
      kind: "annual",
      periodKey: "2025",
      page: 3,
    });
  });

  it("refuses what it did not write", () => {
    for (const bad of [
      "",
      "x:_:_:_:0",
      "s:z:_:_:0",
      "s:_:2026-13:_:0",
      "s:_:_:abc:0",
      "s:_:_:_:-1",
      "s:_:_:_:0:extra",
      "s:_:_:_",
      "s:_:_:0:0",
      "s:_:_:99999999999:0",
      "s:_:_:_:99999",
    ]) {
      expect(parseFilter(bad), bad).toBeUndefined();
    }
  });

  it("reads the list buttons sent before filters, a bare status, and nothing else", () => {
    expect(reviewButtons.decode("l", "rv:l:returned")).toEqual([{ status: "returned", page: 0 }]);
    expect(reviewButtons.decode("l", "rv:l:s:_:_:_:2")).toEqual([{ status: "submitted", page: 2 }]);
    expect(reviewButtons.data("l", { status: "accepted", page: 0 })).toBe("rv:l:a:_:_:_:0");
    for (const bad of ["rv:l:deleted", "rv:l:", "rv:l", "rv:fp:returned:0", "rv:fp:s:_:_:_:0"]) {
      const action = bad.startsWith("rv:fp") ? "fp" : "l";
      expect(reviewButtons.decode(action, bad), bad).toBeUndefined();
    }
  });

  it("starts again at the first page whenever the filter changes, and clears parts", () => {
    const next = withFilter(full, { bodyId: undefined, kind: "monthly" });
    expect(next).toEqual({ status: "accepted", kind: "monthly", periodKey: "2026-Q3", page: 0 });
    expect("bodyId" in next).toBe(false);
    expect(withFilter(full, { page: 2 }).page).toBe(2);
    expect(
      isNarrowed(withFilter(full, { kind: undefined, periodKey: undefined, bodyId: undefined })),
    ).toBe(false);
    expect(isNarrowed(next)).toBe(true);
  });
});

describe("a page of a list", () => {
  it("counts pages and keeps the page in range", () => {
    expect(pageWindow(0, 8, 0)).toEqual({ page: 0, pages: 1, offset: 0 });
    expect(pageWindow(1, 8, 17)).toEqual({ page: 1, pages: 3, offset: 8 });
    expect(pageWindow(5, 8, 17)).toEqual({ page: 2, pages: 3, offset: 16 });
    expect(pageWindow(-3, 8, 17)).toEqual({ page: 0, pages: 3, offset: 0 });
    expect(pageWindow(2, 8, 16)).toEqual({ page: 1, pages: 2, offset: 8 });
  });
});
