import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type JSONWebKeySet,
  type KeyLike,
} from 'jose';
import { AuthenticationError, IdentitySchema, type Identity } from './identity';

/** Named demo users, one per role, for all-in-one development mode only. */
export const DEMO_USERS: Readonly<Record<string, Identity>> = {
  vic: {
    actor: { kind: 'person', id: 'person-vic' },
    name: 'Vic Viewer (constable, Central West BCU)',
    roles: ['viewer'],
    clearances: ['OFFICIAL'],
  },
  rae: {
    actor: { kind: 'person', id: 'person-rae' },
    name: 'Rae Researcher (sergeant, analyst)',
    roles: ['researcher'],
    clearances: ['OFFICIAL'],
  },
  sam: {
    actor: { kind: 'person', id: 'person-sam' },
    name: 'Sam Sensitive (detective sergeant, Specialist Crime; OFFICIAL-SENSITIVE research)',
    roles: ['researcher'],
    clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
  },
  rob: {
    actor: { kind: 'person', id: 'person-rob' },
    name: 'Rob Reviewer (EBP Delivery Team)',
    roles: ['reviewer'],
    clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
  },
  rex: {
    actor: { kind: 'person', id: 'person-rex' },
    name: 'Rex Referee (EBP Delivery Team, second reviewer)',
    roles: ['reviewer'],
    clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
  },
  cat: {
    actor: { kind: 'person', id: 'person-cat' },
    name: 'Cat Committee (EBP Committee chair)',
    roles: ['committee'],
    clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
  },
  ada: {
    actor: { kind: 'person', id: 'person-ada' },
    name: 'Ada Admin (platform administrator)',
    roles: ['admin'],
    clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
  },
  // The demo's own partner organisation (packages/cli/src/demo/demo-partners.ts): its user sees
  // the centre's collaborations, agreements and submissions.
  uni: {
    actor: { kind: 'partner', id: 'demo-org-cambridge' },
    name: 'Cambridge Centre for Evidence-Based Policing (partner)',
    roles: ['partner'],
    clearances: ['OFFICIAL'],
  },
};

export const DEVELOPMENT_ISSUER = 'urn:ebp:development-issuer';
export const PLATFORM_AUDIENCE = 'urn:ebp:platform';

/** The longest validity a bearer token may have unless EBP_JWT_MAX_LIFETIME_SECONDS says otherwise. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How long the development issuer's tokens last (never longer than the maximum). */
export const DEVELOPMENT_TOKEN_LIFETIME_SECONDS = 8 * 3600;

export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

export interface TokenVerifierOptions {
  /** Tokens valid for longer than this are refused (default 12 hours). */
  readonly maxLifetimeSeconds?: number;
}

/**
 * How long a token is valid for, in seconds: from its issue to its expiry (`exp - iat`), or from
 * now when that is longer (no `iat`, or one in the future). Undefined without an `exp`.
 */
export function tokenLifetimeSeconds(
  claims: { readonly exp?: number; readonly iat?: number },
  nowSeconds: number,
): number | undefined {
  if (typeof claims.exp !== 'number') return undefined;
  const from = typeof claims.iat === 'number' ? Math.min(claims.iat, nowSeconds) : nowSeconds;
  return claims.exp - from;
}

type KeySet = ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;

function verifierWith(
  keys: KeySet,
  issuer: string,
  audience: string,
  options: TokenVerifierOptions,
): TokenVerifier {
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  return {
    async verify(token: string): Promise<Identity> {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms: ['RS256'],
          requiredClaims: ['exp'],
        });
        // A token that never expires, or lives for days, is a credential too good to lose.
        const lifetime = tokenLifetimeSeconds(payload, Math.floor(Date.now() / 1000));
        if (lifetime === undefined || lifetime > maxLifetime)
          throw new AuthenticationError(
            `The bearer token is valid for longer than ${maxLifetime} s or does not expire`,
          );
        return IdentitySchema.parse(payload.ebp);
      } catch (error) {
        throw new AuthenticationError('The bearer token does not verify', { cause: error });
      }
    },
  };
}

/**
 * Verifies RS256 tokens against a JWKS, issuer and audience, refuses tokens without `exp` or
 * valid for longer than the maximum, and reads the identity claims.
 */
export function jwksVerifier(
  jwks: JSONWebKeySet,
  issuer: string,
  audience: string,
  options: TokenVerifierOptions = {},
): TokenVerifier {
  return verifierWith(createLocalJWKSet(jwks), issuer, audience, options);
}

/** The same against an identity provider's published JWKS, fetched and cached (key rotation). */
export function remoteJwksVerifier(
  url: string,
  issuer: string,
  audience: string,
  options: TokenVerifierOptions = {},
): TokenVerifier {
  return verifierWith(createRemoteJWKSet(new URL(url)), issuer, audience, options);
}

/**
 * The all-in-one development issuer: a fresh RS256 key at every start, tokens for the demo users,
 * and the JWKS the gateway verifies them against, as a real identity provider would publish.
 */
export class DevelopmentIssuer {
  /** How long the tokens handed out at /dev/token last: 8 hours, or the maximum if shorter. */
  readonly tokenLifetimeSeconds: number;

  private constructor(
    private readonly privateKey: KeyLike,
    readonly jwks: JSONWebKeySet,
    private readonly maxLifetimeSeconds: number,
  ) {
    this.tokenLifetimeSeconds = Math.min(DEVELOPMENT_TOKEN_LIFETIME_SECONDS, maxLifetimeSeconds);
  }

  static async create(options: TokenVerifierOptions = {}): Promise<DevelopmentIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
    return new DevelopmentIssuer(
      privateKey,
      { keys: [jwk] },
      options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
    );
  }

  async tokenFor(user: string, lifetimeSeconds = this.tokenLifetimeSeconds): Promise<string> {
    // Own names only: `__proto__`, `constructor` or `toString` are unknown users, not Object's.
    const identity = Object.hasOwn(DEMO_USERS, user) ? DEMO_USERS[user] : undefined;
    if (!identity)
      throw new AuthenticationError(
        `No demo user ${JSON.stringify(user)}; known: ${Object.keys(DEMO_USERS).join(', ')}`,
      );
    return this.issue(identity, lifetimeSeconds);
  }

  /**
   * A token for any identity: tests use it for callers beyond the demo users. Never valid for
   * longer than the maximum its verifier accepts (a RangeError says so).
   */
  issue(identity: Identity, lifetimeSeconds = this.tokenLifetimeSeconds): Promise<string> {
    if (lifetimeSeconds > this.maxLifetimeSeconds)
      return Promise.reject(
        new RangeError(
          `A token may be valid for at most ${this.maxLifetimeSeconds} s, not ${lifetimeSeconds} s`,
        ),
      );
    return new SignJWT({ ebp: IdentitySchema.parse(identity) })
      .setProtectedHeader({ alg: 'RS256', kid: String(this.jwks.keys[0]?.kid) })
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(PLATFORM_AUDIENCE)
      .setSubject(identity.actor.id)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.privateKey);
  }

  verifier(): TokenVerifier {
    return jwksVerifier(this.jwks, DEVELOPMENT_ISSUER, PLATFORM_AUDIENCE, {
      maxLifetimeSeconds: this.maxLifetimeSeconds,
    });
  }
}
