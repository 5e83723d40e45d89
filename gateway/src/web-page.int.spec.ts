// The gateway serving the intranet page beside the graph: files, the page for its own routes,
// its security headers, and the graph and health endpoints untouched.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevelopmentIssuer } from '@ebp/platform';
import { startGateway, type RunningGateway } from './gateway-server';
import { webPage } from './web-page';

describe('the gateway serving the web page', () => {
  let gateway: RunningGateway;
  let base: string;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'ebp-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>EBP</title><div id="root"></div>',
    );
    writeFileSync(join(root, 'assets', 'page.js'), 'console.log("page")');
    const issuer = await DevelopmentIssuer.create();
    gateway = await startGateway({
      subgraphUrls: Object.fromEntries(
        ['register', 'community', 'partners', 'dissemination'].map((name) => [
          name,
          'http://127.0.0.1:9/graphql',
        ]),
      ),
      verifier: issuer.verifier(),
      identitySecret: 'a-test-secret-that-is-at-least-32-characters-long',
      port: 0,
      webRoot: root,
    });
    base = gateway.url.replace(/graphql$/, '');
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('serves the page at / and for its own routes, with a strict content security policy', async () => {
    for (const path of ['', 'register/demo-hot-spots?asOf=2026-03-31']) {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves its files, and a missing file is a 404, not the page', async () => {
    const script = await fetch(`${base}assets/page.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const missing = await fetch(`${base}assets/missing.js`, { headers: { accept: '*/*' } });
    expect(missing.status).toBe(404);
  });

  it('leaves the graph and the health endpoints to themselves', async () => {
    const graph = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html, application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graph.headers.get('content-type')).toContain('application/json');
    const health = await fetch(`${base}health/live`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toContain('application/json');
  });

  it('refuses to start without a built page', () => {
    expect(() => webPage(mkdtempSync(join(tmpdir(), 'ebp-web-empty-')))).toThrow(
      'No built web page',
    );
  });
});
