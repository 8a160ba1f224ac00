export const PAGE_SIZE = 50;

export interface Pager {
  page: number;
  pages: number;
  prevHref: string | null;
  nextHref: string | null;
}

/** The page number a `?page=` asks for: anything that is not a whole number from 1 is page 1. */
export function pageParam(raw: unknown): number {
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

/** One page of a long list (50 a page), and links to the pages either side (past the last page: the last). */
export function paginate<T>(items: T[], page: number, hrefFor: (page: number) => string, size = PAGE_SIZE): { items: T[]; pager: Pager | null } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return {
    items: items.slice((p - 1) * size, p * size),
    pager: pages > 1 ? { page: p, pages, prevHref: p > 1 ? hrefFor(p - 1) : null, nextHref: p < pages ? hrefFor(p + 1) : null } : null,
  };
}
