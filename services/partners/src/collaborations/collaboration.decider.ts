import { parseOrThrow, partners } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import { IllegalPartnerTransition, InvalidPartnerInput } from '../partners-errors';
import type { PartnersEvent } from '../partners-events';

/** One stream per project and partner: `collaboration:<projectId>:<partnerId>`. */
export const collaborationStreamId = (projectId: string, partnerId: string): string =>
  `collaboration:${projectId}:${partnerId}`;

export type CollaborationEvent = PartnersEvent<'collaboration.'>;
export type CollaborationState =
  | { readonly status: 'none' | 'ended' }
  | { readonly status: 'active'; readonly collaboration: partners.Collaboration };

export type CollaborationCommand =
  { type: 'start'; collaboration: unknown; by: string } | { type: 'end'; on: string; by: string };

export function decideCollaboration(
  command: CollaborationCommand,
  state: CollaborationState,
): CollaborationEvent[] {
  if (command.type === 'start') {
    const collaboration = parseOrThrow(
      partners.CollaborationSchema,
      command.collaboration,
      'collaboration',
      InvalidPartnerInput,
    );
    if (state.status === 'active')
      throw new IllegalPartnerTransition('This partner already collaborates on the project');
    if (collaboration.until !== undefined && collaboration.until < collaboration.from)
      throw new InvalidPartnerInput('A collaboration cannot end before it starts');
    return [{ type: 'partners.collaboration.started', data: { collaboration, by: command.by } }];
  }
  if (state.status !== 'active')
    throw new IllegalPartnerTransition('This partner does not collaborate on the project');
  const on = parseOrThrow(partners.IsoDateSchema, command.on, 'date', InvalidPartnerInput);
  if (on < state.collaboration.from)
    throw new InvalidPartnerInput('A collaboration cannot end before it starts');
  return [
    {
      type: 'partners.collaboration.ended',
      data: {
        projectId: state.collaboration.projectId,
        partnerId: state.collaboration.partner.id,
        on,
        by: command.by,
      },
    },
  ];
}

export const collaborationDecider: Decider<
  CollaborationCommand,
  CollaborationEvent,
  CollaborationState
> = {
  decide: decideCollaboration,
  evolve: (_state, event) =>
    event.type === 'partners.collaboration.started'
      ? { status: 'active', collaboration: event.data.collaboration }
      : { status: 'ended' },
  initialState: () => ({ status: 'none' }),
};
