import type { partners } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import type { z } from 'zod';
import { IllegalPartnerTransition, InvalidPartnerInput } from '../partners-errors';
import type { PartnersEvent } from '../partners-events';

/** What is kept of a quarantined input: enough to inspect it, bounded. */
export const QUARANTINE_LIMIT_CHARS = 65_536;

export type QuarantineEvent = PartnersEvent<'quarantine.'>;
export type QuarantineState =
  | { readonly status: 'none' }
  | { readonly status: 'held' | 'resubmitted' | 'discarded'; readonly itemId: string };

export type QuarantineCommand =
  | {
      type: 'hold';
      itemId: string;
      channel: z.infer<typeof partners.OutcomeChannelSchema>;
      organisationId: string | null;
      reason: string;
      received: string;
    }
  | { type: 'resubmit'; submissionId: string; by: string }
  | { type: 'discard'; reason: string; by: string };

/**
 * Feed input that could not be accepted is never dropped: it is held with the reason, an
 * administrator inspects it, and either resubmits a corrected outcome (a new submission) or
 * discards it with a reason. Holding the same item again (a redelivery) records nothing new.
 */
export function decideQuarantine(
  command: QuarantineCommand,
  state: QuarantineState,
): QuarantineEvent[] {
  if (command.type === 'hold') {
    if (state.status !== 'none') return [];
    return [
      {
        type: 'partners.quarantine.held',
        data: {
          itemId: command.itemId,
          channel: command.channel,
          organisationId: command.organisationId,
          reason: command.reason.slice(0, 2000),
          received: command.received.slice(0, QUARANTINE_LIMIT_CHARS),
        },
      },
    ];
  }
  if (state.status !== 'held')
    throw new IllegalPartnerTransition(
      state.status === 'none' ? 'No such quarantined item' : `The item was already ${state.status}`,
    );
  if (command.type === 'resubmit')
    return [
      {
        type: 'partners.quarantine.resubmitted',
        data: { itemId: state.itemId, submissionId: command.submissionId, by: command.by },
      },
    ];
  if (command.reason.trim().length < 2)
    throw new InvalidPartnerInput('Discarding an item needs its reason');
  return [
    {
      type: 'partners.quarantine.discarded',
      data: { itemId: state.itemId, reason: command.reason.trim(), by: command.by },
    },
  ];
}

export const quarantineDecider: Decider<QuarantineCommand, QuarantineEvent, QuarantineState> = {
  decide: decideQuarantine,
  evolve: (_state, event) => {
    switch (event.type) {
      case 'partners.quarantine.held':
        return { status: 'held', itemId: event.data.itemId };
      case 'partners.quarantine.resubmitted':
        return { status: 'resubmitted', itemId: event.data.itemId };
      case 'partners.quarantine.discarded':
        return { status: 'discarded', itemId: event.data.itemId };
    }
  },
  initialState: () => ({ status: 'none' }),
};
