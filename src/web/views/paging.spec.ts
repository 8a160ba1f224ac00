import { pageParam, paginate } from './paging';

describe('paging', () => {
  const items = Array.from({ length: 120 }, (_, i) => i);
  const href = (p: number) => `?page=${p}`;

  it('cuts 50 a page with links either side', () => {
    const two = paginate(items, 2, href);
    expect(two.items[0]).toBe(50);
    expect(two.items).toHaveLength(50);
    expect(two.pager).toEqual({ page: 2, pages: 3, prevHref: '?page=1', nextHref: '?page=3' });
    expect(paginate(items, 3, href).items).toHaveLength(20);
  });

  it('shows no pager for one page, and the last page past the end', () => {
    expect(paginate(items.slice(0, 50), 1, href).pager).toBeNull();
    expect(paginate(items, 9, href).pager?.page).toBe(3);
  });

  it('reads ?page= as a whole number from 1, else 1', () => {
    expect(['2', '0', '-1', 'x', '1.5', undefined, ['2']].map(pageParam)).toEqual([2, 1, 1, 1, 1, 1, 1]);
  });
});
