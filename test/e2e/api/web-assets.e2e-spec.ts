import { baseUrl } from '../support/http';

/**
 * How the API serves the built web app: the files under assets/ are named by their content, so a
 * browser keeps them instead of asking again on every page load; the page that names them is
 * checked each time, so a new release is picked up at once.
 */
describe('the web app’s files', () => {
  it('are kept by browsers for a year when named by content, the page itself checked on each load', async () => {
    const page = await fetch(`${baseUrl()}/rankings`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control') ?? '').not.toContain('immutable');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await fetch(`${baseUrl()}${asset}`);
      expect({
        asset,
        status: response.status,
        cacheControl: response.headers.get('cache-control'),
      }).toEqual({
        asset,
        status: 200,
        cacheControl: 'public, max-age=31536000, immutable',
      });
    }
    // A name that no longer exists (an old release) is not kept: it falls back to the page.
    const missing = await fetch(`${baseUrl()}/assets/index-00000000.js`);
    expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable');
  });
});
