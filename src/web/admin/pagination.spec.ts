import { pageNumber, pager } from './pagination';

describe('pagination', () => {
  it('reads a page number, falling back to the first page', () => {
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber(undefined)).toBe(1);
    expect(pageNumber('0')).toBe(1);
    expect(pageNumber('-2')).toBe(1);
    expect(pageNumber('2x')).toBe(1);
    expect(pageNumber(['2', '3'])).toBe(1);
  });

  it('links neighbouring pages and keeps the filters', () => {
    const p = pager('/admin/users', { role: 'trainee', q: 'ana lópez', active: undefined }, 2, { total: 120 });
    expect(p).toEqual({ page: 2, pages: 3, prevHref: '/admin/users?role=trainee&q=ana+l%C3%B3pez', nextHref: '/admin/users?role=trainee&q=ana+l%C3%B3pez&page=3' });
    expect(pager('/x', {}, 1, { total: 0 })).toEqual({ page: 1, pages: 1, prevHref: null, nextHref: null });
    expect(pager('/x', {}, 1, { total: 50 }).nextHref).toBeNull();
    expect(pager('/x', {}, 1, { total: 51 }).nextHref).toBe('/x?page=2');
  });

  it('without a total, follows whether another page exists', () => {
    expect(pager('/a', { action: 'user.update' }, 4, { hasNext: true })).toEqual({ page: 4, pages: null, prevHref: '/a?action=user.update&page=3', nextHref: '/a?action=user.update&page=5' });
    expect(pager('/a', {}, 1, { hasNext: false }).nextHref).toBeNull();
  });
});
