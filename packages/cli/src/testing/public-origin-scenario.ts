// One public origin (issue 18), against either run mode: what people and partner systems reach
// besides the graph — the library's Atom feed, the JWKS, the health endpoints, the partner
// webhook — is at the gateway's one port, and the feed's links are at the public URL. The signed
// webhook that is taken in is the partners scenario's (through the gateway too).
import { randomUUID } from 'node:crypto';
import {
  jwksVerifier,
  DEVELOPMENT_ISSUER,
  PLATFORM_AUDIENCE,
  type DevelopmentIssuer,
} from '@ebp/platform';
import { postPartnerOutcome } from '../partner-webhook';
import { GraphClient } from '../graph-client';
import { DRAFT, PUBLISH } from './dissemination-scenario';
import type { PlatformUnderTest } from './platform-under-test';

/** An editor drafts and publishes an OFFICIAL item, so that the library's feed carries it. */
export async function publishLibraryItem(
  platform: { readonly url: string; readonly issuer: DevelopmentIssuer },
  itemId: string,
  classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE' = 'OFFICIAL',
): Promise<void> {
  const rob = new GraphClient(platform.url, await platform.issuer.tokenFor('rob'));
  await rob.must(DRAFT, {
    id: itemId,
    c: {
      kind: 'evidence_summary',
      title: `Linked at the platform's origin ${itemId}`,
      summary: 'What the evidence says, with its link at the platform’s public URL.',
      year: 2026,
      tags: { crimeProblems: ['burglary'] },
      classification,
      // An OFFICIAL-SENSITIVE item is read by those named (and the committee).
      ...(classification === 'OFFICIAL_SENSITIVE' ? { needToKnow: ['person-rob'] } : {}),
    },
  });
  await rob.must(PUBLISH, { id: itemId });
}

/** The library's feed as a syndicating reader gets it from the platform's one origin. */
export async function libraryFeed(origin: string): Promise<string> {
  const response = await fetch(`${origin}/feeds/library.atom`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
  return response.text();
}

export function publicOriginScenario(running: () => PlatformUnderTest): void {
  it('serves the library’s Atom feed at the gateway’s origin, its links at the public URL', async () => {
    const { origin, publicUrl } = running();
    const itemId = `e2e-${randomUUID().slice(0, 8)}-feed`;
    await publishLibraryItem(running(), itemId);
    const xml = await libraryFeed(origin);
    expect(xml).toContain(`<link rel="alternate" href="${publicUrl}/library/${itemId}"/>`);
    expect(xml).toContain(`<link rel="self" href="${publicUrl}/feeds/library.atom"/>`);
  });

  it('serves the public page and its JSON-LD at the gateway’s origin without a token: published OFFICIAL items only', async () => {
    const { origin, publicUrl } = running();
    const run = randomUUID().slice(0, 8);
    await publishLibraryItem(running(), `e2e-${run}-public`);
    await publishLibraryItem(running(), `e2e-${run}-sensitive`, 'OFFICIAL_SENSITIVE');
    const json = await fetch(`${origin}/public/library.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const list = (await json.json()) as {
      '@context': string;
      '@id': string;
      itemListElement: { item: { name: string } }[];
    };
    expect(list['@context']).toBe('https://schema.org');
    expect(list['@id']).toBe(`${publicUrl}/public/library`);
    const names = list.itemListElement.map((element) => element.item.name);
    expect(names).toContain(`Linked at the platform's origin e2e-${run}-public`);
    expect(names).not.toContain(`Linked at the platform's origin e2e-${run}-sensitive`);
    const page = await fetch(`${origin}/public/library`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(`e2e-${run}-public`);
    expect(html).not.toContain(`e2e-${run}-sensitive`);
    const bad = await fetch(`${origin}/public/library.json?limit=1000`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_LIMIT' });
  });

  it('serves the JWKS at the gateway’s origin: the keys the platform’s tokens verify against', async () => {
    const response = await fetch(`${running().origin}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const jwks = (await response.json()) as Parameters<typeof jwksVerifier>[0];
    expect(jwks).toEqual(running().issuer.jwks);
    const verifier = jwksVerifier(jwks, DEVELOPMENT_ISSUER, PLATFORM_AUDIENCE);
    expect(await verifier.verify(await running().issuer.tokenFor('rae'))).toMatchObject({
      actor: { kind: 'person', id: 'person-rae' },
    });
  });

  it('answers the health endpoints at the gateway’s origin', async () => {
    const live = await fetch(`${running().origin}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'live' });
    const ready = await fetch(`${running().origin}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('passes the partner webhook’s refusals through as the service’s problem documents', async () => {
    const body = JSON.stringify({ kind: 'publication', title: 'Unsigned' });
    const id = `msg_${randomUUID().slice(0, 8)}`;
    const secret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`;
    const response = await postPartnerOutcome(running().origin, 'no-such-partner', {
      id,
      body,
      secret,
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNKNOWN_PARTNER' });
  });

  it('answers a path that nothing serves with a 404 problem', async () => {
    const response = await fetch(`${running().origin}/feeds/unknown.atom`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
}
