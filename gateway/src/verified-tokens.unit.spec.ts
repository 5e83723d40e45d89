import { AuthenticationError, DEMO_USERS, type Identity, type TokenVerifier } from '@ebp/platform';
import { rememberVerifiedTokens } from './verified-tokens';

/** A token-shaped string whose payload carries `exp` (seconds), as a verified JWT's does. */
const tokenExpiringAt = (expSeconds: number, subject: string) =>
  `header.${Buffer.from(JSON.stringify({ exp: expSeconds, sub: subject })).toString('base64url')}.signature`;

function countingVerifier(identities: ReadonlyMap<string, Identity>) {
  const calls: string[] = [];
  const verifier: TokenVerifier = {
    verify(token) {
      calls.push(token);
      const identity = identities.get(token);
      return identity
        ? Promise.resolve(identity)
        : Promise.reject(new AuthenticationError('The bearer token does not verify'));
    },
  };
  return { verifier, calls };
}

describe('verified bearer tokens', () => {
  let clock = 1_000_000_000_000;
  const now = () => clock;
  const vic = tokenExpiringAt(clock / 1000 + 3600, 'vic');
  const rae = tokenExpiringAt(clock / 1000 + 3600, 'rae');

  beforeEach(() => {
    clock = 1_000_000_000_000;
  });

  it('checks a token once and gives each token its own identity', async () => {
    const { verifier, calls } = countingVerifier(
      new Map([
        [vic, DEMO_USERS.vic!],
        [rae, DEMO_USERS.rae!],
      ]),
    );
    const remembered = rememberVerifiedTokens(verifier, { now });
    for (let index = 0; index < 3; index += 1) {
      await expect(remembered.verify(vic)).resolves.toEqual(DEMO_USERS.vic);
      await expect(remembered.verify(rae)).resolves.toEqual(DEMO_USERS.rae);
    }
    expect(calls).toEqual([vic, rae]);
  });

  it('checks again after the maximum age, and never trusts a token past its expiry', async () => {
    const soon = tokenExpiringAt(clock / 1000 + 10, 'soon');
    const { verifier, calls } = countingVerifier(
      new Map([
        [vic, DEMO_USERS.vic!],
        [soon, DEMO_USERS.vic!],
      ]),
    );
    const remembered = rememberVerifiedTokens(verifier, { now, maxAgeMs: 60_000 });
    await remembered.verify(vic);
    await remembered.verify(soon);
    clock += 11_000; // past `soon`'s expiry, within the maximum age
    await remembered.verify(vic);
    await remembered.verify(soon);
    expect(calls).toEqual([vic, soon, soon]);
    clock += 60_000;
    await remembered.verify(vic);
    expect(calls).toEqual([vic, soon, soon, vic]);
  });

  it('never remembers a token that does not verify', async () => {
    const forged = tokenExpiringAt(clock / 1000 + 3600, 'forged');
    const { verifier, calls } = countingVerifier(new Map());
    const remembered = rememberVerifiedTokens(verifier, { now });
    await expect(remembered.verify(forged)).rejects.toThrow(AuthenticationError);
    await expect(remembered.verify(forged)).rejects.toThrow(AuthenticationError);
    expect(calls).toEqual([forged, forged]);
  });

  it('forgets the oldest token beyond its capacity', async () => {
    const { verifier, calls } = countingVerifier(
      new Map([
        [vic, DEMO_USERS.vic!],
        [rae, DEMO_USERS.rae!],
      ]),
    );
    const remembered = rememberVerifiedTokens(verifier, { now, maxEntries: 1 });
    await remembered.verify(vic);
    await remembered.verify(rae);
    await remembered.verify(vic);
    expect(calls).toEqual([vic, rae, vic]);
  });
});
