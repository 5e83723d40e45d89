import { deciderSpecification } from '@ebp/eventing';
import {
  AlreadyExists,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NothingChanged,
  ReleaseNotNeeded,
} from '../dissemination-errors';
import { evidenceSummary } from './library.fixtures';
import { libraryItemDecider, type LibraryItemEvent } from './library-item.decider';

const spec = deciderSpecification(libraryItemDecider);
const itemId = 'item-1';
const content = evidenceSummary();
const sensitive = evidenceSummary({ classification: 'OFFICIAL_SENSITIVE' });
const drafted: LibraryItemEvent = {
  type: 'dissemination.library.item-drafted',
  data: {
    itemId,
    source: { kind: 'project', projectId: 'hot-spots-lambeth' },
    content,
    by: 'service:dissemination',
  },
};
const published = (version: number, published = content): LibraryItemEvent => ({
  type: 'dissemination.library.item-published',
  data: { itemId, version, content: published, by: 'person-ed' },
});
const revised = (revision = evidenceSummary({ title: 'Hot spots policing: the Lambeth trial' })) =>
  ({
    type: 'dissemination.library.item-revised',
    data: { itemId, content: revision, by: 'person-ed' },
  }) satisfies LibraryItemEvent;
const justification = 'Agreed with the data owner: no operational detail remains.';

describe('library item decider', () => {
  it('drafts an item once, from a valid source and content', () => {
    const draft = {
      type: 'draft' as const,
      itemId,
      source: { kind: 'project' as const, projectId: 'hot-spots-lambeth' },
      content,
      by: 'service:dissemination',
    };
    spec.given([]).when(draft).then([drafted]);
    spec.given([drafted]).when(draft).thenThrows(AlreadyExists);
    spec
      .given([])
      .when({ ...draft, content: { ...content, year: 1850 } })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([])
      .when({ ...draft, content: { ...content, kind: 'rumour' } })
      .thenThrows(InvalidDisseminationInput);
  });

  it('fills in missing facets and stores tags in lower case', () => {
    const [event] = libraryItemDecider.decide(
      {
        type: 'draft',
        itemId,
        source: { kind: 'editor' },
        content: {
          kind: 'toolkit',
          title: 'Problem-oriented policing toolkit',
          summary: 'How to scan, analyse, respond and assess a recurring local problem.',
          year: 2025,
          tags: { crimeProblems: ['Anti-Social Behaviour'] },
          classification: 'OFFICIAL',
        },
        by: 'person-ed',
      },
      libraryItemDecider.initialState(),
    );
    expect(event?.type === 'dissemination.library.item-drafted' && event.data.content).toEqual(
      expect.objectContaining({
        evidence: {},
        tags: {
          crimeProblems: ['anti-social behaviour'],
          interventions: [],
          populations: [],
          settings: [],
          methods: [],
          topics: [],
        },
        projectIds: [],
      }),
    );
  });

  it('revises the working copy only when something changed, and not a missing item', () => {
    const revise = {
      type: 'revise' as const,
      itemId,
      content: revised().data.content,
      by: 'person-ed',
    };
    spec.given([drafted]).when(revise).then([revised()]);
    spec
      .given([drafted])
      .when({ ...revise, content })
      .thenThrows(NothingChanged);
    spec.given([]).when(revise).thenThrows(NotFound);
  });

  it('keeps naming the projects an item drawn from their events was drafted with', () => {
    const fromOutcome: LibraryItemEvent = {
      type: 'dissemination.library.item-drafted',
      data: {
        itemId,
        source: { kind: 'partner_outcome', submissionId: 'n8.msg-1', organisationId: 'n8' },
        content: evidenceSummary({
          projectIds: ['covert-op'],
          classification: 'OFFICIAL_SENSITIVE',
        }),
        by: 'service:partners',
      },
    };
    const revise = (projectIds: string[]) => ({
      type: 'revise' as const,
      itemId,
      content: evidenceSummary({ projectIds, classification: 'OFFICIAL', title: 'Declassified?' }),
      by: 'person-ed',
    });
    // Its findings may not be published as if they were about no project.
    spec.given([fromOutcome]).when(revise([])).thenThrows(InvalidDisseminationInput);
    spec
      .given([fromOutcome])
      .when(revise(['other-project']))
      .thenThrows(InvalidDisseminationInput);
    spec
      .given([fromOutcome])
      .when(revise(['covert-op', 'other-project']))
      .then([
        {
          type: 'dissemination.library.item-revised',
          data: {
            itemId,
            content: revise(['covert-op', 'other-project']).content,
            by: 'person-ed',
          },
        },
      ]);
    // Drafted from a project: that project and those it was drafted naming.
    spec.given([drafted]).when(revise([])).thenThrows(InvalidDisseminationInput);
    // An editor's own item names what the editor chooses.
    const byEditor: LibraryItemEvent = {
      ...drafted,
      data: { ...drafted.data, source: { kind: 'editor' } },
    };
    spec
      .given([byEditor])
      .when(revise([]))
      .then([
        {
          type: 'dissemination.library.item-revised',
          data: { itemId, content: revise([]).content, by: 'person-ed' },
        },
      ]);
  });

  it('publishes numbered versions, each only when there is something new to publish', () => {
    const publish = { type: 'publish' as const, itemId, by: 'person-ed' };
    spec
      .given([drafted])
      .when(publish)
      .then([published(1)]);
    spec
      .given([drafted, published(1)])
      .when(publish)
      .thenThrows(NothingChanged);
    spec
      .given([drafted, published(1), revised()])
      .when(publish)
      .then([published(2, revised().data.content)]);
  });

  it('withdraws an item with a reason, after which nothing more is done to it', () => {
    const withdrawn: LibraryItemEvent = {
      type: 'dissemination.library.item-withdrawn',
      data: { itemId, reason: 'Superseded by the 2027 replication.', by: 'person-ed' },
    };
    spec
      .given([drafted, published(1)])
      .when({ type: 'withdraw', itemId, reason: withdrawn.data.reason, by: 'person-ed' })
      .then([withdrawn]);
    spec
      .given([drafted])
      .when({ type: 'withdraw', itemId, reason: 'no', by: 'person-ed' })
      .thenThrows(InvalidDisseminationInput);
    for (const command of [
      { type: 'publish' as const, itemId, by: 'person-ed' },
      { type: 'revise' as const, itemId, content: revised().data.content, by: 'person-ed' },
      { type: 'withdraw' as const, itemId, reason: withdrawn.data.reason, by: 'person-ed' },
    ])
      spec
        .given([drafted, published(1), withdrawn])
        .when(command)
        .thenThrows(IllegalDisseminationTransition);
  });

  it('releases a published OFFICIAL-SENSITIVE version to named targets, each once, with a justification', () => {
    const release = {
      type: 'release' as const,
      itemId,
      version: 1,
      targetIds: ['research-map', 'research-map'],
      justification,
      by: 'person-chair',
    };
    const released: LibraryItemEvent = {
      type: 'dissemination.library.item-released',
      data: { itemId, version: 1, targetIds: ['research-map'], justification, by: 'person-chair' },
    };
    const history = [
      { ...drafted, data: { ...drafted.data, content: sensitive } },
      published(1, sensitive),
    ] as LibraryItemEvent[];
    spec.given(history).when(release).then([released]);
    spec
      .given([...history, released])
      .when(release)
      .thenThrows(NothingChanged);
    spec
      .given([...history, released])
      .when({ ...release, targetIds: ['research-map', 'knowledge-hub'] })
      .then([{ ...released, data: { ...released.data, targetIds: ['knowledge-hub'] } }]);
    spec
      .given(history)
      .when({ ...release, targetIds: ['the-press'] })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given(history)
      .when({ ...release, justification: 'ok' })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given(history)
      .when({ ...release, targetIds: [] })
      .thenThrows(InvalidDisseminationInput);
    spec
      .given(history)
      .when({ ...release, version: 2 })
      .thenThrows(IllegalDisseminationTransition);
  });

  it('needs no release for an OFFICIAL version', () => {
    spec
      .given([drafted, published(1)])
      .when({
        type: 'release',
        itemId,
        version: 1,
        targetIds: ['research-map'],
        justification,
        by: 'person-chair',
      })
      .thenThrows(ReleaseNotNeeded);
  });
});
