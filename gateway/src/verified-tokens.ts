import type { Identity, TokenVerifier } from '@ebp/platform';

export interface VerifiedTokensOptions {
  /** How long a verification is trusted; a key withdrawn from the JWKS is noticed within it. */
  readonly maxAgeMs?: number;
  /** Tokens remembered at most (the oldest is forgotten first). */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Verified {
  readonly identity: Identity;
  /** Until when the verification stands: the token's expiry or the maximum age, the sooner. */
  readonly untilMs: number;
}

/** The `exp` of a token whose signature has just been verified (so its payload can be trusted). */
function expiryMs(token: string): number {
  const payload = token.split('.')[1] ?? '';
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/**
 * A caller sends the same bearer token with every request: its RS256 signature is checked once,
 * and the identity it carries is reused for the same token (the same bytes) until the token
 * expires, for a minute at most. A token that does not verify is never remembered.
 */
export function rememberVerifiedTokens(
  verifier: TokenVerifier,
  options: VerifiedTokensOptions = {},
): TokenVerifier {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, Verified>();
  return {
    async verify(token: string): Promise<Identity> {
      const known = verified.get(token);
      if (known && now() < known.untilMs) return known.identity;
      verified.delete(token);
      const identity = await verifier.verify(token);
      const checkedAt = now();
      const untilMs = Math.min(expiryMs(token), checkedAt + maxAgeMs);
      if (untilMs > checkedAt) {
        if (verified.size >= maxEntries) verified.delete(verified.keys().next().value as string);
        verified.set(token, { identity, untilMs });
      }
      return identity;
    },
  };
}
