import { parseOrThrow, partners } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import {
  IllegalPartnerTransition,
  InvalidPartnerInput,
  PartnerAlreadyRegistered,
  PartnerNotFound,
} from '../partners-errors';
import type { PartnersEvent } from '../partners-events';

export type AgreementEvent = PartnersEvent<'agreement.'>;
export type AgreementState =
  | { readonly status: 'none' }
  | {
      readonly status: 'in_force' | 'terminated';
      readonly agreementId: string;
      readonly agreement: partners.Agreement;
    };

export type AgreementCommand =
  | { type: 'sign'; agreementId: string; agreement: unknown; by: string }
  | { type: 'renew'; expiresOn: string; by: string }
  | { type: 'terminate'; on: string; reason: string; by: string };

export function decideAgreement(
  command: AgreementCommand,
  state: AgreementState,
): AgreementEvent[] {
  if (command.type === 'sign') {
    if (state.status !== 'none')
      throw new PartnerAlreadyRegistered(`Agreement ${command.agreementId} is already recorded`);
    const agreement = parseOrThrow(
      partners.AgreementSchema,
      command.agreement,
      'agreement',
      InvalidPartnerInput,
    );
    return [
      {
        type: 'partners.agreement.signed',
        data: { agreementId: command.agreementId, agreement, by: command.by },
      },
    ];
  }
  if (state.status === 'none') throw new PartnerNotFound('No such agreement');
  if (state.status === 'terminated')
    throw new IllegalPartnerTransition('The agreement was terminated');
  const { agreementId, agreement } = state;
  if (command.type === 'renew') {
    const expiresOn = parseOrThrow(
      partners.IsoDateSchema,
      command.expiresOn,
      'expiry',
      InvalidPartnerInput,
    );
    if (expiresOn <= agreement.expiresOn)
      throw new InvalidPartnerInput(
        `A renewal must run past the current expiry, ${agreement.expiresOn}`,
      );
    return [
      { type: 'partners.agreement.renewed', data: { agreementId, expiresOn, by: command.by } },
    ];
  }
  const on = parseOrThrow(partners.IsoDateSchema, command.on, 'date', InvalidPartnerInput);
  if (on < agreement.startsOn)
    throw new InvalidPartnerInput('An agreement cannot end before it starts');
  if (command.reason.trim().length < 2)
    throw new InvalidPartnerInput('A termination needs its reason');
  return [
    {
      type: 'partners.agreement.terminated',
      data: { agreementId, on, reason: command.reason.trim(), by: command.by },
    },
  ];
}

export function evolveAgreement(state: AgreementState, event: AgreementEvent): AgreementState {
  switch (event.type) {
    case 'partners.agreement.signed':
      return {
        status: 'in_force',
        agreementId: event.data.agreementId,
        agreement: event.data.agreement,
      };
    case 'partners.agreement.renewed':
      return state.status === 'none'
        ? state
        : { ...state, agreement: { ...state.agreement, expiresOn: event.data.expiresOn } };
    case 'partners.agreement.terminated':
      return state.status === 'none' ? state : { ...state, status: 'terminated' };
  }
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  decide: decideAgreement,
  evolve: evolveAgreement,
  initialState: () => ({ status: 'none' }),
};
