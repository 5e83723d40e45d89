import {
  DEMO_USERS,
  DevelopmentIssuer,
  jwksVerifier,
  PLATFORM_AUDIENCE,
} from './development-issuer';
import {
  IDENTITY_HEADER,
  SIGNATURE_HEADER,
  signIdentity,
  verifyForwardedIdentity,
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
});
