import { describe, expect, it } from "vitest";
import { type MainMenuItem, mainMenuItems, menuItemsFor } from "../../../src/bot/main-menu.ts";
import { dataKey } from "../../../src/i18n-keys.ts";

const ids = (items: MainMenuItem[]) => items.map((item) => item.id);
// The shipped list grows as features add buttons; the filtering is tested on a fixed copy of its start.
const items = mainMenuItems.filter((item) =>
  ["monthly", "indicators", "score", "leaderboard", "invite", "addBody"].includes(item.id),
);
const allHandled = new Set(items.map((item) => item.id));

describe("the main menu", () => {
  it("shows a commissioner the monthly report, their score and the leaderboard", () => {
    expect(ids(menuItemsFor("commissioner", items, allHandled))).toEqual([
      "monthly",
      "score",
      "leaderboard",
    ]);
  });

  it("shows an officer the indicators, their score and the leaderboard", () => {
    expect(ids(menuItemsFor("officer", items, allHandled))).toEqual([
      "indicators",
      "score",
      "leaderboard",
    ]);
  });

  it("shows a manager their score and the leaderboard", () => {
    expect(ids(menuItemsFor("manager", items, allHandled))).toEqual(["score", "leaderboard"]);
  });

  it("shows an admin only the items that list admins, not every role's", () => {
    expect(ids(menuItemsFor("admin", items, allHandled))).toEqual([
      "leaderboard",
      "invite",
      "addBody",
    ]);
  });

  it("hides items no feature handles yet", () => {
    expect(ids(menuItemsFor("commissioner", items, new Set(["leaderboard"])))).toEqual([
      "leaderboard",
    ]);
    expect(menuItemsFor("officer", items, new Set())).toEqual([]);
  });

  it("keeps the order of the list", () => {
    const fixture: MainMenuItem[] = [
      { id: "b", labelKey: dataKey("b"), helpKey: dataKey("b"), roles: ["officer"] },
      { id: "a", labelKey: dataKey("a"), helpKey: dataKey("a"), roles: ["officer"] },
    ];
    expect(ids(menuItemsFor("officer", fixture, new Set(["a", "b"])))).toEqual(["b", "a"]);
  });

  it("has unique ids and a label and help text in both languages for each", async () => {
    const { translator } = await import("../../../src/i18n.ts");
    expect(new Set(ids([...mainMenuItems])).size).toBe(mainMenuItems.length);
    for (const lang of ["kk", "ru"] as const) {
      const t = translator(lang);
      for (const item of mainMenuItems) {
        expect(t(item.labelKey), `${lang} ${item.labelKey}`).not.toBe(item.labelKey.split(":")[1]);
        expect(t(item.helpKey), `${lang} ${item.helpKey}`).not.toBe(item.helpKey.split(":")[1]);
      }
    }
  });
});
