import { dissemination, parseOrThrow } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import {
  AlreadyExists,
  AlreadyRegistered,
  InvalidDisseminationInput,
  NotAMember,
  NotFound,
} from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type LearningNetworkEvent = DisseminationEvent<'network.'>;

export interface LearningNetworkState {
  readonly created: boolean;
  readonly members: readonly string[];
  readonly postIds: readonly string[];
}

export type LearningNetworkCommand =
  | { type: 'create'; networkId: string; network: unknown; by: string }
  | { type: 'join'; networkId: string; personId: string }
  | { type: 'leave'; networkId: string; personId: string }
  | { type: 'share'; networkId: string; postId: string; personId: string; post: unknown };

function decide(
  command: LearningNetworkCommand,
  state: LearningNetworkState,
): LearningNetworkEvent[] {
  const { networkId } = command;
  if (command.type === 'create') {
    if (state.created) throw new AlreadyExists(`Learning network ${networkId} exists`);
    return [
      {
        type: 'dissemination.network.created',
        data: {
          networkId,
          network: parseOrThrow(
            dissemination.LearningNetworkSchema,
            command.network,
            'learning network',
            InvalidDisseminationInput,
          ),
          by: command.by,
        },
      },
    ];
  }
  if (!state.created) throw new NotFound(`No learning network ${networkId}`);
  const member = state.members.includes(command.personId);
  switch (command.type) {
    case 'join':
      if (member) throw new AlreadyRegistered(`${command.personId} is already a member`);
      return [
        { type: 'dissemination.network.joined', data: { networkId, personId: command.personId } },
      ];
    case 'leave':
      if (!member) throw new NotAMember(`${command.personId} is not a member`);
      return [
        { type: 'dissemination.network.left', data: { networkId, personId: command.personId } },
      ];
    case 'share':
      if (!member) throw new NotAMember(`Only members share learning in ${networkId}`);
      if (state.postIds.includes(command.postId)) return [];
      return [
        {
          type: 'dissemination.network.learning-shared',
          data: {
            networkId,
            postId: command.postId,
            personId: command.personId,
            post: parseOrThrow(
              dissemination.LearningPostSchema,
              command.post,
              'post',
              InvalidDisseminationInput,
            ),
          },
        },
      ];
  }
}

function evolve(state: LearningNetworkState, event: LearningNetworkEvent): LearningNetworkState {
  switch (event.type) {
    case 'dissemination.network.created':
      return { ...state, created: true };
    case 'dissemination.network.joined':
      return { ...state, members: [...state.members, event.data.personId] };
    case 'dissemination.network.left':
      return {
        ...state,
        members: state.members.filter((personId) => personId !== event.data.personId),
      };
    case 'dissemination.network.learning-shared':
      return { ...state, postIds: [...state.postIds, event.data.postId] };
  }
}

/** A Local Learning Network (an area or a theme): members join and leave, and members share learning. */
export const learningNetworkDecider: Decider<
  LearningNetworkCommand,
  LearningNetworkEvent,
  LearningNetworkState
> = {
  decide,
  evolve,
  initialState: () => ({ created: false, members: [], postIds: [] }),
};

export const learningNetworkStreamId = (networkId: string) => `network:${networkId}`;
