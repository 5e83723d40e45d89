import { deciderSpecification } from '@ebp/eventing';
import {
  AlreadyExists,
  AlreadyRegistered,
  InvalidDisseminationInput,
  NotAMember,
  NotFound,
} from '../dissemination-errors';
import { learningNetworkDecider, type LearningNetworkEvent } from './learning-network.decider';

const spec = deciderSpecification(learningNetworkDecider);
const networkId = 'lln-south';
const network = {
  name: 'South BCU learning network',
  focus: 'area' as const,
  area: 'South BCU',
  description: 'Officers in Lambeth and Southwark sharing what they tried and learned.',
};
const created: LearningNetworkEvent = {
  type: 'dissemination.network.created',
  data: { networkId, network, by: 'person-ada' },
};
const joined: LearningNetworkEvent = {
  type: 'dissemination.network.joined',
  data: { networkId, personId: 'p-rae' },
};
const post = {
  title: 'Knife arches at stations: what we saw',
  body: 'Footfall fell for a week, then returned; seizures were rare.',
  itemIds: [],
};

describe('learning network decider', () => {
  it('creates a network once, with an area or a theme to focus on', () => {
    const create = { type: 'create' as const, networkId, network, by: 'person-ada' };
    spec.given([]).when(create).then([created]);
    spec.given([created]).when(create).thenThrows(AlreadyExists);
    spec
      .given([])
      .when({ ...create, network: { ...network, area: undefined } })
      .thenThrows(InvalidDisseminationInput);
  });

  it('lets people join and leave, once each', () => {
    const join = { type: 'join' as const, networkId, personId: 'p-rae' };
    spec.given([created]).when(join).then([joined]);
    spec.given([created, joined]).when(join).thenThrows(AlreadyRegistered);
    spec.given([]).when(join).thenThrows(NotFound);
    const leave = { type: 'leave' as const, networkId, personId: 'p-rae' };
    spec
      .given([created, joined])
      .when(leave)
      .then([{ type: 'dissemination.network.left', data: { networkId, personId: 'p-rae' } }]);
    spec.given([created]).when(leave).thenThrows(NotAMember);
  });

  it('lets members, and only members, share learning, each post once', () => {
    const share = { type: 'share' as const, networkId, postId: 'post-1', personId: 'p-rae', post };
    const shared: LearningNetworkEvent = {
      type: 'dissemination.network.learning-shared',
      data: { networkId, postId: 'post-1', personId: 'p-rae', post },
    };
    spec.given([created, joined]).when(share).then([shared]);
    spec.given([created, joined, shared]).when(share).thenNothing();
    spec.given([created]).when(share).thenThrows(NotAMember);
    spec
      .given([created, joined])
      .when({ ...share, post: { ...post, body: 'short' } })
      .thenThrows(InvalidDisseminationInput);
  });
});
