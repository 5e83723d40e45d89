import { deciderSpecification } from '@ebp/eventing';
import type { AwardRoundEvent } from './award-round';
import {
  AlreadyDecided,
  AwardEntryNotFound,
  AwardRoundAlreadyOpened,
  AwardRoundNotFound,
  AwardRoundNotOpen,
  AwardRoundStillOpen,
  DuplicateAwardEntry,
  FundOverCommitted,
  InvalidAwardInput,
  SelfNomination,
  awardRoundDecider,
} from './award-round.decider';

const spec = deciderSpecification(awardRoundDecider);
const round = {
  title: "Commissioner's EBP award and fund 2026",
  opensOn: '2026-09-01',
  closesOn: '2026-10-31',
  fundBudget: 50_000,
};
const opened = {
  type: 'community.award-round.opened',
  data: { roundId: 'round-2026', round, openedBy: 'person-cat' },
} as const;
const closed = {
  type: 'community.award-round.closed',
  data: { roundId: 'round-2026', closedBy: 'person-cat' },
} as const;
const citation = 'Led the hot-spot trial that changed patrol deployment across the BCU.';
const nominate = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'nominate',
    nominationId: 'n1',
    nomination: { nomineeId: 'person-alex', citation, projectIds: ['project-1'] },
    by: 'person-sam',
    today: '2026-09-15',
    ...overrides,
  }) as const;
const nominated: AwardRoundEvent = {
  type: 'community.award-round.nominated',
  data: {
    roundId: 'round-2026',
    nominationId: 'n1',
    nomineeId: 'person-alex',
    citation,
    projectIds: ['project-1'],
    nominatedBy: 'person-sam',
  },
};
const application = {
  title: 'Body-worn video and complaints: a stepped-wedge trial',
  summary: 'Does body-worn video reduce complaints against officers in two BCUs?',
  amountRequested: 30_000,
};
const apply = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'apply',
    applicationId: 'a1',
    application,
    by: 'person-rae',
    today: '2026-10-31',
    ...overrides,
  }) as const;
const applied = (applicationId = 'a1', amountRequested = 30_000) =>
  ({
    type: 'community.award-round.applied',
    data: {
      roundId: 'round-2026',
      applicationId,
      applicantId: 'person-rae',
      application: { ...application, amountRequested },
    },
  }) as const;
const fund = (applicationId: string, amountAwarded?: number, outcome = 'funded') =>
  ({
    type: 'decide-application',
    applicationId,
    outcome,
    ...(amountAwarded === undefined ? {} : { amountAwarded }),
    reason: 'Sound design against a force priority.',
    by: 'person-cat',
  }) as const;
const funded = (applicationId: string, amountAwarded: number) =>
  ({
    type: 'community.award-round.application-decided',
    data: {
      roundId: 'round-2026',
      applicationId,
      outcome: 'funded',
      amountAwarded,
      reason: 'Sound design against a force priority.',
      decidedBy: 'person-cat',
    },
  }) as const;

describe("Commissioner's EBP award and fund decider", () => {
  it('opens a valid round once', () => {
    spec
      .given([])
      .when({ type: 'open', roundId: 'round-2026', round, by: 'person-cat' })
      .then([opened]);
    spec
      .given([opened])
      .when({ type: 'open', roundId: 'round-2026', round, by: 'person-cat' })
      .thenThrows(AwardRoundAlreadyOpened);
    for (const invalid of [
      { ...round, closesOn: '2026-08-01' },
      { ...round, fundBudget: -1 },
      { ...round, title: '' },
    ])
      spec
        .given([])
        .when({ type: 'open', roundId: 'round-2026', round: invalid, by: 'person-cat' })
        .thenThrows(InvalidAwardInput);
    spec.given([]).when(nominate()).thenThrows(AwardRoundNotFound);
  });

  it('takes nominations from colleagues while the round is open, never for oneself', () => {
    spec.given([opened]).when(nominate()).then([nominated]);
    spec
      .given([opened])
      .when(nominate({ by: 'person-alex' }))
      .thenThrows(SelfNomination);
    spec
      .given([opened])
      .when(nominate({ today: '2026-08-31' }))
      .thenThrows(AwardRoundNotOpen);
    spec
      .given([opened])
      .when(nominate({ today: '2026-11-01' }))
      .thenThrows(AwardRoundNotOpen);
    spec.given([opened, closed]).when(nominate()).thenThrows(AwardRoundNotOpen);
    spec
      .given([opened])
      .when(nominate({ nomination: { nomineeId: 'person-alex', citation: '' } }))
      .thenThrows(InvalidAwardInput);
  });

  it('refuses a second nomination of the same person by the same colleague, or a reused id', () => {
    spec
      .given([opened, nominated])
      .when(nominate({ nominationId: 'n2' }))
      .thenThrows(DuplicateAwardEntry);
    spec
      .given([opened, nominated])
      .when(nominate({ by: 'person-kim' }))
      .thenThrows(DuplicateAwardEntry);
    // Another colleague may nominate the same person.
    spec
      .given([opened, nominated])
      .when(nominate({ nominationId: 'n2', by: 'person-kim' }))
      .then([
        {
          type: 'community.award-round.nominated',
          data: { ...nominated.data, nominationId: 'n2', nominatedBy: 'person-kim' },
        },
      ]);
  });

  it('takes fund applications within the fund while the round is open', () => {
    spec.given([opened]).when(apply()).then([applied()]);
    spec
      .given([opened])
      .when(apply({ application: { ...application, amountRequested: 60_000 } }))
      .thenThrows(FundOverCommitted);
    spec
      .given([opened])
      .when(apply({ application: { ...application, amountRequested: 0 } }))
      .thenThrows(InvalidAwardInput);
    spec.given([opened, applied()]).when(apply()).thenThrows(DuplicateAwardEntry);
    spec.given([opened, closed]).when(apply()).thenThrows(AwardRoundNotOpen);
  });

  it('closes once', () => {
    spec.given([opened]).when({ type: 'close', by: 'person-cat' }).then([closed]);
    spec
      .given([opened, closed])
      .when({ type: 'close', by: 'person-cat' })
      .thenThrows(AwardRoundNotOpen);
  });

  it('decides each nomination once, with a reason, after the round closes', () => {
    const decide = (overrides: Record<string, unknown> = {}) =>
      ({
        type: 'decide-nomination',
        nominationId: 'n1',
        outcome: 'awarded',
        reason: 'Changed practice across the BCU.',
        by: 'person-cat',
        ...overrides,
      }) as const;
    const decided = {
      type: 'community.award-round.nomination-decided',
      data: {
        roundId: 'round-2026',
        nominationId: 'n1',
        outcome: 'awarded',
        reason: 'Changed practice across the BCU.',
        decidedBy: 'person-cat',
      },
    } as const;
    spec.given([opened, nominated, closed]).when(decide()).then([decided]);
    spec.given([opened, nominated]).when(decide()).thenThrows(AwardRoundStillOpen);
    spec
      .given([opened, nominated, closed, decided])
      .when(decide({ outcome: 'commended' }))
      .thenThrows(AlreadyDecided);
    spec
      .given([opened, nominated, closed])
      .when(decide({ nominationId: 'n9' }))
      .thenThrows(AwardEntryNotFound);
    spec
      .given([opened, nominated, closed])
      .when(decide({ reason: ' ' }))
      .thenThrows(InvalidAwardInput);
    spec
      .given([opened, nominated, closed])
      .when(decide({ outcome: 'gold' }))
      .thenThrows(InvalidAwardInput);
  });

  it('funds applications up to what was asked and what is left in the fund', () => {
    const given = [opened, applied('a1'), applied('a2'), closed];
    spec
      .given(given)
      .when(fund('a1', 30_000))
      .then([funded('a1', 30_000)]);
    spec
      .given(given)
      .when(fund('a1', 30_001))
      .thenThrows(InvalidAwardInput, { message: 'Award no more than the £30000 requested' });
    spec
      .given([...given, funded('a1', 30_000)])
      .when(fund('a2', 25_000))
      .thenThrows(FundOverCommitted, {
        message: 'This award would take the fund past its budget of £50000',
      });
    spec
      .given([...given, funded('a1', 30_000)])
      .when(fund('a2', 20_000))
      .then([funded('a2', 20_000)]);
    spec.given(given).when(fund('a1')).thenThrows(InvalidAwardInput);
    spec
      .given([...given, funded('a1', 30_000)])
      .when(fund('a1', 1))
      .thenThrows(AlreadyDecided);
    spec
      .given([opened, applied('a1')])
      .when(fund('a1', 1))
      .thenThrows(AwardRoundStillOpen);
  });

  it('declines an application with nothing awarded', () => {
    spec
      .given([opened, applied('a1'), closed])
      .when(fund('a1', undefined, 'declined'))
      .then([
        {
          type: 'community.award-round.application-decided',
          data: {
            roundId: 'round-2026',
            applicationId: 'a1',
            outcome: 'declined',
            amountAwarded: 0,
            reason: 'Sound design against a force priority.',
            decidedBy: 'person-cat',
          },
        },
      ]);
    spec
      .given([opened, applied('a1'), closed])
      .when(fund('a1', 100, 'declined'))
      .thenThrows(InvalidAwardInput);
  });
});
