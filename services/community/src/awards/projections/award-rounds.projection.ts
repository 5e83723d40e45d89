import type { community } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import {
  evolveAwardRound,
  initialAwardRoundState,
  type AwardRoundEvent,
  type AwardRoundEventType,
  type AwardRoundState,
  type ApplicationState,
  type NominationState,
} from '../award-round';

type OpenedRound = Exclude<AwardRoundState, { status: 'none' }>;

/**
 * A round with its entries as lists, in the order the round's own state keeps them: what the
 * award-access rules are applied to, whether the round was read from its stream or from the list.
 */
export interface AwardRoundRecord {
  readonly roundId: string;
  readonly status: 'open' | 'closed';
  readonly round: community.AwardRound;
  /** Pounds awarded from the fund so far, to every application (visible or not). */
  readonly committed: number;
  readonly nominations: readonly (NominationState & { readonly nominationId: string })[];
  readonly applications: readonly (ApplicationState & { readonly applicationId: string })[];
}

/** The record of a round's state (folded from its stream). */
export function awardRoundRecordOf(state: OpenedRound): AwardRoundRecord {
  return {
    roundId: state.roundId,
    status: state.status,
    round: state.round,
    committed: state.committed,
    nominations: Object.entries(state.nominations).map(([nominationId, nomination]) => ({
      ...nomination,
      nominationId,
    })),
    applications: Object.entries(state.applications).map(([applicationId, application]) => ({
      ...application,
      applicationId,
    })),
  };
}

/**
 * One award round in the list of rounds. The projection reads the store as written, so each
 * citation stays sealed under its nominee's key (shredded with them); only the panel's reads open
 * it. Entries are lists, not maps keyed by their ids: the ids are the client's, and a document
 * store may refuse some of them as field names.
 */
export interface AwardRoundEntry extends AwardRoundRecord {
  readonly nominations: readonly (NominationState & {
    readonly nominationId: string;
    /** The citation as stored: sealed under the nominee's key. */
    readonly citation: unknown;
  })[];
  /** When the round was opened (recorded), and when it last changed. */
  readonly openedAt: string;
  readonly updatedAt: string;
}

function stateOf(entry: AwardRoundEntry): OpenedRound {
  return {
    status: entry.status,
    roundId: entry.roundId,
    round: entry.round,
    committed: entry.committed,
    nominations: Object.fromEntries(
      entry.nominations.map(({ nominationId, citation: _sealed, ...nomination }) => [
        nominationId,
        nomination,
      ]),
    ),
    applications: Object.fromEntries(
      entry.applications.map(({ applicationId, ...application }) => [applicationId, application]),
    ),
  };
}

/** The round's own evolve (the decider's), with the sealed citations kept beside it. */
export function evolveAwardRoundEntry(
  current: AwardRoundEntry | null,
  stored: StoredEvent,
): AwardRoundEntry | null {
  const event = stored as unknown as AwardRoundEvent;
  const state = evolveAwardRound(current ? stateOf(current) : initialAwardRoundState(), event);
  if (state.status === 'none') return current;
  const citations = new Map<string, unknown>(
    (current?.nominations ?? []).map((nomination) => [
      nomination.nominationId,
      nomination.citation,
    ]),
  );
  if (event.type === 'community.award-round.nominated')
    citations.set(event.data.nominationId, event.data.citation);
  const record = awardRoundRecordOf(state);
  const at = stored.metadata.recordedAt;
  return {
    ...record,
    nominations: record.nominations.map((nomination) => ({
      ...nomination,
      citation: citations.get(nomination.nominationId) ?? null,
    })),
    openedAt: event.type === 'community.award-round.opened' || !current ? at : current.openedAt,
    updatedAt: at,
  };
}

const HANDLES: readonly AwardRoundEventType[] = [
  'community.award-round.opened',
  'community.award-round.nominated',
  'community.award-round.applied',
  'community.award-round.closed',
  'community.award-round.nomination-decided',
  'community.award-round.application-decided',
];

/** The award rounds, for the list of rounds (a round by id is folded from its stream). */
export const awardRounds: ProjectionDefinition<AwardRoundEntry> = {
  name: 'community-award-rounds',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: HANDLES,
  documentId: (event) => {
    const data = event.data as { roundId?: unknown };
    return typeof data.roundId === 'string' ? data.roundId : undefined;
  },
  evolve: evolveAwardRoundEntry,
};
