import { describe, expect, it } from "vitest";
import {
  applyChecklistAction,
  type ChecklistItem,
  checklistKeyboard,
  clampPage,
  itemsOnPage,
  pageCount,
  readChecklistAction,
} from "../../../src/bot/conversations/indicators-checklist.ts";
import {
  describeShare,
  numberOf,
  percentOf,
  permilleText,
  pointsText,
} from "../../../src/bot/conversations/indicators-display.ts";
import { readDoneOfTotal, readNumber } from "../../../src/bot/conversations/indicators-input.ts";
import { DEFAULT_DEADLINE_RULES } from "../../../src/domain/deadlines.ts";
import { reportMetaSchema } from "../../../src/domain/reports/report-meta.ts";
import { translator } from "../../../src/i18n.ts";
import { readDraft } from "../../../src/services/indicators-draft.ts";
import { dueIndicators, reportChoices } from "../../../src/services/indicators-report.ts";
import { BOOK, V2026 } from "../../support/methodology.ts";

const ru = (key: string, params?: Record<string, unknown>) =>
  String(translator("ru")(key, params ?? {}));
const kk = (key: string, params?: Record<string, unknown>) =>
  String(translator("kk")(key, params ?? {}));
const items: ChecklistItem[] = Array.from({ length: 23 }, (_, i) => ({
  id: i + 1,
  label: `S${i + 1}`,
}));
const labels = { all: "all", none: "none", done: "done" };

describe("checklist paging", () => {
  it("splits 23 items into pages of 8, 8 and 7", () => {
    expect(pageCount(23)).toBe(3);
    expect(pageCount(0)).toBe(1);
    expect(itemsOnPage(items, 0).map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(itemsOnPage(items, 2).map((i) => i.id)).toEqual([17, 18, 19, 20, 21, 22, 23]);
    expect(clampPage(9, 23)).toBe(2);
    expect(clampPage(-1, 23)).toBe(0);
  });

  it("keeps ticks across pages and applies all and none", () => {
    let state = { ticked: [] as number[], page: 0 };
    state = applyChecklistAction(items, state, { kind: "toggle", id: 2 });
    state = applyChecklistAction(items, state, { kind: "page", page: 2 });
    state = applyChecklistAction(items, state, { kind: "toggle", id: 23 });
    expect(state).toEqual({ ticked: [2, 23], page: 2 });
    state = applyChecklistAction(items, state, { kind: "toggle", id: 2 });
    expect(state.ticked).toEqual([23]);
    expect(applyChecklistAction(items, state, { kind: "toggle", id: 99 }).ticked).toEqual([23]);
    expect(applyChecklistAction(items, state, { kind: "all" }).ticked).toHaveLength(23);
    expect(applyChecklistAction(items, state, { kind: "none" }).ticked).toEqual([]);
  });

  it("reads its own callback data and nothing else", () => {
    expect(readChecklistAction("ind:ck:t:12")).toEqual({ kind: "toggle", id: 12 });
    expect(readChecklistAction("ind:ck:p:2")).toEqual({ kind: "page", page: 2 });
    expect(readChecklistAction("ind:ck:all")).toEqual({ kind: "all" });
    expect(readChecklistAction("ind:skip")).toBeUndefined();
  });

  it("draws ticks, wrapping page arrows and the counter only for long lists", () => {
    const keyboard = checklistKeyboard(items, [1, 9], 1, labels).inline_keyboard.flat();
    const texts = keyboard.map((b) => b.text);
    expect(texts).toContain("☑ S9");
    expect(texts).toContain("☐ S10");
    expect(texts).toContain("2/3");
    const arrows = keyboard.filter((b) => b.text === "◀" || b.text === "▶");
    expect(arrows.map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([
      "ind:ck:p:0",
      "ind:ck:p:2",
    ]);
    const short = checklistKeyboard(items.slice(0, 3), [], 0, labels).inline_keyboard.flat();
    expect(short.map((b) => b.text)).toEqual(["☐ S1", "☐ S2", "☐ S3", "all", "none", "done"]);
  });
});

describe("share and points display", () => {
  it("shows done of total, the whole percent and the points with a decimal comma", () => {
    expect(describeShare({ done: 7, total: 10 }, 210, ru)).toBe("7 из 10 — 70 % — 2,1 балла");
    expect(describeShare({ done: 7, total: 10 }, 210, kk)).toBe("10 ішінен 7 — 70 % — 2,1 балл");
    expect(describeShare({ done: 2, total: 3 }, undefined, ru)).toBe("2 из 3 — 66 %");
    expect(describeShare({ done: 0, total: 0 }, 0, ru)).toContain("не применяется");
    expect(percentOf({ done: 1, total: 23 })).toBe(4);
  });

  it("uses Russian plural forms for whole points and a minus sign for penalties", () => {
    expect(pointsText(100, ru)).toBe("1 балл");
    expect(pointsText(300, ru)).toBe("3 балла");
    expect(pointsText(500, ru)).toBe("5 баллов");
    expect(pointsText(0, ru)).toBe("0 баллов");
    expect(pointsText(-1000, ru)).toBe("−10 баллов");
    expect(pointsText(-1000, kk)).toBe("−10 балл");
  });

  it("numbers projects and tasks as the methodology does, and tenths of percent exactly", () => {
    expect(numberOf("p1")).toBe("1");
    expect(numberOf("p2.t5")).toBe("2.5");
    expect(permilleText(18, 400)).toBe("4,5");
    expect(permilleText(20, 400)).toBe("5");
  });
});

describe("typed answers", () => {
  it("reads numbers and done-of-total in the usual ways", () => {
    expect(readNumber(" 1 200 ")).toBe(1200);
    expect(readNumber("2,5")).toBe(2.5);
    expect(readNumber("-3")).toBe(-3);
    expect(readNumber("три")).toBeUndefined();
    expect(readDoneOfTotal("7/10")).toEqual({ done: 7, total: 10 });
    expect(readDoneOfTotal("7 из 10")).toEqual({ done: 7, total: 10 });
    expect(readDoneOfTotal("7 10")).toEqual({ done: 7, total: 10 });
    expect(readDoneOfTotal("7")).toBeUndefined();
  });
});

describe("the report's indicators, periods and stored shapes", () => {
  it("gives a central body no regional-only indicator and an exempt body no project 1", () => {
    const central = dueIndicators(V2026, "annual", "central").map((d) => d.id);
    expect(central).toHaveLength(34);
    expect(central).not.toContain("p1.t5.s1");
    expect(central).not.toContain("p4.t1.s2");
    expect(dueIndicators(V2026, "annual", "regional")).toHaveLength(36);
    expect(
      dueIndicators(V2026, "annual", "regional", true).some((d) => d.id.startsWith("p1.")),
    ).toBe(false);
    expect(dueIndicators(V2026, "quarterly", "regional").map((d) => d.id)).toEqual(["p4.t1.s1"]);
    expect(dueIndicators(V2026, "quarterly", "central")).toEqual([]);
  });

  it("offers the period just ended first, and quarters only where a quarterly indicator applies", () => {
    const now = new Date("2026-01-16T10:00:00+05:00");
    expect(reportChoices(BOOK, now, DEFAULT_DEADLINE_RULES, "regional", "Asia/Almaty")).toEqual([
      { kind: "annual", periodKey: "2025", late: true },
      { kind: "quarterly", periodKey: "2025-Q4", late: true },
      { kind: "quarterly", periodKey: "2025-Q3", late: true },
    ]);
    expect(reportChoices(BOOK, now, DEFAULT_DEADLINE_RULES, "central", "Asia/Almaty")).toHaveLength(
      1,
    );
  });

  it("drops draft values that no longer pass their indicator's schema", () => {
    const draft = readDraft(V2026, {
      values: { "p1.t1.s1": true, "p1.t3.risks": { identified: 1, eliminated: 2, completed: 0 } },
    });
    expect(draft.values).toEqual({ "p1.t1.s1": true });
    expect(readDraft(V2026, "garbage").values).toEqual({});
  });

  it("validates the report meta", () => {
    expect(
      reportMetaSchema.safeParse({ p1Exempt: true, p1ExternalPlan: { done: 7, total: 10 } })
        .success,
    ).toBe(true);
    expect(reportMetaSchema.safeParse({ p1ExternalPlan: { done: 11, total: 10 } }).success).toBe(
      false,
    );
    expect(reportMetaSchema.safeParse({ other: 1 }).success).toBe(false);
  });
});
