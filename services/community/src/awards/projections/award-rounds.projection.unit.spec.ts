import type { StoredEvent } from '@ebp/eventing';
import { testEvent } from '@ebp/eventing/testing';
import { evolveAwardRound, initialAwardRoundState, type AwardRoundEvent } from '../award-round';
import { awardRoundRecordOf, awardRounds, type AwardRoundEntry } from './award-rounds.projection';

const sealed = (text: string) => ({
  sealedWith: 'aes-256-gcm/v1',
  subject: 'p-alex',
  iv: 'iv',
  data: text,
  tag: 'tag',
});

const events: AwardRoundEvent[] = [
  {
    type: 'community.award-round.opened',
    data: {
      roundId: 'round-1',
      round: {
        title: 'EBP award 2026',
        opensOn: '2026-04-01',
        closesOn: '2026-06-30',
        fundBudget: 900,
      },
      openedBy: 'person-cat',
    },
  },
  {
    type: 'community.award-round.nominated',
    data: {
      roundId: 'round-1',
      // A dot, which a document store may refuse in a field name, is no trouble in a list.
      nominationId: 'n.b',
      nomineeId: 'p-alex',
      citation: 'Ran the analysis.',
      projectIds: [],
      nominatedBy: 'person-lee',
    },
  },
  {
    type: 'community.award-round.nominated',
    data: {
      roundId: 'round-1',
      // Nominated second, but an id like a number comes first in the round's map of entries, and
      // so in the list too: the order of the round read by id.
      nominationId: '7',
      nomineeId: 'p-alex',
      citation: 'Led the trial.',
      projectIds: ['project-1'],
      nominatedBy: 'person-sam',
    },
  },
  {
    type: 'community.award-round.applied',
    data: {
      roundId: 'round-1',
      applicationId: 'a-1',
      applicantId: 'person-sam',
      application: { title: 'A trial', summary: 'Does it work?', amountRequested: 400 },
    },
  },
  { type: 'community.award-round.closed', data: { roundId: 'round-1', closedBy: 'person-cat' } },
  {
    type: 'community.award-round.application-decided',
    data: {
      roundId: 'round-1',
      applicationId: 'a-1',
      outcome: 'funded',
      amountAwarded: 300,
      reason: 'A priority.',
      decidedBy: 'person-cat',
    },
  },
  {
    type: 'community.award-round.nomination-decided',
    data: {
      roundId: 'round-1',
      nominationId: 'n.b',
      outcome: 'commended',
      reason: 'Good work.',
      decidedBy: 'person-cat',
    },
  },
];

/** As the projector reads the store: citations sealed. */
const asStored = (event: AwardRoundEvent, index: number): StoredEvent =>
  ({
    ...testEvent({
      type: event.type,
      data:
        event.type === 'community.award-round.nominated'
          ? { ...event.data, citation: sealed(event.data.citation) }
          : event.data,
      metadata: { recordedAt: `2026-04-0${index + 1}T10:00:00.000Z` },
    }),
    streamId: 'award-round:round-1',
    streamVersion: index + 1,
  }) as unknown as StoredEvent;

describe('the award rounds projection', () => {
  const fold = () =>
    events
      .map(asStored)
      .reduce<AwardRoundEntry | null>((entry, event) => awardRounds.evolve(entry, event), null);

  it('keeps what the round’s own state holds, entries in the same order', () => {
    const state = events.reduce(evolveAwardRound, initialAwardRoundState());
    if (state.status === 'none') throw new Error('the round was opened');
    const entry = fold()!;
    const { nominations, openedAt, updatedAt, ...rest } = entry;
    const record = awardRoundRecordOf(state);
    expect({
      ...rest,
      nominations: nominations.map(({ citation: _sealed, ...nomination }) => nomination),
    }).toEqual(record);
    expect(record.nominations.map((nomination) => nomination.nominationId)).toEqual(['7', 'n.b']);
    expect(entry.committed).toBe(300);
    expect(entry.status).toBe('closed');
    expect({ openedAt, updatedAt }).toEqual({
      openedAt: '2026-04-01T10:00:00.000Z',
      updatedAt: '2026-04-07T10:00:00.000Z',
    });
  });

  it('keeps each citation sealed, as stored', () => {
    expect(
      fold()!.nominations.map(({ nominationId, citation }) => [nominationId, citation]),
    ).toEqual([
      ['7', sealed('Led the trial.')],
      ['n.b', sealed('Ran the analysis.')],
    ]);
  });

  it('files every event under its round, and ignores one before the round was opened', () => {
    expect(events.map(asStored).map((event) => awardRounds.documentId(event))).toEqual(
      events.map(() => 'round-1'),
    );
    expect(awardRounds.evolve(null, asStored(events[1]!, 1))).toBeNull();
  });
});
