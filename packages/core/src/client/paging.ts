/** Paging: lists as AsyncIterables that fetch the next page only when it is needed. */
import type { Page, PagedIterable, PageQuery } from "./types.js";

/** Page size used when walking every page (coreplus's maximum). */
export const ITERATE_PAGE_SIZE = 100;

/**
 * Walks pages from `start.pageNumber` (default 1) with `start.pageSize` (default 100) until a short
 * or empty page, or until the page that reaches `totalRows`.
 */
export function pagedIterable<T>(
  fetchPage: (paging: Required<PageQuery>) => Promise<Page<T>>,
  start: PageQuery = {},
): PagedIterable<T> {
  const requested = Math.min(start.pageSize ?? ITERATE_PAGE_SIZE, ITERATE_PAGE_SIZE);
  async function* walk(): AsyncGenerator<T, void, undefined> {
    let pageNumber = start.pageNumber ?? 1;
    for (;;) {
      const page = await fetchPage({ pageNumber, pageSize: requested });
      yield* page.items;
      // The server may clamp the page size; a page is short relative to the size it says it used.
      const size = page.paging?.pageSize ?? requested;
      if (page.items.length === 0 || page.items.length < size) return;
      if (page.paging !== undefined && (pageNumber - 1) * size + page.items.length >= page.paging.totalRows)
        return;
      pageNumber++;
    }
  }
  return {
    [Symbol.asyncIterator]: walk,
    async toArray(opts = {}) {
      const limit = opts.limit ?? Number.POSITIVE_INFINITY;
      const out: T[] = [];
      if (limit <= 0) return out;
      for await (const item of walk()) {
        out.push(item);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
