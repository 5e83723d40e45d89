/**
 * Paging of lists, as the graph's other lists page (the register's `researchProjects`): `limit`
 * and `offset`, a page of 50 unless asked, never more than 200 (the query-cost rule's largest
 * page), and the total over all pages.
 */
export interface PageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

export interface Page<Item> {
  readonly items: Item[];
  /** Matching items over all pages. */
  readonly total: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The window a request asks for, within bounds. */
export function pageWindow(request: PageRequest = {}): { limit: number; offset: number } {
  return {
    limit: Math.min(Math.max(Math.floor(request.limit ?? DEFAULT_PAGE_SIZE), 0), MAX_PAGE_SIZE),
    offset: Math.max(Math.floor(request.offset ?? 0), 0),
  };
}
