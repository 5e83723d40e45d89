import type { DevelopmentIssuer, Identity } from '@ebp/platform';
import { GraphClient } from '../graph-client';

/** A running platform as the end-to-end scenarios see it, whichever the run mode. */
export interface PlatformUnderTest {
  /** The gateway's /graphql. */
  readonly url: string;
  /**
   * The gateway's origin, the one port people and partner systems use: the graph, the library's
   * feed, the partner webhook, the JWKS and the health endpoints.
   */
  readonly origin: string;
  /** What links in the library's feed and deliveries start with (EBP_PUBLIC_URL or its default). */
  readonly publicUrl: string;
  /** Each subgraph's /graphql, to call it directly as an attacker (or the gateway) would. */
  readonly subgraphUrls: {
    readonly register: string;
    readonly community: string;
    readonly partners: string;
    readonly dissemination: string;
  };
  readonly identitySecret: string;
  readonly issuer: DevelopmentIssuer;
  stop(): Promise<void>;
}

/** Gateway clients for demo users (by name) or any identity, one per caller. */
export function callers(platform: () => PlatformUnderTest) {
  const clients = new Map<string, GraphClient>();
  return async function as(user: string | Identity): Promise<GraphClient> {
    const key = typeof user === 'string' ? user : JSON.stringify(user);
    const cached = clients.get(key);
    if (cached) return cached;
    const { issuer, url } = platform();
    const token = typeof user === 'string' ? await issuer.tokenFor(user) : await issuer.issue(user);
    const client = new GraphClient(url, token);
    clients.set(key, client);
    return client;
  };
}

/** A person in the talent pool as the identity provider would describe them. */
export const staffMember = (personId: string, roles: Identity['roles'] = ['viewer']): Identity => ({
  actor: { kind: 'person', id: personId },
  name: personId,
  roles,
  clearances: ['OFFICIAL'],
});

/** Starts the platform once for the enclosing describe block; the getter is for its tests. */
export function platformFor(start: () => Promise<PlatformUnderTest>): () => PlatformUnderTest {
  let platform: PlatformUnderTest | undefined;
  beforeAll(async () => {
    platform = await start();
  });
  afterAll(async () => {
    await platform?.stop();
  });
  return () => {
    if (!platform) throw new Error('The platform did not start');
    return platform;
  };
}
