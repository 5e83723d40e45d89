import { parseOrThrow, partners } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import type { z } from 'zod';
import {
  IllegalPartnerTransition,
  InvalidPartnerInput,
  PartnerAlreadyRegistered,
  PartnerNotFound,
} from '../partners-errors';
import type { PartnersEvent } from '../partners-events';

type Affiliation = z.infer<typeof partners.AffiliationSchema>;
export type AcademicEvent = PartnersEvent<'academic.'>;
export type AcademicState =
  | { readonly status: 'none' }
  | {
      readonly status: 'registered';
      readonly academic: partners.Academic;
      readonly affiliations: readonly Affiliation[];
    };

export type AcademicCommand =
  | { type: 'register'; academicId: string; academic: unknown; by: string }
  | { type: 'affiliate'; academicId: string; affiliation: unknown; by: string }
  | { type: 'end-affiliation'; academicId: string; organisationId: string; on: string; by: string };

const isOpen = (affiliation: Affiliation) => affiliation.until === undefined;

export function decideAcademic(command: AcademicCommand, state: AcademicState): AcademicEvent[] {
  const academicId = parseOrThrow(
    partners.PartnerIdSchema,
    command.academicId,
    'academic id',
    InvalidPartnerInput,
  );
  if (command.type === 'register') {
    if (state.status !== 'none')
      throw new PartnerAlreadyRegistered(`Academic ${academicId} is already registered`);
    const academic = parseOrThrow(
      partners.AcademicSchema,
      command.academic,
      'academic',
      InvalidPartnerInput,
    );
    return [
      { type: 'partners.academic.registered', data: { academicId, academic, by: command.by } },
    ];
  }
  if (state.status === 'none') throw new PartnerNotFound(`No academic ${academicId}`);
  if (command.type === 'affiliate') {
    const affiliation = parseOrThrow(
      partners.AffiliationSchema,
      command.affiliation,
      'affiliation',
      InvalidPartnerInput,
    );
    if (
      state.affiliations.some(
        (existing) => existing.organisationId === affiliation.organisationId && isOpen(existing),
      )
    )
      throw new IllegalPartnerTransition(
        `${academicId} is already affiliated with ${affiliation.organisationId}`,
      );
    return [
      { type: 'partners.academic.affiliated', data: { academicId, affiliation, by: command.by } },
    ];
  }
  const open = state.affiliations.find(
    (existing) => existing.organisationId === command.organisationId && isOpen(existing),
  );
  if (!open)
    throw new IllegalPartnerTransition(
      `${academicId} has no current affiliation with ${command.organisationId}`,
    );
  const on = parseOrThrow(partners.IsoDateSchema, command.on, 'date', InvalidPartnerInput);
  if (on < open.from) throw new InvalidPartnerInput('An affiliation cannot end before it started');
  return [
    {
      type: 'partners.academic.affiliation-ended',
      data: { academicId, organisationId: command.organisationId, on, by: command.by },
    },
  ];
}

export function evolveAcademic(state: AcademicState, event: AcademicEvent): AcademicState {
  switch (event.type) {
    case 'partners.academic.registered':
      return {
        status: 'registered',
        academic: event.data.academic,
        affiliations: event.data.academic.affiliations,
      };
    case 'partners.academic.affiliated':
      return state.status === 'none'
        ? state
        : { ...state, affiliations: [...state.affiliations, event.data.affiliation] };
    case 'partners.academic.affiliation-ended':
      return state.status === 'none'
        ? state
        : {
            ...state,
            affiliations: state.affiliations.map((affiliation) =>
              affiliation.organisationId === event.data.organisationId && isOpen(affiliation)
                ? { ...affiliation, until: event.data.on }
                : affiliation,
            ),
          };
  }
}

export const academicDecider: Decider<AcademicCommand, AcademicEvent, AcademicState> = {
  decide: decideAcademic,
  evolve: evolveAcademic,
  initialState: () => ({ status: 'none' }),
};
