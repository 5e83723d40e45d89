import { forPeople, startBanner } from './start-banner';

describe('what ebp start prints', () => {
  it('gives every address at the gateway’s one origin, as a person would type it', () => {
    const printed = startBanner(
      'all-in-one',
      {
        origin: 'http://127.0.0.1:40985',
        publicUrl: 'https://ebp.met.example',
        devUrl: 'http://127.0.0.1:40985/dev',
      },
      { webPage: true, extra: ['  Data         /srv/ebp/data'] },
    );
    expect(printed).toContain('EBP Platform is running (all-in-one) at http://localhost:40985\n');
    for (const line of [
      '  Web page     http://localhost:40985/',
      '  GraphQL      http://localhost:40985/graphql',
      '  Library feed http://localhost:40985/feeds/library.atom',
      '  Public page  http://localhost:40985/public/library, http://localhost:40985/public/library.json (no token)',
      '  Webhook      POST http://localhost:40985/webhooks/partners/<organisation>/outcomes (Standard Webhooks)',
      '  JWKS         http://localhost:40985/.well-known/jwks.json',
      '  Health       http://localhost:40985/health/live, http://localhost:40985/health/ready',
      '  Links to     https://ebp.met.example (in the feed and deliveries; EBP_PUBLIC_URL)',
      '  Demo users   curl http://localhost:40985/dev/users',
      '  Data         /srv/ebp/data',
    ])
      expect(printed.split('\n')).toContain(line);
    // No address but the one origin's (and the public URL's).
    const addresses = printed.match(/https?:\/\/[^\s/]+/g) ?? [];
    expect(new Set(addresses)).toEqual(
      new Set(['http://localhost:40985', 'https://ebp.met.example']),
    );
  });

  it('says when the page is not built, and has no demo users without a development issuer', () => {
    const printed = startBanner(
      'all-in-one, production',
      { origin: 'http://0.0.0.0:4000', publicUrl: 'https://ebp.met.example' },
      { webPage: false },
    );
    expect(printed).toContain('  Web page     not built (npm run build -w @ebp/web)');
    expect(printed).toContain('  GraphQL      http://localhost:4000/graphql');
    expect(printed).not.toContain('Demo users');
  });

  it('names loopback and every-interface hosts localhost, and leaves other hosts alone', () => {
    expect(forPeople('http://127.0.0.1:4000/graphql')).toBe('http://localhost:4000/graphql');
    expect(forPeople('http://[::1]:4000')).toBe('http://localhost:4000');
    expect(forPeople('http://0.0.0.0:4000')).toBe('http://localhost:4000');
    expect(forPeople('http://127.0.0.10:4000')).toBe('http://127.0.0.10:4000');
    expect(forPeople('https://ebp.met.example')).toBe('https://ebp.met.example');
  });
});
