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
    clearances: ['OFFICIAL', 'OFFICIAL-SENSITIVE'],
  },
  rob: {
    actor: { kind: 'person', id: 'person-rob' },
    name: 'Rob Reviewer (EBP Delivery Team)',
    roles: ['reviewer'],
    clearances: ['OFFICIAL', 'OFFICIAL-SENSITIVE'],
  },
  cat: {
    actor: { kind: 'person', id: 'person-cat' },
    name: 'Cat Committee (EBP Committee chair)',
    roles: ['committee'],
    clearances: ['OFFICIAL', 'OFFICIAL-SENSITIVE'],
  },
  ada: {
    actor: { kind: 'person', id: 'person-ada' },
    name: 'Ada Admin (platform administrator)',
    roles: ['admin'],
    clearances: ['OFFICIAL', 'OFFICIAL-SENSITIVE'],
  },
  uni: {
    actor: { kind: 'partner', id: 'org-university-of-cambridge' },
    name: 'University partner feed',
    roles: ['partner'],
    clearances: ['OFFICIAL'],
  },
};

export const DEVELOPMENT_ISSUER = 'urn:ebp:development-issuer';
export const PLATFORM_AUDIENCE = 'urn:ebp:platform';

export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

type KeySet = ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;

function verifierWith(keys: KeySet, issuer: string, audience: string): TokenVerifier {
  return {
    async verify(token: string): Promise<Identity> {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms: ['RS256'],
        });
        return IdentitySchema.parse(payload.ebp);
      } catch (error) {
        throw new AuthenticationError('The bearer token does not verify', { cause: error });
      }
    },
  };
}

/** Verifies RS256 tokens against a JWKS, issuer and audience, and reads the identity claims. */
export function jwksVerifier(jwks: JSONWebKeySet, issuer: string, audience: string): TokenVerifier {
  return verifierWith(createLocalJWKSet(jwks), issuer, audience);
}

/** The same against an identity provider's published JWKS, fetched and cached (key rotation). */
export function remoteJwksVerifier(url: string, issuer: string, audience: string): TokenVerifier {
  return verifierWith(createRemoteJWKSet(new URL(url)), issuer, audience);
}

/**
 * The all-in-one development issuer: a fresh RS256 key at every start, tokens for the demo users,
 * and the JWKS the gateway verifies them against, as a real identity provider would publish.
 */
export class DevelopmentIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    readonly jwks: JSONWebKeySet,
  ) {}

  static async create(): Promise<DevelopmentIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
    return new DevelopmentIssuer(privateKey, { keys: [jwk] });
  }

  async tokenFor(user: string, lifetimeSeconds = 8 * 3600): Promise<string> {
    const identity = DEMO_USERS[user];
    if (!identity)
      throw new AuthenticationError(
        `No demo user ${JSON.stringify(user)}; known: ${Object.keys(DEMO_USERS).join(', ')}`,
      );
    return this.issue(identity, lifetimeSeconds);
  }

  /** A token for any identity: tests use it for callers beyond the demo users. */
  issue(identity: Identity, lifetimeSeconds = 8 * 3600): Promise<string> {
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
    return jwksVerifier(this.jwks, DEVELOPMENT_ISSUER, PLATFORM_AUDIENCE);
  }
}
