/** Where one page of a list of `total` items starts, the page kept in range (0-based), and how many pages there are. */
export function pageWindow(
  page: number,
  perPage: number,
  total: number,
): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { page: current, pages, offset: current * perPage };
}
