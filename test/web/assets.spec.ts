import { createTestApp, TestApp } from '../support/test-app';

/**
 * The stylesheet and everything it names: each file it points to is served (an icon that
 * 404s leaves an alert or a checkbox without its mark), under an address that changes with
 * its content, and no web font is downloaded (system fonts keep pages light).
 */
describe('assets', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('serves the stylesheet the pages link, and every image it names, cached for a year', async () => {
    const page = await t.http.get('/signin').expect(200);
    const links = [...page.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toHaveLength(1);
    const css = await t.http.get(links[0]).expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.text).not.toContain('@font-face');
    const urls = [...new Set([...css.text.matchAll(/url\("?([^")]+)"?\)/g)].map((m) => m[1]))];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).toMatch(/^\/assets\/img-[0-9.]+\//);
      const res = await t.http.get(url);
      expect([url, res.status, res.headers['content-type']]).toEqual([url, 200, expect.stringMatching(/^image\/svg\+xml/)]);
      expect(res.headers['cache-control']).toContain('immutable');
    }
  });

  it('answers 404 for a path that leaves the assets folder', async () => {
    await t.http.get('/assets/..%2f..%2fpackage.json').expect(404);
  });
});
