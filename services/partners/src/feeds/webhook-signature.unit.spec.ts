// Partner webhook signatures through the standardwebhooks library: the Standard Webhooks
// project's published test vectors, and every refusal the receiver makes, with its reason.
import { randomBytes } from 'node:crypto';
import {
  InvalidWebhookSecretError,
  WebhookSignatureError,
  type WebhookRefusal,
} from '@ebp/platform';
import { signPartnerWebhook, verifyPartnerWebhook } from './webhook-signature';

type Outcome = WebhookRefusal | 'accepted';

/** Runs `check` with this machine's clock (which the library reads) showing `atSeconds`. */
function at<T>(atSeconds: number, check: () => T): T {
  const clock = jest.spyOn(Date, 'now').mockReturnValue(atSeconds * 1000);
  try {
    return check();
  } finally {
    clock.mockRestore();
  }
}

/** Verifies at `atSeconds` and says how it went. */
function outcomeOf(
  delivery: Parameters<typeof verifyPartnerWebhook>[0],
  atSeconds: number,
): Outcome {
  return at(atSeconds, () => {
    try {
      verifyPartnerWebhook(delivery);
      return 'accepted';
    } catch (error) {
      if (error instanceof WebhookSignatureError) return error.reason;
      throw error;
    }
  });
}

describe('the Standard Webhooks test vectors (published with the specification’s libraries)', () => {
  // Test data from the specification repository's library tests (JavaScript, Python, Go).
  const vector = {
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    timestamp: 1614265330,
    payload: '{"test": 2432232314}',
    signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  };
  /** A well-formed signature of something else, as those tests use. */
  const foreign = 'Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=';

  const delivery = (
    change: { signature?: string; id?: string; timestamp?: string; payload?: string } = {},
  ) => ({
    headers: {
      'webhook-id': change.id ?? vector.id,
      'webhook-timestamp': change.timestamp ?? String(vector.timestamp),
      'webhook-signature': change.signature ?? vector.signature,
    },
    body: change.payload ?? vector.payload,
    secrets: [vector.secret],
  });

  it('signs the vector’s payload to the published signature', () => {
    expect(
      signPartnerWebhook({
        id: vector.id,
        timestamp: vector.timestamp,
        body: vector.payload,
        secrets: [vector.secret],
      }),
    ).toBe(vector.signature);
  });

  it('accepts the vector at its time, as text or as the raw body, and returns its id', () => {
    expect(outcomeOf(delivery(), vector.timestamp)).toBe('accepted');
    expect(
      outcomeOf({ ...delivery(), body: Buffer.from(vector.payload) }, vector.timestamp + 299),
    ).toBe('accepted');
    expect(at(vector.timestamp, () => verifyPartnerWebhook(delivery()))).toEqual({
      id: vector.id,
      timestamp: vector.timestamp,
    });
  });

  it.each<{ name: string; change: Parameters<typeof delivery>[0]; at?: number; outcome: Outcome }>([
    {
      name: 'the published signature among wrong and other-version ones',
      change: {
        signature: [`v1,${foreign}`, `v2,${foreign}`, vector.signature, `v1,${foreign}`].join(' '),
      },
      outcome: 'accepted',
    },
    {
      name: 'the payload tampered with (one digit)',
      change: { payload: '{"test": 2432232315}' },
      outcome: 'no-matching-signature',
    },
    {
      name: 'the payload re-serialised',
      change: { payload: '{"test":2432232314}' },
      outcome: 'no-matching-signature',
    },
    {
      name: 'another message id',
      change: { id: 'msg_p5jXN8AQM9LWM0D4loKWxJel' },
      outcome: 'no-matching-signature',
    },
    {
      name: 'the signature’s last character changed',
      change: { signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=' },
      outcome: 'no-matching-signature',
    },
    {
      name: 'a signature of something else',
      change: { signature: `v1,${foreign}` },
      outcome: 'no-matching-signature',
    },
    {
      name: 'the published signature under version v2',
      change: { signature: vector.signature.replace('v1,', 'v2,') },
      outcome: 'no-matching-signature',
    },
    {
      name: 'a signature that is not base64 of a digest',
      change: { signature: 'v1,dawfeoifkpqwoekfpqoekf' },
      outcome: 'no-matching-signature',
    },
    {
      name: 'a truncated signature',
      change: { signature: vector.signature.slice(0, 8) },
      outcome: 'no-matching-signature',
    },
    {
      name: 'an empty v1 signature',
      change: { signature: 'v1,' },
      outcome: 'no-matching-signature',
    },
    {
      name: 'the vector five minutes and one second later',
      change: {},
      at: vector.timestamp + 301,
      outcome: 'stale-timestamp',
    },
    {
      name: 'the vector five minutes and one second early',
      change: {},
      at: vector.timestamp - 301,
      outcome: 'stale-timestamp',
    },
  ])('$name: $outcome', ({ change, at, outcome }) => {
    expect(outcomeOf(delivery(change), at ?? vector.timestamp)).toBe(outcome);
  });
});

describe('partner webhook verification', () => {
  const secret = (bytes = randomBytes(32)) => `whsec_${bytes.toString('base64')}`;
  const current = secret();
  const previous = secret();
  const seconds = Math.floor(new Date('2026-11-26T12:00:00Z').getTime() / 1000);
  const body = JSON.stringify({
    type: 'outcome.published',
    data: { projectId: 'p-1', doi: '10.1/x' },
  });
  const sign = (secrets: string[], id = 'msg_1') =>
    signPartnerWebhook({ id, timestamp: seconds, body, secrets });

  function delivery(change: {
    id?: string;
    timestamp?: string;
    signature?: string;
    body?: string | Buffer;
    omit?: string;
  }) {
    const headers: Record<string, string | string[]> = {
      'webhook-id': change.id ?? 'msg_1',
      'webhook-timestamp': change.timestamp ?? String(seconds),
      'webhook-signature': change.signature ?? sign([current]),
    };
    if (change.omit) delete headers[change.omit];
    return { headers, body: change.body ?? body };
  }

  const tampered = Buffer.from(body);
  tampered[10] = tampered[10]! ^ 0x01;

  it.each<{
    name: string;
    input: ReturnType<typeof delivery>;
    secrets?: string[];
    outcome: Outcome;
  }>([
    { name: 'a correctly signed delivery', input: delivery({}), outcome: 'accepted' },
    {
      name: 'headers as Node gives repeated ones (arrays)',
      input: { ...delivery({}), headers: { ...delivery({}).headers, 'webhook-id': ['msg_1'] } },
      outcome: 'accepted',
    },
    {
      name: 'one byte of the body changed',
      input: delivery({ body: tampered }),
      outcome: 'no-matching-signature',
    },
    {
      name: 'the JSON re-serialised',
      input: delivery({ body: JSON.stringify(JSON.parse(body) as unknown, null, 1) }),
      outcome: 'no-matching-signature',
    },
    {
      name: 'a timestamp six minutes old',
      input: delivery({ timestamp: String(seconds - 360) }),
      outcome: 'stale-timestamp',
    },
    {
      name: 'a timestamp six minutes ahead',
      input: delivery({ timestamp: String(seconds + 360) }),
      outcome: 'stale-timestamp',
    },
    {
      name: 'a timestamp in milliseconds',
      input: delivery({ timestamp: String(seconds * 1000) }),
      outcome: 'invalid-timestamp',
    },
    {
      name: 'a timestamp with trailing letters (which parseInt would take)',
      input: delivery({ timestamp: `${seconds}abc` }),
      outcome: 'invalid-timestamp',
    },
    {
      name: 'a timestamp that is not a number',
      input: delivery({ timestamp: 'soon' }),
      outcome: 'invalid-timestamp',
    },
    {
      name: 'two signatures during rotation, the receiver knowing only the new secret',
      input: delivery({ signature: sign([previous, current]) }),
      outcome: 'accepted',
    },
    {
      name: 'one signature, the receiver knowing the old and the new secret',
      input: delivery({}),
      secrets: [previous, current],
      outcome: 'accepted',
    },
    {
      name: 'signed with the old secret, the receiver knowing the new and the old',
      input: delivery({ signature: sign([previous]) }),
      secrets: [current, previous],
      outcome: 'accepted',
    },
    {
      name: 'signed only with a secret the receiver has retired',
      input: delivery({ signature: sign([previous]) }),
      outcome: 'no-matching-signature',
    },
    {
      name: 'a v1= prefix',
      input: delivery({ signature: sign([current]).replace('v1,', 'v1=') }),
      outcome: 'no-matching-signature',
    },
    {
      name: 'another delivery’s id',
      input: delivery({ id: 'msg_2' }),
      outcome: 'no-matching-signature',
    },
    { name: 'no webhook-id', input: delivery({ omit: 'webhook-id' }), outcome: 'missing-header' },
    {
      name: 'no webhook-timestamp',
      input: delivery({ omit: 'webhook-timestamp' }),
      outcome: 'missing-header',
    },
    {
      name: 'no webhook-signature',
      input: delivery({ omit: 'webhook-signature' }),
      outcome: 'missing-header',
    },
    {
      name: 'signed with another partner’s secret',
      input: delivery({}),
      secrets: [secret()],
      outcome: 'no-matching-signature',
    },
  ])('$name: $outcome', ({ input, secrets, outcome }) => {
    expect(outcomeOf({ ...input, secrets: secrets ?? [current] }, seconds)).toBe(outcome);
  });

  it('names the missing header, and answers with the typed error’s code', () => {
    const refused = at(seconds, () => {
      try {
        verifyPartnerWebhook({ ...delivery({ omit: 'webhook-timestamp' }), secrets: [current] });
        return undefined;
      } catch (error) {
        return error;
      }
    });
    expect(refused).toBeInstanceOf(WebhookSignatureError);
    expect(refused).toMatchObject({
      code: 'INVALID_WEBHOOK_SIGNATURE',
      reason: 'missing-header',
      message: 'The webhook-timestamp header is missing',
    });
  });

  it('refuses a secret that is not whsec_ and at least 16 bytes of base64', () => {
    for (const bad of [
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'whsec_',
      'whsec_not base64!',
      'whsec_c2hvcnQ=',
    ]) {
      expect(() => sign([bad])).toThrow(InvalidWebhookSecretError);
      expect(() => verifyPartnerWebhook({ ...delivery({}), secrets: [bad] })).toThrow(
        InvalidWebhookSecretError,
      );
    }
  });
});
