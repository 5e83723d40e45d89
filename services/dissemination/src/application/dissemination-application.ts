import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ProjectNotFound, type ReferenceGuard } from '@ebp/access';
import {
  PERSONAL_DATA_CLASSIFICATION,
  dissemination,
  highestClassification,
  parseOrThrow,
  type Classification,
} from '@ebp/contracts';
import {
  CommandHandler,
  auditTrail,
  type AuditEntry,
  bodiesByKey,
  bodiesOf,
  commandContextFor,
  type CommandContext,
  type DocumentCollection,
  type EventStore,
  isSealed,
  type PersonalData,
} from '@ebp/eventing';
import { hasRole, requireRole, type Identity } from '@ebp/platform';
import {
  projectsOfEntry,
  seenBy,
  visibleProjectsOf,
  type VisibleLibraryItem,
} from '../access/item-visibility';
import {
  ANY_MEMBER_OF_STAFF,
  EDITORS,
  NETWORK_FOUNDERS,
  ORGANISERS,
  RELEASERS,
  STAFF,
  isProjectSourced,
  namedProjects,
  partnerOrganisationOf,
  requireStaffRole,
  searchReaderOf,
  staffMemberOf,
} from '../access/library-access';
import {
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
  NothingChanged,
} from '../dissemination-errors';
import {
  libraryItemDecider,
  libraryItemStreamId,
  type LibraryItemState,
} from '../library/library-item.decider';
import {
  masterClassDecider,
  masterClassStreamId,
  type MasterClassCommand,
} from '../master-classes/master-class.decider';
import {
  learningNetworkDecider,
  learningNetworkStreamId,
} from '../networks/learning-network.decider';
import { deliveryDecider, deliveryStreamId } from '../pipeline/delivery.decider';
import type { DeliveryTarget } from '../pipeline/targets';
import type {
  DeliveryEntry,
  DigestEntry,
  LearningNetworkEntry,
  LibraryItemEntry,
  MasterClassEntry,
  SubscriptionEntry,
} from '../projections/dissemination-read-models';
import type { ForumThreadEntry } from '../projections/forum-threads';
import type { CourseEntry } from '../projections/courses';
import type { PublishedVersion } from '../feeds/atom';
import { DRAFTED_ITEM_PREFIXES } from '../reactions/draft-items.reaction';
import type { LibrarySearchIndex, SearchQuery } from '../search/search-index';
import { inDigest } from '../subscriptions/digest-match';
import { subscriptionDecider, subscriptionStreamId } from '../subscriptions/subscription.decider';

/**
 * Who registered for, attended or joined what, posted where, and what they subscribed to is
 * personal data (`PERSONAL_DATA_CLASSIFICATION`), as the community labels the same facts.
 */
const PERSONAL_COMMANDS: ReadonlySet<MasterClassCommand['type']> = new Set([
  'register',
  'cancel-registration',
  'record-attendance',
  // A partner's place names only its organisation, but giving it up may give the freed place to
  // the first person waiting: that promotion names a person.
  'cancel-booking',
]);

/** The dissemination service's stores and read models, built by its composition root. */
export interface DisseminationStores {
  readonly store: EventStore;
  readonly libraryItems: () => Promise<DocumentCollection<LibraryItemEntry>>;
  readonly deliveries: () => Promise<DocumentCollection<DeliveryEntry>>;
  readonly masterClasses: () => Promise<DocumentCollection<MasterClassEntry>>;
  readonly learningNetworks: () => Promise<DocumentCollection<LearningNetworkEntry>>;
  readonly subscriptions: () => Promise<DocumentCollection<SubscriptionEntry>>;
  readonly digests: () => Promise<DocumentCollection<DigestEntry>>;
  /** Opens the subscribers' sealed addresses (decision 0037). */
  readonly personal: PersonalData;
  /** The log as subscription commands see it: subscribers' addresses sealed on the way in. */
  readonly subscriptionStore: EventStore;
  readonly forumThreads: () => Promise<DocumentCollection<ForumThreadEntry>>;
  readonly courses: () => Promise<DocumentCollection<CourseEntry>>;
  readonly search: LibrarySearchIndex;
  /**
   * The register's projects as far as references to them go: which exist and who may see them,
   * by the register's rule over the project audiences this service keeps (DESIGN.md §5).
   */
  readonly projects: ReferenceGuard;
  readonly targets: readonly DeliveryTarget[];
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
}

/** Where a library item stands: a draft, published, or withdrawn. */
export const LibraryItemStatusSchema = z
  .enum(['draft', 'published', 'withdrawn'])
  .describe('Where a library item stands: a draft, published, or withdrawn.');
export type LibraryItemStatus = z.infer<typeof LibraryItemStatusSchema>;

/** The caller's own place on a master class. */
export const MasterClassPlaceSchema = z
  .enum(['registered', 'waiting', 'attended', 'none'])
  .describe("The caller's own place on a master class: registered, waiting, attended, or none.");
export type MasterClassPlace = z.infer<typeof MasterClassPlaceSchema>;

/** What a caller sees of a master class: who registered only if they organise it. */
export interface MasterClassView extends Omit<
  MasterClassEntry,
  'registered' | 'waiting' | 'attended' | 'partnersBooked' | 'partnersWaiting' | 'partnersAttended'
> {
  /** Places taken by people and partner organisations alike. */
  placesTaken: number;
  waitingCount: number;
  /** The caller's own place (a partner's: its organisation's): registered, waiting, attended, or none. */
  myStatus: MasterClassPlace;
  registered: string[] | null;
  waiting: string[] | null;
  attended: string[] | null;
  /** Organisers: the partner organisations with a place, waiting, and that attended. */
  partnersBooked: string[] | null;
  partnersWaiting: string[] | null;
  partnersAttended: string[] | null;
}

/**
 * The dissemination service's use cases: the library and its editorial decisions, 'What Works'
 * search, the delivery pipeline's visible state, master classes, Local Learning Networks and
 * subscriptions. Roles decide who may do what; sensitive items stay with those who need to know.
 */
export class DisseminationApplication {
  private readonly itemCommands;
  private readonly deliveryCommands;
  private readonly masterClassCommands;
  private readonly networkCommands;
  private readonly subscriptionCommands;

  constructor(private readonly stores: DisseminationStores) {
    this.itemCommands = new CommandHandler(stores.store, libraryItemDecider);
    this.deliveryCommands = new CommandHandler(stores.store, deliveryDecider);
    this.masterClassCommands = new CommandHandler(stores.store, masterClassDecider);
    this.networkCommands = new CommandHandler(stores.store, learningNetworkDecider);
    this.subscriptionCommands = new CommandHandler(stores.subscriptionStore, subscriptionDecider);
  }

  private context(
    identity: Identity,
    classification: dissemination.LibraryContent['classification'] = 'OFFICIAL',
  ): CommandContext {
    return commandContextFor(identity.actor, this.stores.now(), classification);
  }

  /**
   * A library item's events are at least as sensitive as the most sensitive project it names (a
   * name of a project is that project's data), by the state each write decided on; the decider
   * labels them as its content is.
   */
  private readonly byNamedProjects = {
    classifiedBy: (after: LibraryItemState) =>
      this.stores.projects.classificationOf(
        ...new Set([...after.sourceProjectIds, ...(after.content?.projectIds ?? [])]),
      ),
  };

  /** The library ------------------------------------------------------------------------- */

  /**
   * Refuses, as if it did not exist, any project named here that does not exist or that the
   * actor may not see: one answer for both, so a write tells nobody that a hidden project exists.
   */
  private async requireProjects(identity: Identity, projectIds: Iterable<string>): Promise<void> {
    await this.stores.projects.requireAllVisible(identity, projectIds, () => new ProjectNotFound());
  }

  private parseContent(content: unknown): dissemination.LibraryContent {
    return parseOrThrow(
      dissemination.LibraryContentSchema,
      content,
      'library item',
      InvalidDisseminationInput,
    );
  }

  async draftItem(identity: Identity, itemId: string, content: unknown): Promise<void> {
    requireRole(identity, EDITORS, 'draft library items');
    if (DRAFTED_ITEM_PREFIXES.some((prefix) => itemId.startsWith(prefix)))
      throw new InvalidDisseminationInput(
        `Item ids starting ${DRAFTED_ITEM_PREFIXES.join(' or ')} are the library's own drafts`,
      );
    const parsed = this.parseContent(content);
    await this.requireProjects(identity, parsed.projectIds);
    await this.itemCommands.handle(
      libraryItemStreamId(itemId),
      { type: 'draft', itemId, source: { kind: 'editor' }, content: parsed, by: identity.actor.id },
      this.context(identity),
      this.byNamedProjects,
    );
    await this.stores.catchUp();
  }

  /** The item as the caller may see it, and the projects it names that they may see. */
  private async sighted(identity: Identity, itemId: string) {
    const entry = (await (await this.stores.libraryItems()).get(itemId))?.body;
    if (!entry) return undefined;
    const visibleProjects = await visibleProjectsOf(this.stores.projects, identity, [entry]);
    return { entry, visibleProjects, seen: seenBy(identity, entry, visibleProjects) };
  }

  private async editable(identity: Identity, itemId: string, action: string) {
    requireRole(identity, EDITORS, action);
    const sighted = await this.sighted(identity, itemId);
    if (!sighted?.seen?.editor) throw new NotFound(`No library item ${itemId}`);
    return sighted;
  }

  /**
   * A new working copy. A project it names must be one the editor may see; the item's references
   * to projects the editor may not see (they were left out of what the editor was shown) stay.
   */
  async reviseItem(identity: Identity, itemId: string, content: unknown): Promise<void> {
    const { entry, visibleProjects } = await this.editable(
      identity,
      itemId,
      'revise library items',
    );
    const parsed = this.parseContent(content);
    await this.requireProjects(identity, parsed.projectIds);
    // In the item's order, so an unchanged copy stays unchanged; then the ones newly named.
    const kept = entry.draft.projectIds.filter(
      (projectId) => !visibleProjects.has(projectId) || parsed.projectIds.includes(projectId),
    );
    const projectIds = [...new Set([...kept, ...parsed.projectIds])];
    await this.itemCommands.handle(
      libraryItemStreamId(itemId),
      { type: 'revise', itemId, content: { ...parsed, projectIds }, by: identity.actor.id },
      this.context(identity, entry.classification),
      this.byNamedProjects,
    );
    await this.stores.catchUp();
  }

  /**
   * An editorial decision: the working copy becomes the next published version. An OFFICIAL
   * version goes to every national body, so an item drawn from a project's events is published
   * OFFICIAL only while every member of staff may see its projects (the editor sees them, or
   * would not see the item: saying so tells them nothing new). An editor's own item may name a
   * project its readers may not see: each reader is shown only the names they may see, and the
   * national bodies' formats carry none.
   */
  async publishItem(identity: Identity, itemId: string): Promise<number> {
    const { entry } = await this.editable(identity, itemId, 'publish library items');
    const { draft, source } = entry;
    if (draft.classification === 'OFFICIAL' && isProjectSourced(source)) {
      const named = namedProjects(source, draft);
      const open = await this.stores.projects.visibleIds(ANY_MEMBER_OF_STAFF, named);
      if (named.some((projectId) => !open.has(projectId)))
        throw new IllegalDisseminationTransition(
          `Library item ${itemId} is drawn from a project that not every member of staff may see: make it OFFICIAL-SENSITIVE to publish it`,
        );
    }
    const result = await this.itemCommands.handle(
      libraryItemStreamId(itemId),
      { type: 'publish', itemId, by: identity.actor.id },
      this.context(identity, draft.classification),
      this.byNamedProjects,
    );
    await this.stores.catchUp();
    return result.state.version;
  }

  async withdrawItem(identity: Identity, itemId: string, reason: string): Promise<void> {
    const { entry } = await this.editable(identity, itemId, 'withdraw library items');
    await this.itemCommands.handle(
      libraryItemStreamId(itemId),
      { type: 'withdraw', itemId, reason, by: identity.actor.id },
      this.context(identity, entry.classification),
      this.byNamedProjects,
    );
    await this.stores.catchUp();
  }

  /** The release decision that lets an OFFICIAL-SENSITIVE version go to the named bodies. */
  async releaseItem(
    identity: Identity,
    itemId: string,
    version: number,
    targetIds: readonly string[],
    justification: string,
  ): Promise<void> {
    requireRole(identity, RELEASERS, 'release OFFICIAL-SENSITIVE items');
    await this.editable(identity, itemId, 'release OFFICIAL-SENSITIVE items');
    await this.itemCommands.handle(
      libraryItemStreamId(itemId),
      { type: 'release', itemId, version, targetIds, justification, by: identity.actor.id },
      this.context(identity, 'OFFICIAL_SENSITIVE'),
    );
    await this.stores.catchUp();
  }

  /**
   * One item as the caller may see it: editors see drafts and withdrawn items; readers see the
   * published version, if its classification and its projects let them.
   */
  async item(identity: Identity, itemId: string): Promise<VisibleLibraryItem | null> {
    return (await this.sighted(identity, itemId))?.seen ?? null;
  }

  /** Several items as the caller may see them, in the order asked; the others are left out. */
  async items(identity: Identity, itemIds: readonly string[]): Promise<VisibleLibraryItem[]> {
    if (itemIds.length === 0) return [];
    const found = await (await this.stores.libraryItems()).getMany([...new Set(itemIds)]);
    const entries = itemIds.flatMap((itemId) => {
      const body = found.get(itemId)?.body;
      return body ? [body] : [];
    });
    return this.seen(identity, entries);
  }

  /**
   * Refuses, as one that does not exist, any item named here that the caller may not read: a
   * post may point only to items its author may read.
   */
  async requireReadableItems(identity: Identity, itemIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(itemIds)];
    const readable = new Set((await this.items(identity, wanted)).map((seen) => seen.entry.itemId));
    const missing = wanted.find((itemId) => !readable.has(itemId));
    if (missing !== undefined) throw new NotFound(`No library item ${missing}`);
  }

  /** The entries the caller may see, as they may see them, in order. */
  private async seen(
    identity: Identity,
    entries: readonly LibraryItemEntry[],
    publishedOnly = false,
    visibleProjects?: ReadonlySet<string>,
  ): Promise<VisibleLibraryItem[]> {
    visibleProjects ??= await visibleProjectsOf(this.stores.projects, identity, entries);
    return entries.flatMap((entry) => {
      const seen = seenBy(identity, entry, visibleProjects, publishedOnly);
      return seen ? [seen] : [];
    });
  }

  /** Editors' list of items by status (drafts awaiting a decision, by default). */
  async itemsByStatus(
    identity: Identity,
    status: LibraryItemStatus,
  ): Promise<VisibleLibraryItem[]> {
    requireRole(identity, EDITORS, 'list library items by status');
    const found = await bodiesOf(this.stores.libraryItems(), {
      filter: { status },
      sort: [{ field: 'updatedAt', direction: 'desc' }],
    });
    return (await this.seen(identity, found)).filter((seen) => seen.editor);
  }

  /**
   * Published items about a register project that the caller may read; none when the caller may
   * not see the project (or it does not exist).
   */
  async publicationsOf(identity: Identity, projectId: string): Promise<VisibleLibraryItem[]> {
    return (await this.publicationsOfMany(identity, [projectId])).get(projectId) ?? [];
  }

  /**
   * `publicationsOf` for many projects: the audiences, the items and the audiences of the
   * projects those items name are each read once for the batch.
   */
  async publicationsOfMany(
    identity: Identity,
    projectIds: readonly string[],
  ): Promise<Map<string, VisibleLibraryItem[]>> {
    // Audiences first: nothing is read for a project the caller may not see, so not even the
    // time an answer takes depends on a hidden project's publications (one statement more).
    const visible = await this.stores.projects.visibleIds(identity, projectIds);
    const found = await bodiesByKey(
      this.stores.libraryItems(),
      [...visible],
      { field: 'projectIds', match: 'element', keysOf: (entry) => entry.projectIds },
      {
        filter: { status: 'published' },
        sort: [{ field: 'published.publishedAt', direction: 'desc' }],
      },
    );
    const entries = [...new Set([...found.values()].flat())];
    const visibleProjects = await visibleProjectsOf(this.stores.projects, identity, entries);
    const seen = new Map(
      entries.map((entry) => [entry, seenBy(identity, entry, visibleProjects, true)]),
    );
    return new Map(
      projectIds.map((projectId) => [
        projectId,
        (found.get(projectId) ?? []).flatMap((entry) => {
          const item = seen.get(entry);
          return item ? [item] : [];
        }),
      ]),
    );
  }

  /**
   * Published items the caller may read, newest first, up to `limit`. With `whole`, only those
   * whose published version names no project the caller may not see (what leaves without a
   * token): left out page by page, so a short answer never tells that hidden items exist.
   */
  private async newestPublished(
    identity: Identity,
    limit: number,
    options: { readonly filter?: Record<string, string>; readonly whole?: boolean } = {},
  ): Promise<VisibleLibraryItem[]> {
    const wanted = Math.min(Math.max(limit, 1), 100);
    const page = wanted * 2;
    const collection = await this.stores.libraryItems();
    const visible: VisibleLibraryItem[] = [];
    // Pages until enough are readable; items the caller may not read take no place in the list.
    for (let offset = 0; visible.length < wanted && offset < 2_000; offset += page) {
      const found = await collection.find({
        filter: { status: 'published', ...options.filter },
        sort: [{ field: 'published.publishedAt', direction: 'desc' }],
        limit: page,
        offset,
      });
      const bodies = found.items.map((item) => item.body);
      const visibleProjects = await visibleProjectsOf(this.stores.projects, identity, bodies);
      visible.push(
        ...(await this.seen(
          identity,
          options.whole ? namingOnly(visibleProjects, bodies) : bodies,
          true,
          visibleProjects,
        )),
      );
      if (offset + page >= found.total) break;
    }
    return visible.slice(0, wanted);
  }

  /**
   * Published items the caller may read whose evidence reaches the SMS level, newest first, up
   * to 1,000 of them: read page by page until enough are readable, so an item the caller may not
   * read never takes a place in the list (the evidence map's strong evidence).
   */
  async strongEvidence(identity: Identity, smsLevel: number): Promise<VisibleLibraryItem[]> {
    requireStaffRole(identity, STAFF, 'read the library');
    const wanted = 1_000;
    const page = 500;
    const collection = await this.stores.libraryItems();
    const readable: VisibleLibraryItem[] = [];
    for (let offset = 0; readable.length < wanted; offset += page) {
      const found = await collection.find({
        filter: { status: 'published', 'published.content.evidence.smsLevel': { $gte: smsLevel } },
        sort: [
          { field: 'published.publishedAt', direction: 'desc' },
          { field: 'itemId', direction: 'asc' },
        ],
        limit: page,
        offset,
        total: false,
      });
      readable.push(
        ...(await this.seen(
          identity,
          found.items.map((item) => item.body),
          true,
        )),
      );
      if (found.items.length < page) break;
    }
    return readable.slice(0, wanted);
  }

  /**
   * How sensitive a reference to these items is, whoever asks: the most sensitive of each item's
   * working copy, published version and the projects it names (an item this service does not
   * hold counts as sensitive: nothing says it is not).
   */
  async classificationOfItems(itemIds: readonly string[]): Promise<Classification> {
    const wanted = [...new Set(itemIds)];
    if (wanted.length === 0) return 'OFFICIAL';
    const found = await (await this.stores.libraryItems()).getMany(wanted);
    const entries = wanted.map((itemId) => found.get(itemId)?.body);
    if (entries.includes(undefined)) return 'OFFICIAL_SENSITIVE';
    const held = entries.filter((entry): entry is LibraryItemEntry => entry !== undefined);
    const projects = await this.stores.projects.classificationOf(
      ...new Set(held.flatMap(projectsOfEntry)),
    );
    return highestClassification(
      projects,
      ...held.flatMap((entry) => [
        entry.classification,
        entry.draft.classification,
        entry.published?.content.classification,
      ]),
    );
  }

  /** Newly published items the caller may read, newest first. */
  async recentlyPublished(identity: Identity, limit = 20): Promise<VisibleLibraryItem[]> {
    requireRole(identity, STAFF, 'read the library');
    return this.newestPublished(identity, limit);
  }

  /**
   * What leaves without a token (the Atom feed, the public page): only published OFFICIAL items
   * that any member of staff may read whole, every project they name included.
   */
  async syndicated(limit = 50): Promise<PublishedVersion[]> {
    const found = await this.newestPublished(ANY_MEMBER_OF_STAFF, limit, {
      filter: { classification: 'OFFICIAL' },
      whole: true,
    });
    return found.flatMap(({ entry }) =>
      entry.published?.content.classification === 'OFFICIAL'
        ? [{ itemId: entry.itemId, ...entry.published }]
        : [],
    );
  }

  /** How search sees the caller: their clearance, and the indexed items' projects they may not see. */
  private async searchReader(identity: Identity) {
    const referenced = await this.stores.search.referencedProjects();
    const visible = await this.stores.projects.visibleIds(identity, referenced);
    return searchReaderOf(
      identity,
      referenced.filter((projectId) => !visible.has(projectId)),
    );
  }

  async search(identity: Identity, query: SearchQuery) {
    requireRole(identity, STAFF, "search 'What Works'");
    return this.stores.search.search(query, await this.searchReader(identity));
  }

  async whatWorks(identity: Identity, crimeProblem: string) {
    requireRole(identity, STAFF, "search 'What Works'");
    return this.stores.search.whatWorks(crimeProblem, await this.searchReader(identity));
  }

  /**
   * Who changed an item, a master class or a network, when and why, oldest first: editors for
   * items (those they may read, without the projects they may not see), organisers for master
   * classes, staff for networks.
   */
  async auditTrailOf(
    identity: Identity,
    kind: 'library-item' | 'master_class' | 'network',
    id: string,
  ): Promise<AuditEntry[]> {
    if (kind === 'library-item') {
      await this.editable(identity, id, 'see the audit trail of items');
      return this.itemTrail(identity, id);
    }
    requireStaffRole(identity, kind === 'master_class' ? ORGANISERS : STAFF, 'see audit trails');
    const streamId = { master_class: masterClassStreamId, network: learningNetworkStreamId }[kind](
      id,
    );
    return auditTrail(this.stores.store, streamId);
  }

  /** An item's trail, each version's references to projects the caller may not see left out. */
  private async itemTrail(identity: Identity, itemId: string): Promise<AuditEntry[]> {
    const trail = await auditTrail(this.stores.store, libraryItemStreamId(itemId));
    const projectIdsOf = (data: Record<string, unknown>): string[] | undefined => {
      const content = data.content as { projectIds?: unknown } | undefined;
      return Array.isArray(content?.projectIds) ? (content.projectIds as string[]) : undefined;
    };
    const visible = await this.stores.projects.visibleIds(
      identity,
      trail.flatMap((entry) => projectIdsOf(entry.data) ?? []),
    );
    return trail.map((entry) => {
      const projectIds = projectIdsOf(entry.data);
      if (!projectIds) return entry;
      const content = entry.data.content as Record<string, unknown>;
      return {
        ...entry,
        data: {
          ...entry.data,
          content: { ...content, projectIds: projectIds.filter((id) => visible.has(id)) },
        },
      };
    });
  }

  /** The pipeline ---------------------------------------------------------------------------- */

  /** Where each version of an item stands with each national body. */
  async deliveriesOf(identity: Identity, itemId: string): Promise<DeliveryEntry[]> {
    if (!(await this.item(identity, itemId))) return [];
    return bodiesOf(this.stores.deliveries(), {
      filter: { itemId },
      sort: [
        { field: 'version', direction: 'desc' },
        { field: 'targetId', direction: 'asc' },
      ],
    });
  }

  targets(): readonly DeliveryTarget[] {
    return this.stores.targets;
  }

  /**
   * One delivery, if the caller may see its item (as `deliveriesOf` shows it); otherwise, as for a
   * delivery that does not exist, null.
   */
  async delivery(identity: Identity, deliveryId: string): Promise<DeliveryEntry | null> {
    const entry = (await (await this.stores.deliveries()).get(deliveryId))?.body;
    if (!entry || !(await this.item(identity, entry.itemId))) return null;
    return entry;
  }

  /**
   * Tries a failed delivery again. A delivery of an item the editor may not edit is answered as
   * one that does not exist: the answer tells nobody that a hidden item was published.
   */
  async retryDelivery(identity: Identity, deliveryId: string): Promise<void> {
    requireRole(identity, EDITORS, 'retry deliveries');
    const entry = (await (await this.stores.deliveries()).get(deliveryId))?.body;
    if (!entry || !(await this.sighted(identity, entry.itemId))?.seen?.editor)
      throw new NotFound(`No delivery ${deliveryId}`);
    await this.deliveryCommands.handle(
      deliveryStreamId(deliveryId),
      { type: 'retry', deliveryId, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  /** Master classes -------------------------------------------------------------------------- */

  async scheduleMasterClass(identity: Identity, masterClassId: string, masterClass: unknown) {
    requireStaffRole(identity, ORGANISERS, 'schedule master classes');
    await this.onMasterClass(identity, {
      type: 'schedule',
      masterClassId,
      masterClass,
      by: identity.actor.id,
    });
  }

  /**
   * Takes a place for the caller: a member of staff's own, or a partner identity's organisation's
   * on a master class open to partners (one that is not is answered as one that does not exist).
   */
  async registerForMasterClass(identity: Identity, masterClassId: string) {
    const organisationId = partnerOrganisationOf(identity);
    const now = this.stores.now();
    await this.onMasterClass(
      identity,
      organisationId === undefined
        ? {
            type: 'register',
            masterClassId,
            personId: staffMemberOf(identity, 'register for master classes'),
            now,
          }
        : { type: 'book', masterClassId, organisationId, now },
    );
  }

  async cancelRegistration(identity: Identity, masterClassId: string) {
    const organisationId = partnerOrganisationOf(identity);
    const now = this.stores.now();
    await this.onMasterClass(
      identity,
      organisationId === undefined
        ? {
            type: 'cancel-registration',
            masterClassId,
            personId: staffMemberOf(identity, 'cancel a registration'),
            now,
          }
        : { type: 'cancel-booking', masterClassId, organisationId, now },
    );
  }

  async recordAttendance(identity: Identity, masterClassId: string, personIds: readonly string[]) {
    requireStaffRole(identity, ORGANISERS, 'record attendance');
    for (const personId of personIds)
      await this.onMasterClass(identity, {
        type: 'record-attendance',
        masterClassId,
        personId,
        now: this.stores.now(),
      });
  }

  /**
   * Records that partner organisations attended: only an organisation that booked a place can be
   * named (its id came from its own verified identity), so a name of any other organisation,
   * existing or not, is refused as having had no place.
   */
  async recordPartnerAttendance(
    identity: Identity,
    masterClassId: string,
    organisationIds: readonly string[],
  ) {
    requireStaffRole(identity, ORGANISERS, 'record attendance');
    for (const organisationId of organisationIds)
      await this.onMasterClass(identity, {
        type: 'record-partner-attendance',
        masterClassId,
        organisationId,
        now: this.stores.now(),
      });
  }

  async cancelMasterClass(identity: Identity, masterClassId: string, reason: string) {
    requireStaffRole(identity, ORGANISERS, 'cancel master classes');
    await this.onMasterClass(identity, {
      type: 'cancel',
      masterClassId,
      reason,
      by: identity.actor.id,
      now: this.stores.now(),
    });
  }

  private async onMasterClass(identity: Identity, command: MasterClassCommand) {
    await this.masterClassCommands.handle(
      masterClassStreamId(command.masterClassId),
      command,
      PERSONAL_COMMANDS.has(command.type)
        ? this.context(identity, PERSONAL_DATA_CLASSIFICATION)
        : this.context(identity),
    );
    await this.stores.catchUp();
  }

  private masterClassView(identity: Identity, entry: MasterClassEntry): MasterClassView {
    const organisationId = partnerOrganisationOf(identity);
    const organiser =
      organisationId === undefined &&
      identity.actor.kind === 'person' &&
      hasRole(identity, ORGANISERS);
    const {
      registered,
      waiting,
      attended,
      partnersBooked,
      partnersWaiting,
      partnersAttended,
      ...details
    } = entry;
    // A partner's place is its organisation's, among the partners' places only.
    const [me, placed, queued, came] =
      organisationId === undefined
        ? [identity.actor.id, registered, waiting, attended]
        : [organisationId, partnersBooked, partnersWaiting, partnersAttended];
    return {
      ...details,
      placesTaken: registered.length + partnersBooked.length,
      waitingCount: waiting.length + partnersWaiting.length,
      myStatus: came.includes(me)
        ? 'attended'
        : placed.includes(me)
          ? 'registered'
          : queued.includes(me)
            ? 'waiting'
            : 'none',
      registered: organiser ? registered : null,
      waiting: organiser ? waiting : null,
      attended: organiser ? attended : null,
      partnersBooked: organiser ? partnersBooked : null,
      partnersWaiting: organiser ? partnersWaiting : null,
      partnersAttended: organiser ? partnersAttended : null,
    };
  }

  /**
   * Who may see master classes: members of staff all of them, a partner identity those open to
   * partners (the others are to it as if they did not exist); anyone else none.
   */
  private masterClassReader(identity: Identity): { partner: boolean } {
    if (partnerOrganisationOf(identity) !== undefined) return { partner: true };
    staffMemberOf(identity, 'see master classes');
    return { partner: false };
  }

  async masterClass(identity: Identity, masterClassId: string): Promise<MasterClassView | null> {
    const { partner } = this.masterClassReader(identity);
    const entry = (await (await this.stores.masterClasses()).get(masterClassId))?.body;
    if (!entry || (partner && !entry.openToPartners)) return null;
    return this.masterClassView(identity, entry);
  }

  /** Master classes not yet started and not cancelled, soonest first. */
  async upcomingMasterClasses(identity: Identity): Promise<MasterClassView[]> {
    const { partner } = this.masterClassReader(identity);
    const found = await bodiesOf(this.stores.masterClasses(), {
      filter: {
        cancelled: false,
        startsAt: { $gt: this.stores.now().toISOString() },
        ...(partner ? { openToPartners: true } : {}),
      },
      sort: [{ field: 'startsAt', direction: 'asc' }],
    });
    return found.map((entry) => this.masterClassView(identity, entry));
  }

  /** Local Learning Networks ---------------------------------------------------------------- */

  async createNetwork(identity: Identity, networkId: string, network: unknown) {
    requireRole(identity, NETWORK_FOUNDERS, 'set up learning networks');
    await this.networkCommands.handle(
      learningNetworkStreamId(networkId),
      { type: 'create', networkId, network, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async joinNetwork(identity: Identity, networkId: string, join: boolean) {
    const personId = staffMemberOf(identity, 'join learning networks');
    await this.networkCommands.handle(
      learningNetworkStreamId(networkId),
      { type: join ? 'join' : 'leave', networkId, personId },
      this.context(identity, PERSONAL_DATA_CLASSIFICATION),
    );
    await this.stores.catchUp();
  }

  /**
   * Shares learning with a network. Each library item the post points to must be one the member
   * may read: one they may not is answered as one that does not exist.
   */
  async shareLearning(identity: Identity, networkId: string, post: unknown): Promise<string> {
    const personId = staffMemberOf(identity, 'share learning');
    // A post that breaks the contract is left to the decider, which says why.
    const parsed = dissemination.LearningPostSchema.safeParse(post);
    await this.requireReadableItems(identity, parsed.success ? parsed.data.itemIds : []);
    const postId = randomUUID();
    await this.networkCommands.handle(
      learningNetworkStreamId(networkId),
      { type: 'share', networkId, postId, personId, post },
      // A post names its member (so their membership) and the items the member may read.
      this.context(identity, PERSONAL_DATA_CLASSIFICATION),
    );
    await this.stores.catchUp();
    return postId;
  }

  async networks(identity: Identity): Promise<LearningNetworkEntry[]> {
    requireRole(identity, STAFF, 'see learning networks');
    return bodiesOf(this.stores.learningNetworks(), {
      sort: [{ field: 'name', direction: 'asc' }],
    });
  }

  async network(identity: Identity, networkId: string): Promise<LearningNetworkEntry | null> {
    requireRole(identity, STAFF, 'see learning networks');
    return (await (await this.stores.learningNetworks()).get(networkId))?.body ?? null;
  }

  /** Subscriptions and digests ---------------------------------------------------------------- */

  async subscribe(identity: Identity, subscription: unknown): Promise<void> {
    const personId = staffMemberOf(identity, 'subscribe');
    await this.subscriptionCommands.handle(
      subscriptionStreamId(personId),
      { type: 'set', personId, subscription },
      this.context(identity, PERSONAL_DATA_CLASSIFICATION),
    );
    await this.stores.catchUp();
  }

  /**
   * The caller's digest e-mailed to the address they give (decision 0037): a new unsubscribe
   * token with it, kept sealed with the address; only its hash is kept in clear.
   */
  async startDigestEmails(identity: Identity, email: unknown): Promise<void> {
    const personId = staffMemberOf(identity, 'have their digest e-mailed');
    const unsubscribeToken = randomBytes(32).toString('base64url');
    await this.subscriptionCommands.handle(
      subscriptionStreamId(personId),
      {
        type: 'start-email',
        personId,
        email,
        unsubscribeToken,
        unsubscribeTokenHash: unsubscribeTokenHash(unsubscribeToken),
      },
      this.context(identity, PERSONAL_DATA_CLASSIFICATION),
    );
    await this.stores.catchUp();
  }

  async stopDigestEmails(identity: Identity): Promise<void> {
    const personId = staffMemberOf(identity, 'stop their digest e-mails');
    await this.subscriptionCommands.handle(
      subscriptionStreamId(personId),
      { type: 'stop-email', personId, via: 'signed_in' },
      this.context(identity, PERSONAL_DATA_CLASSIFICATION),
    );
    await this.stores.catchUp();
  }

  /**
   * A person the community erased (`community.person.erased`): their e-mail address and
   * unsubscribe token are shredded by destroying their key here (decision 0037), so no digest can
   * be sent to them again, and their e-mails are recorded as stopped. Idempotent: the community's
   * event may come more than once.
   */
  async forgetErasedPerson(personId: string): Promise<void> {
    await this.stores.personal.erase(personId);
    try {
      await this.subscriptionCommands.handle(
        subscriptionStreamId(personId),
        { type: 'stop-email', personId, via: 'erased' },
        commandContextFor(
          { kind: 'service', id: 'dissemination' },
          this.stores.now(),
          PERSONAL_DATA_CLASSIFICATION,
        ),
      );
    } catch (error) {
      // Never e-mailed, or stopped already: nothing more to stop.
      if (!(error instanceof NothingChanged)) throw error;
    }
    await this.stores.catchUp();
  }

  /**
   * The unsubscribe link, without signing in: a token that is no subscription's current one is
   * answered as not found, whatever it is; the current one stops the e-mails (again: no change).
   */
  async unsubscribeByLink(token: string): Promise<void> {
    const hash = unsubscribeTokenHash(token);
    const entry = await this.byUnsubscribeToken(hash);
    if (!entry) throw new NotFound('No subscription has this unsubscribe link');
    if (!entry.emailActive) return;
    const { personId } = entry;
    try {
      await this.subscriptionCommands.handle(
        subscriptionStreamId(personId),
        { type: 'stop-email', personId, via: 'link', unsubscribeTokenHash: hash },
        // The subscriber acts, through the link their e-mail carried.
        commandContextFor(
          { kind: 'person', id: personId },
          this.stores.now(),
          PERSONAL_DATA_CLASSIFICATION,
        ),
      );
    } catch (error) {
      // Stopped meanwhile (signed in, or a second click): the link has done what it does.
      if (!(error instanceof NotFound)) throw error;
    }
    await this.stores.catchUp();
  }

  /** Whether a link's token is a subscription's current one (the link's page asks first). */
  async knowsUnsubscribeToken(token: string): Promise<boolean> {
    return (await this.byUnsubscribeToken(unsubscribeTokenHash(token))) !== undefined;
  }

  private async byUnsubscribeToken(hash: string): Promise<SubscriptionEntry | undefined> {
    const found = await (
      await this.stores.subscriptions()
    ).find({ filter: { 'email.unsubscribeTokenHash': hash }, limit: 1 });
    return found.items[0]?.body;
  }

  async mySubscription(identity: Identity): Promise<MySubscription> {
    const personId = staffMemberOf(identity, 'have a subscription');
    const entry = (await (await this.stores.subscriptions()).get(personId))?.body;
    const sealed = entry?.emailActive ? entry.email?.address : undefined;
    const address = sealed && isSealed(sealed) ? await this.stores.personal.open(sealed) : null;
    return {
      topics: entry?.topics ?? [],
      crimeProblems: entry?.crimeProblems ?? [],
      email: typeof address === 'string' ? address : null,
    };
  }

  /**
   * The caller's digest: items published since the date that match any of their topics (a tag of
   * any facet) or crime problems, in any spelling or synonym, and that they may read; newest first.
   */
  async digest(identity: Identity, since: string): Promise<VisibleLibraryItem[]> {
    const subscription = await this.mySubscription(identity);
    if (Number.isNaN(Date.parse(since)))
      throw new InvalidDisseminationInput(
        `since must be a date or time, not ${JSON.stringify(since)}`,
      );
    return this.matching(identity, subscription, new Date(since).toISOString());
  }

  /**
   * What a subscriber's e-mailed digest may carry (decision 0037), by `myDigest`'s matching: the
   * items published in [since, until) that they may read now, judged as a member of staff cleared
   * for OFFICIAL only, whatever their clearance, with the projects' audiences as they stand now. An
   * e-mail leaves the platform for a mailbox: nothing OFFICIAL-SENSITIVE goes in one.
   */
  async subscriberDigest(
    personId: string,
    since: string,
    until: string,
  ): Promise<VisibleLibraryItem[]> {
    const entry = (await (await this.stores.subscriptions()).get(personId))?.body;
    if (!entry) return [];
    return this.matching(subscriberIdentity(personId), entry, since, until);
  }

  private async matching(
    identity: Identity,
    subscription: dissemination.Subscription,
    since: string,
    until?: string,
  ): Promise<VisibleLibraryItem[]> {
    const published = await bodiesOf(this.stores.libraryItems(), {
      filter: {
        status: 'published',
        'published.publishedAt': { $gte: since, ...(until ? { $lt: until } : {}) },
      },
      sort: [{ field: 'published.publishedAt', direction: 'desc' }],
    });
    const matching = published.filter((entry) =>
      inDigest(subscription, entry.published!.content.tags),
    );
    return this.seen(identity, matching, true);
  }
}

/** The caller's subscription, with the address their digest is e-mailed to (null: it is not). */
export interface MySubscription extends dissemination.Subscription {
  readonly email: string | null;
}

/** The unsubscribe token's hash, kept in clear to find a subscription from a link. */
export const unsubscribeTokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** A subscriber as an e-mailed digest judges them: staff, cleared for OFFICIAL only. */
export const subscriberIdentity = (personId: string): Identity => ({
  actor: { kind: 'person', id: personId },
  name: 'A subscriber',
  roles: ['viewer'],
  clearances: ['OFFICIAL'],
});

/** The entries whose published version names only these projects. */
function namingOnly(
  projects: ReadonlySet<string>,
  entries: readonly LibraryItemEntry[],
): LibraryItemEntry[] {
  return entries.filter(
    ({ source, published }) =>
      published !== null &&
      published !== undefined &&
      namedProjects(source, published.content).every((id) => projects.has(id)),
  );
}
