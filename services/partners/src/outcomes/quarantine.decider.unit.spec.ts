import { deciderSpecification } from '@ebp/eventing';
import { IllegalPartnerTransition, InvalidPartnerInput } from '../partners-errors';
import {
  QUARANTINE_LIMIT_CHARS,
  quarantineDecider,
  type QuarantineEvent,
} from './quarantine.decider';

const spec = deciderSpecification(quarantineDecider);
const hold = {
  type: 'hold' as const,
  itemId: 'kafka:ebp.partners.outcomes.inbound:0:41',
  channel: 'kafka' as const,
  organisationId: 'cambridge',
  reason: 'The outcome is not valid: publishedOn: Invalid ISO date',
  received: '{"projectId":"demo-hot-spots","publishedOn":"yesterday"}',
};
const held: QuarantineEvent = {
  type: 'partners.quarantine.held',
  data: {
    itemId: hold.itemId,
    channel: 'kafka',
    organisationId: 'cambridge',
    reason: hold.reason,
    received: hold.received,
  },
};

describe('quarantine decider', () => {
  it('holds bad input with its reason; a redelivery records nothing new', () => {
    spec.given([]).when(hold).then([held]);
    spec.given([held]).when(hold).then([]);
  });

  it('keeps at most 64 KiB of what was received', () => {
    const huge = 'x'.repeat(QUARANTINE_LIMIT_CHARS + 10);
    const [event] = quarantineDecider.decide({ ...hold, received: huge }, { status: 'none' });
    expect(event?.type === 'partners.quarantine.held' && event.data.received.length).toBe(
      QUARANTINE_LIMIT_CHARS,
    );
  });

  it('resubmits a corrected item or discards it with a reason, once', () => {
    const resubmitted: QuarantineEvent = {
      type: 'partners.quarantine.resubmitted',
      data: { itemId: hold.itemId, submissionId: 'resubmission-1', by: 'person-ada' },
    };
    spec
      .given([held])
      .when({ type: 'resubmit', submissionId: 'resubmission-1', by: 'person-ada' })
      .then([resubmitted]);
    spec
      .given([held])
      .when({ type: 'discard', reason: 'A test message from the partner.', by: 'person-ada' })
      .then([
        {
          type: 'partners.quarantine.discarded',
          data: {
            itemId: hold.itemId,
            reason: 'A test message from the partner.',
            by: 'person-ada',
          },
        },
      ]);
    spec
      .given([held])
      .when({ type: 'discard', reason: '', by: 'person-ada' })
      .thenThrows(InvalidPartnerInput);
    spec
      .given([held, resubmitted])
      .when({ type: 'discard', reason: 'Too late.', by: 'person-ada' })
      .thenThrows(IllegalPartnerTransition);
    spec
      .given([])
      .when({ type: 'resubmit', submissionId: 'x', by: 'person-ada' })
      .thenThrows(IllegalPartnerTransition);
  });
});
