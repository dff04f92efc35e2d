/** Buttons one page of a checklist or of the indicator list shows. */
export const PAGE_SIZE = 8;

/** How many pages `count` items take (at least one). */
export function pageCount(count: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / size));
}

/** A page number kept within the pages of `count` items. */
export function clampPage(page: number, count: number, size = PAGE_SIZE): number {
  return Math.min(Math.max(0, page), pageCount(count, size) - 1);
}

/** The items of one page (0-based). */
export function itemsOnPage<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  const start = clampPage(page, items.length, size) * size;
  return items.slice(start, start + size);
}

/** A page number from button data ("p:2" → 2); undefined when it is not one. */
export function readPage(data: string): number | undefined {
  const match = /^p:(\d{1,3})$/.exec(data);
  return match ? Number(match[1]) : undefined;
}
