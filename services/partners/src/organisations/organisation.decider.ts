import { isDeepStrictEqual } from 'node:util';
import { parseOrThrow, partners } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import {
  InvalidPartnerInput,
  NothingChanged,
  PartnerAlreadyRegistered,
  PartnerNotFound,
} from '../partners-errors';
import type { PartnersEvent } from '../partners-events';

export type OrganisationEvent = PartnersEvent<'organisation.'>;
export type OrganisationState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly organisation: partners.Organisation };

export type OrganisationCommand =
  | { type: 'register'; organisationId: string; organisation: unknown; by: string }
  | { type: 'update'; organisationId: string; organisation: unknown; by: string };

const parse = (input: unknown) =>
  parseOrThrow(partners.OrganisationSchema, input, 'organisation', InvalidPartnerInput);

export function decideOrganisation(
  command: OrganisationCommand,
  state: OrganisationState,
): OrganisationEvent[] {
  const organisationId = parseOrThrow(
    partners.PartnerIdSchema,
    command.organisationId,
    'organisation id',
    InvalidPartnerInput,
  );
  const organisation = parse(command.organisation);
  if (command.type === 'register') {
    if (state.status !== 'none')
      throw new PartnerAlreadyRegistered(`Organisation ${organisationId} is already registered`);
    return [
      {
        type: 'partners.organisation.registered',
        data: { organisationId, organisation, by: command.by },
      },
    ];
  }
  if (state.status === 'none') throw new PartnerNotFound(`No organisation ${organisationId}`);
  if (isDeepStrictEqual(state.organisation, organisation))
    throw new NothingChanged('The organisation is already recorded like this');
  return [
    {
      type: 'partners.organisation.updated',
      data: { organisationId, organisation, by: command.by },
    },
  ];
}

export const organisationDecider: Decider<
  OrganisationCommand,
  OrganisationEvent,
  OrganisationState
> = {
  decide: decideOrganisation,
  evolve: (_state, event) => ({ status: 'registered', organisation: event.data.organisation }),
  initialState: () => ({ status: 'none' }),
};
