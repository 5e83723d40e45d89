import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError, IdentitySchema, type Identity } from './identity';

/**
 * The gateway verifies the caller's token and forwards the identity to subgraphs in two headers:
 * the identity with a timestamp, and an HMAC-SHA256 of it under a secret that only the gateway and
 * the subgraphs share. A subgraph accepts a request only with a valid, fresh signature, so a
 * direct call that bypasses the gateway is refused, `_service` and `_entities` included.
 */
export const IDENTITY_HEADER = 'x-ebp-identity';
export const SIGNATURE_HEADER = 'x-ebp-identity-signature';

const MAX_AGE_MS = 60_000;

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signIdentity(
  identity: Identity,
  secret: string,
  now = Date.now(),
): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ identity, issuedAt: now })).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: signature(secret, payload) };
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

function single(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
}

interface VerifiedSignature {
  readonly identity: Identity;
  readonly issuedAt: number;
}

// Signatures already verified, by secret, then by signature and payload. The gateway signs once
// per request and each subgraph it calls is handed the same pair: in one process, only the first
// subgraph checks and parses it. Freshness is still checked on every use.
const verifiedSignatures = new Map<string, Map<string, VerifiedSignature>>();
const MAX_REMEMBERED = 1_000;

function fresh(issuedAt: unknown, now: number): issuedAt is number {
  return typeof issuedAt === 'number' && Math.abs(now - issuedAt) <= MAX_AGE_MS;
}

export function verifyForwardedIdentity(
  headers: Headers,
  secret: string,
  now = Date.now(),
): Identity {
  const payload = single(headers, IDENTITY_HEADER);
  const given = single(headers, SIGNATURE_HEADER);
  if (!payload || !given)
    throw new AuthenticationError('This service only accepts requests through the gateway');
  const key = `${given}.${payload}`;
  const remembered = verifiedSignatures.get(secret);
  const known = remembered?.get(key);
  if (known) {
    if (!fresh(known.issuedAt, now))
      throw new AuthenticationError('The forwarded identity has expired');
    return known.identity;
  }
  const expected = Buffer.from(signature(secret, payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new AuthenticationError('The forwarded identity does not verify');
  }
  let decoded: { identity?: unknown; issuedAt?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof decoded;
  } catch {
    throw new AuthenticationError('The forwarded identity is malformed');
  }
  if (!fresh(decoded.issuedAt, now)) {
    throw new AuthenticationError('The forwarded identity has expired');
  }
  const identity = IdentitySchema.safeParse(decoded.identity);
  if (!identity.success) throw new AuthenticationError('The forwarded identity is malformed');
  const bySignature = remembered ?? new Map<string, VerifiedSignature>();
  // Older signatures expire within a minute anyway: forget them all rather than grow.
  if (bySignature.size >= MAX_REMEMBERED) bySignature.clear();
  bySignature.set(key, { identity: identity.data, issuedAt: decoded.issuedAt });
  verifiedSignatures.set(secret, bySignature);
  return identity.data;
}

/**
 * Identities already verified for a request (by the subgraph's HTTP guard), so that its resolvers
 * do not verify the same signature again; held weakly, gone with the request.
 */
const verifiedRequests = new WeakMap<object, Identity>();

/** Verifies the request's forwarded identity once and remembers it for the request's resolvers. */
export function verifyForwardedRequest(
  request: { readonly headers: Headers },
  secret: string,
): Identity {
  const known = verifiedRequests.get(request);
  if (known) return known;
  const identity = verifyForwardedIdentity(request.headers, secret);
  verifiedRequests.set(request, identity);
  return identity;
}

/** A subgraph's `identify`: the caller's identity as the gateway signed it into the request. */
export const forwardedIdentity =
  (secret: string) =>
  (request: { readonly headers: Headers }): Promise<Identity> => {
    try {
      return Promise.resolve(verifyForwardedRequest(request, secret));
    } catch (error) {
      return Promise.reject(
        error instanceof Error
          ? error
          : new AuthenticationError('The forwarded identity does not verify'),
      );
    }
  };
