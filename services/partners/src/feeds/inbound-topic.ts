import { partners } from '@ebp/contracts';
import type { Bus, Subscription } from '@ebp/eventing';
import type { Logger } from '@ebp/platform';
import type { OutcomeIntake } from './outcome-intake';

/** Headers a partner on the bus sets on each outcome message. */
export const INBOUND_HEADERS = {
  partnerId: 'ebp-partner-id',
  messageId: 'ebp-message-id',
} as const;

export const INBOUND_CONSUMER_GROUP = 'partners.outcome-intake';

/**
 * Consumes outcomes that partners connected to the bus publish on the inbound topic, through the
 * same intake as the webhook. Nothing stops the consumer: bad input, or an outcome for a project
 * the partner does not collaborate on, is quarantined with the reason (there is no one to answer
 * on a topic) and the consumer moves on. Only an engine failure makes it retry.
 */
export async function consumeInboundOutcomes(
  bus: Bus,
  intake: Pick<OutcomeIntake, 'receive' | 'quarantine'>,
  logger: Logger,
): Promise<Subscription> {
  const topic = partners.PARTNER_OUTCOMES_INBOUND_TOPIC;
  await bus.createTopics([{ name: topic, partitions: 3 }]);
  return bus.subscribe({
    groupId: INBOUND_CONSUMER_GROUP,
    topics: [topic],
    handler: async (message) => {
      const itemId = `kafka:${message.topic}:${message.partition}:${message.offset}`;
      const declared = message.headers[INBOUND_HEADERS.partnerId] ?? message.key;
      const partner = partners.PartnerIdSchema.safeParse(declared);
      const organisationId = partner.success ? partner.data : 'unknown-partner';
      const messageId =
        message.headers[INBOUND_HEADERS.messageId] ?? `${message.partition}-${message.offset}`;
      const result = partner.success
        ? await intake.receive({
            organisationId,
            channel: 'kafka',
            submissionId: `${organisationId}.${messageId}`,
            itemId,
            raw: message.value,
          })
        : await intake.quarantine({
            organisationId: null,
            channel: 'kafka',
            itemId,
            raw: message.value,
            reason: `The message names no partner (${INBOUND_HEADERS.partnerId} header or key)`,
          });
      if (result.kind === 'refused')
        await intake.quarantine({
          organisationId,
          channel: 'kafka',
          itemId,
          raw: message.value,
          reason: result.reason,
        });
      logger.info('partner outcome consumed', { itemId, organisationId, result: result.kind });
    },
  });
}
