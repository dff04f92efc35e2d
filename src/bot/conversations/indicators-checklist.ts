import { InlineKeyboard } from "grammy";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";

/** Items a checklist page shows; long lists are paged with ◀ ▶. */
export const CHECKLIST_PAGE_SIZE = 8;

/** One tickable line: a directory member. */
export interface ChecklistItem {
  id: number;
  label: string;
}

/** Callback data of the checklist's buttons. */
export const CHECKLIST_DATA = {
  toggle: (id: number) => `ind:ck:t:${id}`,
  page: (page: number) => `ind:ck:p:${page}`,
  all: "ind:ck:all",
  none: "ind:ck:none",
  done: "ind:ck:ok",
} as const;

/** How many pages a list of `count` items takes (at least one). */
export function pageCount(count: number, size = CHECKLIST_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / size));
}

/** A page number kept within the list's pages. */
export function clampPage(page: number, count: number, size = CHECKLIST_PAGE_SIZE): number {
  return Math.min(Math.max(0, page), pageCount(count, size) - 1);
}

/** The items on one page (0-based). */
export function itemsOnPage<T>(items: readonly T[], page: number, size = CHECKLIST_PAGE_SIZE): T[] {
  const start = clampPage(page, items.length, size) * size;
  return items.slice(start, start + size);
}

/** Ticks an unticked item or unticks a ticked one; ids outside the list are ignored. */
export function toggleTick(
  items: readonly ChecklistItem[],
  ticked: readonly number[],
  id: number,
): number[] {
  if (!items.some((i) => i.id === id)) return [...ticked];
  return ticked.includes(id) ? ticked.filter((t) => t !== id) : [...ticked, id];
}

/** Ticks kept only for items still in the list, in list order. */
export function keepTicks(items: readonly ChecklistItem[], ticked: readonly number[]): number[] {
  const set = new Set(ticked);
  return items.filter((i) => set.has(i.id)).map((i) => i.id);
}

/** What a checklist button asks for, or undefined when the data is not a checklist button. */
export type ChecklistAction =
  | { kind: "toggle"; id: number }
  | { kind: "page"; page: number }
  | { kind: "all" }
  | { kind: "none" }
  | { kind: "done" };

/** Reads a checklist button's callback data. */
export function readChecklistAction(data: string): ChecklistAction | undefined {
  if (data === CHECKLIST_DATA.all) return { kind: "all" };
  if (data === CHECKLIST_DATA.none) return { kind: "none" };
  if (data === CHECKLIST_DATA.done) return { kind: "done" };
  const m = /^ind:ck:([tp]):(\d+)$/.exec(data);
  if (!m) return undefined;
  const n = Number(m[2]);
  return m[1] === "t" ? { kind: "toggle", id: n } : { kind: "page", page: n };
}

/** The checklist state after a button (the "done" action changes nothing). */
export function applyChecklistAction(
  items: readonly ChecklistItem[],
  state: { ticked: number[]; page: number },
  action: ChecklistAction,
): { ticked: number[]; page: number } {
  switch (action.kind) {
    case "toggle":
      return { ...state, ticked: keepTicks(items, toggleTick(items, state.ticked, action.id)) };
    case "page":
      return { ...state, page: clampPage(action.page, items.length) };
    case "all":
      return { ...state, ticked: items.map((i) => i.id) };
    case "none":
      return { ...state, ticked: [] };
    case "done":
      return state;
  }
}

/** Labels of the checklist's own buttons, in the user's language. */
export interface ChecklistLabels {
  all: string;
  none: string;
  done: string;
}

/** Telegram shows long button texts cut anyway; keep them readable on a phone. */
function shorten(text: string, max = 48): string {
  return truncateGraphemes(text, max);
}

/** One page of ticks (☑/☐), then ◀ n/N ▶ when paged, then all / none, then done. */
export function checklistKeyboard(
  items: readonly ChecklistItem[],
  ticked: readonly number[],
  page: number,
  labels: ChecklistLabels,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const current = clampPage(page, items.length);
  for (const item of itemsOnPage(items, current)) {
    const mark = ticked.includes(item.id) ? "☑" : "☐";
    keyboard.text(`${mark} ${shorten(item.label)}`, CHECKLIST_DATA.toggle(item.id)).row();
  }
  const pages = pageCount(items.length);
  if (pages > 1) {
    keyboard
      .text("◀", CHECKLIST_DATA.page((current - 1 + pages) % pages))
      .text(`${current + 1}/${pages}`, CHECKLIST_DATA.page(current))
      .text("▶", CHECKLIST_DATA.page((current + 1) % pages))
      .row();
  }
  keyboard.text(labels.all, CHECKLIST_DATA.all).text(labels.none, CHECKLIST_DATA.none).row();
  keyboard.text(labels.done, CHECKLIST_DATA.done);
  return keyboard;
}
