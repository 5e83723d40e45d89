import { generateKeyPair, SignJWT, exportJWK } from 'jose';
import {
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  DEMO_USERS,
  DEVELOPMENT_ISSUER,
  DevelopmentIssuer,
  jwksVerifier,
  PLATFORM_AUDIENCE,
  tokenLifetimeSeconds,
} from './development-issuer';
import {
  IDENTITY_HEADER,
  SIGNATURE_HEADER,
  forwardedIdentity,
  signIdentity,
  verifyForwardedIdentity,
  verifyForwardedRequest,
} from './forwarded-identity';
import { AuthenticationError } from './identity';

const secret = 'a-shared-secret-of-at-least-32-characters!';

describe('development issuer and token verification', () => {
  it('issues RS256 tokens for demo users that verify to their identity', async () => {
    const issuer = await DevelopmentIssuer.create();
    const token = await issuer.tokenFor('cat');
    expect(await issuer.verifier().verify(token)).toEqual(DEMO_USERS.cat);
  });

  it('rejects a tampered token, a token from another issuer, an expired token and an unknown user', async () => {
    const issuer = await DevelopmentIssuer.create();
    const other = await DevelopmentIssuer.create();
    const token = await issuer.tokenFor('vic');
    const [header, payload, signature] = token.split('.');
    const elevated = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        ebp: DEMO_USERS.ada,
      }),
    ).toString('base64url');
    await expect(
      issuer.verifier().verify(`${header}.${elevated}.${signature}`),
    ).rejects.toBeInstanceOf(AuthenticationError);
    await expect(issuer.verifier().verify(await other.tokenFor('vic'))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      issuer.verifier().verify(await issuer.tokenFor('vic', -10)),
    ).rejects.toBeInstanceOf(AuthenticationError);
    await expect(
      jwksVerifier(issuer.jwks, 'urn:someone-else', PLATFORM_AUDIENCE).verify(token),
    ).rejects.toBeInstanceOf(AuthenticationError);
    await expect(issuer.tokenFor('mallory')).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('demo user names (issue 17)', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
    'treats %s as an unknown user, not as a property of every object',
    async (name) => {
      const issuer = await DevelopmentIssuer.create();
      await expect(issuer.tokenFor(name)).rejects.toBeInstanceOf(AuthenticationError);
    },
  );
});

describe('bearer token lifetime (issue 17)', () => {
  const HOUR = 3600;
  const now = Math.floor(Date.now() / 1000);

  it.each<[string, { exp?: number; iat?: number }, number | undefined]>([
    ['exp - iat', { iat: now - 60, exp: now + 8 * HOUR - 60 }, 8 * HOUR],
    ['exp - now without iat', { exp: now + 2 * HOUR }, 2 * HOUR],
    [
      'exp - now when iat is in the future',
      { iat: now + 10 * HOUR, exp: now + 11 * HOUR },
      11 * HOUR,
    ],
    ['nothing without exp', { iat: now }, undefined],
  ])('is %s', (_name, claims, lifetime) => {
    expect(tokenLifetimeSeconds(claims, now)).toBe(lifetime);
  });

  /** A correctly signed token with whatever claims a careless identity provider might issue. */
  async function signed(claims: { exp?: number; iat?: number }) {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const token = await new SignJWT({ ebp: DEMO_USERS.rae, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(PLATFORM_AUDIENCE)
      .sign(privateKey);
    return { token, jwks: { keys: [jwk] } };
  }

  it.each<[string, boolean, { exp?: number; iat?: number }, number | undefined]>([
    ['a token valid for 8 hours', true, { iat: now, exp: now + 8 * HOUR }, undefined],
    ['a token valid for exactly 12 hours', true, { iat: now, exp: now + 12 * HOUR }, undefined],
    ['a token without exp', false, { iat: now }, undefined],
    [
      'a token valid for 12 hours and a second',
      false,
      { iat: now, exp: now + 12 * HOUR + 1 },
      undefined,
    ],
    ['a token valid for a year', false, { iat: now, exp: now + 365 * 24 * HOUR }, undefined],
    ['a token without iat expiring in 13 hours', false, { exp: now + 13 * HOUR }, undefined],
    [
      'a token issued in the future to look short',
      false,
      { iat: now + 47 * HOUR, exp: now + 48 * HOUR },
      undefined,
    ],
    ['an 8-hour token under a 1-hour maximum', false, { iat: now, exp: now + 8 * HOUR }, HOUR],
    ['a 2-day token under a 3-day maximum', true, { iat: now, exp: now + 48 * HOUR }, 72 * HOUR],
  ])('%s: accepted %s', async (_name, accepted, claims, maxLifetimeSeconds) => {
    const { token, jwks } = await signed(claims);
    const verifier = jwksVerifier(
      jwks,
      DEVELOPMENT_ISSUER,
      PLATFORM_AUDIENCE,
      maxLifetimeSeconds ? { maxLifetimeSeconds } : {},
    );
    const verified = verifier.verify(token);
    if (accepted) await expect(verified).resolves.toEqual(DEMO_USERS.rae);
    else await expect(verified).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps the development issuer’s own tokens within the maximum', async () => {
    expect(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS).toBe(12 * HOUR);
    const issuer = await DevelopmentIssuer.create();
    expect(issuer.tokenLifetimeSeconds).toBe(8 * HOUR);
    expect(await issuer.verifier().verify(await issuer.tokenFor('rae'))).toEqual(DEMO_USERS.rae);
    await expect(issuer.issue(DEMO_USERS.rae!, 13 * HOUR)).rejects.toBeInstanceOf(RangeError);
    const strict = await DevelopmentIssuer.create({ maxLifetimeSeconds: HOUR });
    expect(strict.tokenLifetimeSeconds).toBe(HOUR);
    expect(await strict.verifier().verify(await strict.tokenFor('rae'))).toEqual(DEMO_USERS.rae);
    await expect(strict.tokenFor('rae', 2 * HOUR)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('identity forwarded from the gateway', () => {
  it('verifies a fresh signed identity', () => {
    const headers = signIdentity(DEMO_USERS.rae!, secret);
    expect(verifyForwardedIdentity(headers, secret)).toEqual(DEMO_USERS.rae);
  });

  it.each([
    ['no headers (a direct call)', () => ({})],
    [
      'a different secret',
      () => signIdentity(DEMO_USERS.rae!, 'another-secret-that-is-long-enough-too'),
    ],
    [
      'an identity changed after signing',
      () => {
        const headers = signIdentity(DEMO_USERS.vic!, secret);
        const forged = Buffer.from(
          JSON.stringify({ identity: DEMO_USERS.ada, issuedAt: Date.now() }),
        ).toString('base64url');
        return { ...headers, [IDENTITY_HEADER]: forged };
      },
    ],
    [
      'a stale signature (replay)',
      () => signIdentity(DEMO_USERS.rae!, secret, Date.now() - 5 * 60_000),
    ],
    [
      'a truncated signature',
      () => ({ ...signIdentity(DEMO_USERS.rae!, secret), [SIGNATURE_HEADER]: 'abc' }),
    ],
  ])('refuses %s', (_label, headers) => {
    expect(() => verifyForwardedIdentity(headers(), secret)).toThrow(AuthenticationError);
  });

  it('refuses a signature it verified before once it is stale, or with another secret', () => {
    const issuedAt = Date.now();
    const headers = signIdentity(DEMO_USERS.rae!, secret, issuedAt);
    expect(verifyForwardedIdentity(headers, secret, issuedAt)).toEqual(DEMO_USERS.rae);
    expect(verifyForwardedIdentity(headers, secret, issuedAt + 30_000)).toEqual(DEMO_USERS.rae);
    expect(() => verifyForwardedIdentity(headers, secret, issuedAt + 61_000)).toThrow(
      'The forwarded identity has expired',
    );
    expect(() =>
      verifyForwardedIdentity(headers, 'another-secret-that-is-long-enough-too', issuedAt),
    ).toThrow('The forwarded identity does not verify');
  });

  it('refuses another identity under a signature it verified before', () => {
    const headers = signIdentity(DEMO_USERS.vic!, secret);
    expect(verifyForwardedIdentity(headers, secret)).toEqual(DEMO_USERS.vic);
    const forged = Buffer.from(
      JSON.stringify({ identity: DEMO_USERS.ada, issuedAt: Date.now() }),
    ).toString('base64url');
    expect(() =>
      verifyForwardedIdentity({ ...headers, [IDENTITY_HEADER]: forged }, secret),
    ).toThrow('The forwarded identity does not verify');
  });
});

describe('identity forwarded from the gateway, verified once per request', () => {
  it('gives the resolvers the identity the HTTP guard verified, without verifying it again', async () => {
    const request = { headers: signIdentity(DEMO_USERS.rae!, secret) };
    expect(verifyForwardedRequest(request, secret)).toEqual(DEMO_USERS.rae);
    // Were the signature checked again, the guard's secret would no longer match.
    await expect(
      forwardedIdentity('some-other-secret-of-32-characters!!')(request),
    ).resolves.toEqual(DEMO_USERS.rae);
  });

  it('verifies a request the guard has not seen, and refuses a bad one', async () => {
    await expect(
      forwardedIdentity(secret)({ headers: signIdentity(DEMO_USERS.vic!, secret) }),
    ).resolves.toEqual(DEMO_USERS.vic);
    const unsigned = { headers: {} };
    await expect(forwardedIdentity(secret)(unsigned)).rejects.toThrow(AuthenticationError);
    expect(() => verifyForwardedRequest(unsigned, secret)).toThrow(AuthenticationError);
  });
});
