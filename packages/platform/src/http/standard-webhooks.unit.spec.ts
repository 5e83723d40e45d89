import { randomBytes } from 'node:crypto';
import {
  InvalidWebhookSecretError,
  WebhookSignatureError,
  signWebhook,
  verifyWebhook,
  webhookKey,
  type WebhookRefusal,
} from './standard-webhooks';

const secret = (bytes = randomBytes(24)) => `whsec_${bytes.toString('base64')}`;
const current = secret();
const previous = secret();
const now = new Date('2026-11-26T12:00:00Z');
const seconds = Math.floor(now.getTime() / 1000);
const body = JSON.stringify({
  type: 'outcome.published',
  data: { projectId: 'p-1', doi: '10.1/x' },
});

function delivery(overrides: {
  id?: string;
  timestamp?: string;
  signature?: string;
  body?: string | Buffer;
  omit?: string;
}) {
  const headers: Record<string, string> = {
    'webhook-id': overrides.id ?? 'msg_1',
    'webhook-timestamp': overrides.timestamp ?? String(seconds),
    'webhook-signature':
      overrides.signature ??
      signWebhook({ id: 'msg_1', timestamp: seconds, body, secrets: [current] }),
  };
  if (overrides.omit) delete headers[overrides.omit];
  return { headers, body: overrides.body ?? body };
}

const refusalOf = (attempt: () => unknown): WebhookRefusal | 'accepted' => {
  try {
    attempt();
    return 'accepted';
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason;
    throw error;
  }
};

describe('Standard Webhooks signatures', () => {
  it('matches the specification’s published test vector', () => {
    expect(
      signWebhook({
        id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: 1614265330,
        body: '{"test": 2432232314}',
        secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      }),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  const tampered = Buffer.from(body);
  tampered[10] = tampered[10]! ^ 0x01;
  const reserialised = JSON.stringify(JSON.parse(body) as unknown, null, 1);
  const rotation = signWebhook({
    id: 'msg_1',
    timestamp: seconds,
    body,
    secrets: [previous, current],
  });
  const signature = signWebhook({ id: 'msg_1', timestamp: seconds, body, secrets: [current] });

  it.each<{
    name: string;
    input: ReturnType<typeof delivery>;
    secrets?: string[];
    outcome: WebhookRefusal | 'accepted';
  }>([
    { name: 'a correctly signed delivery', input: delivery({}), outcome: 'accepted' },
    {
      name: 'one byte of the body changed',
      input: delivery({ body: tampered }),
      outcome: 'no-matching-signature',
    },
    {
      name: 'the JSON re-serialised',
      input: delivery({ body: reserialised }),
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
      input: delivery({ timestamp: String(now.getTime()) }),
      outcome: 'invalid-timestamp',
    },
    {
      name: 'a timestamp that is not a number',
      input: delivery({ timestamp: 'soon' }),
      outcome: 'invalid-timestamp',
    },
    {
      name: 'two signatures during rotation, the receiver knowing only the new secret',
      input: delivery({ signature: rotation }),
      outcome: 'accepted',
    },
    {
      name: 'one signature, the receiver knowing the old and the new secret',
      input: delivery({}),
      secrets: [previous, current],
      outcome: 'accepted',
    },
    {
      name: 'signed only with a secret the receiver has retired',
      input: delivery({
        signature: signWebhook({ id: 'msg_1', timestamp: seconds, body, secrets: [previous] }),
      }),
      outcome: 'no-matching-signature',
    },
    {
      name: 'a v2 prefix',
      input: delivery({ signature: signature.replace('v1,', 'v2,') }),
      outcome: 'no-matching-signature',
    },
    {
      name: 'a v1= prefix',
      input: delivery({ signature: signature.replace('v1,', 'v1=') }),
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
    expect(refusalOf(() => verifyWebhook({ ...input, secrets: secrets ?? [current], now }))).toBe(
      outcome,
    );
  });

  it('returns the delivery’s id and time when it is authentic', () => {
    expect(verifyWebhook({ ...delivery({}), secrets: [current], now })).toEqual({
      id: 'msg_1',
      timestamp: seconds,
    });
  });

  it('refuses a secret that is not whsec_ and base64', () => {
    for (const bad of [
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'whsec_',
      'whsec_not base64!',
      'whsec_c2hvcnQ=',
    ])
      expect(() => webhookKey(bad)).toThrow(InvalidWebhookSecretError);
  });
});
