/** Long lists show this many rows a page (`?page=`). */
export const PAGE_SIZE = 50;

/** The page number asked for: a whole number from 1, else the first page. */
export function pageNumber(raw: unknown): number {
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

export interface Pager {
  page: number;
  /** null when the total is not counted (the audit log): then `hasNext` decides. */
  pages: number | null;
  prevHref: string | null;
  nextHref: string | null;
}

/**
 * Links to the previous and next page that keep the list's filters. `total` is the number
 * of rows when known; otherwise `hasNext` says whether another page follows.
 */
export function pager(path: string, filters: Record<string, string | undefined>, page: number, o: { total?: number; hasNext?: boolean; size?: number }): Pager {
  const size = o.size ?? PAGE_SIZE;
  const pages = o.total === undefined ? null : Math.max(1, Math.ceil(o.total / size));
  const hasNext = pages === null ? !!o.hasNext : page < pages;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return { page, pages, prevHref: page > 1 ? href(page - 1) : null, nextHref: hasNext ? href(page + 1) : null };
}
