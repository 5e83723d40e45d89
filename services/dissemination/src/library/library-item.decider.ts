import { dissemination, parseOrThrow } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import {
  AlreadyExists,
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NothingChanged,
  ReleaseNotNeeded,
} from '../dissemination-errors';
import type { DisseminationEvent } from '../dissemination-events';

export type LibraryItemEvent = DisseminationEvent<'library.'>;

export interface LibraryItemState {
  readonly status: 'none' | 'draft' | 'published' | 'withdrawn';
  /** The editors' working copy: the next version when published. */
  readonly content: dissemination.LibraryContent | undefined;
  /**
   * The projects an item drawn from a project's events (a completed project, a partner's outcome
   * on one) was drafted with: it names them for good, so that no revision can publish their
   * findings as if they were about no project.
   */
  readonly sourceProjectIds: readonly string[];
  /** The working copy differs from the last published version. */
  readonly unpublishedChanges: boolean;
  readonly version: number;
  /** Per published version: its classification and the targets released to (sensitive only). */
  readonly versions: ReadonlyMap<
    number,
    { readonly classification: string; readonly released: readonly string[] }
  >;
}

export type LibraryItemCommand =
  | {
      type: 'draft';
      itemId: string;
      source: dissemination.ItemSource;
      content: unknown;
      by: string;
    }
  | { type: 'revise'; itemId: string; content: unknown; by: string }
  | { type: 'publish'; itemId: string; by: string }
  | { type: 'withdraw'; itemId: string; reason: string; by: string }
  | {
      type: 'release';
      itemId: string;
      version: number;
      targetIds: readonly string[];
      justification: string;
      by: string;
    };

const parseContent = (content: unknown) =>
  parseOrThrow(
    dissemination.LibraryContentSchema,
    content,
    'library item',
    InvalidDisseminationInput,
  );

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function requireOpen(state: LibraryItemState, itemId: string): void {
  if (state.status === 'none') throw new NotFound(`No library item ${itemId}`);
  if (state.status === 'withdrawn')
    throw new IllegalDisseminationTransition(`Library item ${itemId} has been withdrawn`);
}

function decide(command: LibraryItemCommand, state: LibraryItemState): LibraryItemEvent[] {
  const { itemId } = command;
  switch (command.type) {
    case 'draft':
      if (state.status !== 'none') throw new AlreadyExists(`Library item ${itemId} exists`);
      return [
        {
          type: 'dissemination.library.item-drafted',
          data: {
            itemId,
            source: parseOrThrow(
              dissemination.ItemSourceSchema,
              command.source,
              'source',
              InvalidDisseminationInput,
            ),
            content: parseContent(command.content),
            by: command.by,
          },
        },
      ];
    case 'revise': {
      requireOpen(state, itemId);
      const content = parseContent(command.content);
      const dropped = state.sourceProjectIds.filter((id) => !content.projectIds.includes(id));
      if (dropped.length > 0)
        throw new InvalidDisseminationInput(
          `Library item ${itemId} is drawn from the events of ${dropped.join(', ')}: it names them in every version`,
        );
      if (same(content, state.content)) throw new NothingChanged('The content is unchanged');
      return [
        { type: 'dissemination.library.item-revised', data: { itemId, content, by: command.by } },
      ];
    }
    case 'publish':
      requireOpen(state, itemId);
      if (!state.unpublishedChanges || !state.content)
        throw new NothingChanged(`Version ${state.version} is already the published one`);
      return [
        {
          type: 'dissemination.library.item-published',
          data: { itemId, version: state.version + 1, content: state.content, by: command.by },
        },
      ];
    case 'withdraw':
      requireOpen(state, itemId);
      return [
        {
          type: 'dissemination.library.item-withdrawn',
          data: {
            itemId,
            reason: parseOrThrow(
              dissemination.disseminationEventData['dissemination.library.item-withdrawn'].shape
                .reason,
              command.reason,
              'reason',
              InvalidDisseminationInput,
            ),
            by: command.by,
          },
        },
      ];
    case 'release': {
      requireOpen(state, itemId);
      const published = state.versions.get(command.version);
      if (!published)
        throw new IllegalDisseminationTransition(
          `Version ${command.version} of ${itemId} has not been published`,
        );
      if (published.classification !== 'OFFICIAL_SENSITIVE')
        throw new ReleaseNotNeeded(
          `Version ${command.version} of ${itemId} is ${published.classification}: it goes to every target without a release`,
        );
      const fresh = [...new Set(command.targetIds)].filter(
        (target) => !published.released.includes(target),
      );
      if (fresh.length === 0 && command.targetIds.length > 0)
        throw new NothingChanged('Every target named has already been released to');
      const event = parseOrThrow(
        dissemination.disseminationEventData['dissemination.library.item-released'],
        {
          itemId,
          version: command.version,
          targetIds: fresh,
          justification: command.justification,
          by: command.by,
        },
        'release',
        InvalidDisseminationInput,
      );
      return [{ type: 'dissemination.library.item-released', data: event }];
    }
  }
}

function evolve(state: LibraryItemState, event: LibraryItemEvent): LibraryItemState {
  switch (event.type) {
    case 'dissemination.library.item-drafted': {
      const { source, content } = event.data;
      return {
        ...state,
        status: 'draft',
        content,
        unpublishedChanges: true,
        sourceProjectIds:
          source.kind === 'editor'
            ? []
            : [
                ...new Set([
                  ...(source.kind === 'project' ? [source.projectId] : []),
                  ...content.projectIds,
                ]),
              ],
      };
    }
    case 'dissemination.library.item-revised':
      return { ...state, content: event.data.content, unpublishedChanges: true };
    case 'dissemination.library.item-published': {
      const versions = new Map(state.versions);
      versions.set(event.data.version, {
        classification: event.data.content.classification,
        released: [],
      });
      return {
        ...state,
        status: 'published',
        version: event.data.version,
        unpublishedChanges: false,
        versions,
      };
    }
    case 'dissemination.library.item-withdrawn':
      return { ...state, status: 'withdrawn' };
    case 'dissemination.library.item-released': {
      const versions = new Map(state.versions);
      const released = versions.get(event.data.version);
      if (released)
        versions.set(event.data.version, {
          ...released,
          released: [...released.released, ...event.data.targetIds],
        });
      return { ...state, versions };
    }
  }
}

/**
 * A library item: drafted (from a completed project, a partner's outcome, or by an editor),
 * revised, published as numbered versions by an editorial decision, withdrawn; an
 * OFFICIAL-SENSITIVE version leaves for national bodies only with a recorded release naming them.
 */
export const libraryItemDecider: Decider<LibraryItemCommand, LibraryItemEvent, LibraryItemState> = {
  decide,
  evolve,
  // An item's events are as sensitive as its working copy was before and is after them: a
  // revision that restricts it is OFFICIAL-SENSITIVE, and so is the one that releases it again.
  classificationOf: (state) => state.content?.classification,
  initialState: () => ({
    status: 'none',
    content: undefined,
    sourceProjectIds: [],
    unpublishedChanges: false,
    version: 0,
    versions: new Map(),
  }),
};

export const libraryItemStreamId = (itemId: string) => `library-item:${itemId}`;
