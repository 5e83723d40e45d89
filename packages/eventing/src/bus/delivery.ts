import {
  DEAD_LETTER_HEADERS,
  defaultDeadLetterTopic,
  type BusMessage,
  type ReceivedMessage,
  type SubscribeOptions,
} from './bus';

export type DeliveryOutcome = 'handled' | 'dead-lettered';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2_000);
}

/**
 * The delivery policy both bus adapters share: up to `maxAttempts` tries with doubling delays,
 * then the message goes to its dead-letter topic with the reason. Resolves when the message may
 * be committed; rejects (and so must not be committed) when even the dead letter failed.
 */
export async function deliver(
  message: ReceivedMessage,
  options: SubscribeOptions,
  publish: (topic: string, messages: readonly BusMessage[]) => Promise<void>,
): Promise<DeliveryOutcome> {
  const maxAttempts = options.maxAttempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 50;
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    try {
      await options.handler(message);
      return 'handled';
    } catch (error) {
      lastError = error;
      if (attempt < maxAttempts) await sleep(retryDelayMs * 2 ** (attempt - 1));
    }
  }
  const deadLetterTopic = (options.deadLetterTopic ?? defaultDeadLetterTopic)(message.topic);
  await publish(deadLetterTopic, [
    {
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        [DEAD_LETTER_HEADERS.reason]: reasonOf(lastError),
        [DEAD_LETTER_HEADERS.topic]: message.topic,
        [DEAD_LETTER_HEADERS.partition]: String(message.partition),
        [DEAD_LETTER_HEADERS.offset]: message.offset,
        [DEAD_LETTER_HEADERS.attempts]: String(maxAttempts),
        [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
      },
    },
  ]);
  return 'dead-lettered';
}
