import { randomUUID } from 'node:crypto';
import type { dissemination } from '@ebp/contracts';
import {
  CommandHandler,
  auditTrail,
  type AuditEntry,
  bodiesOf,
  commandContextFor,
  type CommandContext,
  type DocumentCollection,
  type EventStore,
} from '@ebp/eventing';
import { hasRole, requireRole, type Identity } from '@ebp/platform';
import {
  EDITORS,
  NETWORK_FOUNDERS,
  ORGANISERS,
  RELEASERS,
  STAFF,
  mayReadContent,
  searchReaderOf,
  staffMemberOf,
} from '../access/library-access';
import { InvalidDisseminationInput, NotFound } from '../dissemination-errors';
import { libraryItemDecider, libraryItemStreamId } from '../library/library-item.decider';
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
  LearningNetworkEntry,
  LibraryItemEntry,
  MasterClassEntry,
  SubscriptionEntry,
} from '../projections/dissemination-read-models';
import type { LibrarySearchIndex, SearchQuery } from '../search/search-index';
import { subscriptionDecider, subscriptionStreamId } from '../subscriptions/subscription.decider';

/** The dissemination service's stores and read models, built by its composition root. */
export interface DisseminationStores {
  readonly store: EventStore;
  readonly libraryItems: () => Promise<DocumentCollection<LibraryItemEntry>>;
  readonly deliveries: () => Promise<DocumentCollection<DeliveryEntry>>;
  readonly masterClasses: () => Promise<DocumentCollection<MasterClassEntry>>;
  readonly learningNetworks: () => Promise<DocumentCollection<LearningNetworkEntry>>;
  readonly subscriptions: () => Promise<DocumentCollection<SubscriptionEntry>>;
  readonly search: LibrarySearchIndex;
  readonly targets: readonly DeliveryTarget[];
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
}

/** What a caller sees of a master class: who registered only if they organise it. */
export interface MasterClassView extends Omit<
  MasterClassEntry,
  'registered' | 'waiting' | 'attended'
> {
  placesTaken: number;
  waitingCount: number;
  /** The caller's own place: registered, waiting, attended, or none. */
  myStatus: 'registered' | 'waiting' | 'attended' | 'none';
  registered: string[] | null;
  waiting: string[] | null;
  attended: string[] | null;
}

/**
 * The dissemination service's use cases: the library and its editorial decisions, 'What Works'
 * search, the delivery pipeline's visible state, master classes, Local Learning Networks and
 * subscriptions. Roles decide who may do what; sensitive items stay with those who need to know.
 */
export class DisseminationApplication {
  private readonly items;
  private readonly deliveryCommands;
  private readonly masterClassCommands;
  private readonly networkCommands;
  private readonly subscriptionCommands;

  constructor(private readonly stores: DisseminationStores) {
    this.items = new CommandHandler(stores.store, libraryItemDecider);
    this.deliveryCommands = new CommandHandler(stores.store, deliveryDecider);
    this.masterClassCommands = new CommandHandler(stores.store, masterClassDecider);
    this.networkCommands = new CommandHandler(stores.store, learningNetworkDecider);
    this.subscriptionCommands = new CommandHandler(stores.store, subscriptionDecider);
  }

  private context(
    identity: Identity,
    classification: dissemination.LibraryContent['classification'] = 'OFFICIAL',
  ): CommandContext {
    return commandContextFor(identity.actor, this.stores.now(), classification);
  }

  /** The library ------------------------------------------------------------------------- */

  async draftItem(identity: Identity, itemId: string, content: unknown): Promise<void> {
    requireRole(identity, EDITORS, 'draft library items');
    await this.items.handle(
      libraryItemStreamId(itemId),
      { type: 'draft', itemId, source: { kind: 'editor' }, content, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  private async editable(identity: Identity, itemId: string, action: string) {
    requireRole(identity, EDITORS, action);
    const entry = (await (await this.stores.libraryItems()).get(itemId))?.body;
    if (!entry || !mayReadContent(identity, entry.draft))
      throw new NotFound(`No library item ${itemId}`);
    return entry;
  }

  async reviseItem(identity: Identity, itemId: string, content: unknown): Promise<void> {
    const entry = await this.editable(identity, itemId, 'revise library items');
    await this.items.handle(
      libraryItemStreamId(itemId),
      { type: 'revise', itemId, content, by: identity.actor.id },
      this.context(identity, entry.classification),
    );
    await this.stores.catchUp();
  }

  /** An editorial decision: the working copy becomes the next published version. */
  async publishItem(identity: Identity, itemId: string): Promise<number> {
    const entry = await this.editable(identity, itemId, 'publish library items');
    const result = await this.items.handle(
      libraryItemStreamId(itemId),
      { type: 'publish', itemId, by: identity.actor.id },
      this.context(identity, entry.draft.classification),
    );
    await this.stores.catchUp();
    return result.state.version;
  }

  async withdrawItem(identity: Identity, itemId: string, reason: string): Promise<void> {
    const entry = await this.editable(identity, itemId, 'withdraw library items');
    await this.items.handle(
      libraryItemStreamId(itemId),
      { type: 'withdraw', itemId, reason, by: identity.actor.id },
      this.context(identity, entry.classification),
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
    await this.items.handle(
      libraryItemStreamId(itemId),
      { type: 'release', itemId, version, targetIds, justification, by: identity.actor.id },
      this.context(identity, 'OFFICIAL-SENSITIVE'),
    );
    await this.stores.catchUp();
  }

  /**
   * One item as the caller may see it: editors see drafts and withdrawn items; readers see the
   * published version, if its classification lets them.
   */
  async item(identity: Identity, itemId: string): Promise<LibraryItemEntry | null> {
    const entry = (await (await this.stores.libraryItems()).get(itemId))?.body;
    if (!entry) return null;
    if (hasRole(identity, EDITORS) && mayReadContent(identity, entry.draft)) return entry;
    if (entry.status !== 'published' || !entry.published) return null;
    return mayReadContent(identity, entry.published.content) ? entry : null;
  }

  /** Editors' list of items by status (drafts awaiting a decision, by default). */
  async itemsByStatus(identity: Identity, status: LibraryItemEntry['status']) {
    requireRole(identity, EDITORS, 'list library items by status');
    const found = await bodiesOf(this.stores.libraryItems(), {
      filter: { status },
      sort: [{ field: 'updatedAt', direction: 'desc' }],
    });
    return found.filter((entry) => mayReadContent(identity, entry.draft));
  }

  /** Published items about a register project that the caller may read. */
  async publicationsOf(identity: Identity, projectId: string): Promise<LibraryItemEntry[]> {
    const found = await bodiesOf(this.stores.libraryItems(), {
      filter: { status: 'published', projectIds: { $contains: projectId } },
      sort: [{ field: 'published.publishedAt', direction: 'desc' }],
    });
    return found.filter(
      (entry) => entry.published && mayReadContent(identity, entry.published.content),
    );
  }

  /** Newly published items the caller may read, newest first. */
  async recentlyPublished(identity: Identity, limit = 20): Promise<LibraryItemEntry[]> {
    requireRole(identity, STAFF, 'read the library');
    const found = await (
      await this.stores.libraryItems()
    ).find({
      filter: { status: 'published' },
      sort: [{ field: 'published.publishedAt', direction: 'desc' }],
      limit: Math.min(Math.max(limit, 1), 100) * 2,
    });
    return found.items
      .map((item) => item.body)
      .filter((entry) => entry.published && mayReadContent(identity, entry.published.content))
      .slice(0, limit);
  }

  async search(identity: Identity, query: SearchQuery) {
    requireRole(identity, STAFF, "search 'What Works'");
    return this.stores.search.search(query, searchReaderOf(identity));
  }

  async whatWorks(identity: Identity, crimeProblem: string) {
    requireRole(identity, STAFF, "search 'What Works'");
    return this.stores.search.whatWorks(crimeProblem, searchReaderOf(identity));
  }

  /**
   * Who changed an item, a master class or a network, when and why, oldest first: editors for
   * items (those they may read), organisers for master classes, staff for networks.
   */
  async auditTrailOf(
    identity: Identity,
    kind: 'library-item' | 'master-class' | 'network',
    id: string,
  ): Promise<AuditEntry[]> {
    if (kind === 'library-item') await this.editable(identity, id, 'see the audit trail of items');
    else requireRole(identity, kind === 'master-class' ? ORGANISERS : STAFF, 'see audit trails');
    const streamId = {
      'library-item': libraryItemStreamId,
      'master-class': masterClassStreamId,
      network: learningNetworkStreamId,
    }[kind](id);
    return auditTrail(this.stores.store, streamId);
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

  async retryDelivery(identity: Identity, deliveryId: string): Promise<void> {
    requireRole(identity, EDITORS, 'retry deliveries');
    await this.deliveryCommands.handle(
      deliveryStreamId(deliveryId),
      { type: 'retry', deliveryId, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  /** Master classes -------------------------------------------------------------------------- */

  async scheduleMasterClass(identity: Identity, masterClassId: string, masterClass: unknown) {
    requireRole(identity, ORGANISERS, 'schedule master classes');
    await this.onMasterClass(identity, {
      type: 'schedule',
      masterClassId,
      masterClass,
      by: identity.actor.id,
    });
  }

  async registerForMasterClass(identity: Identity, masterClassId: string) {
    const personId = staffMemberOf(identity, 'register for master classes');
    await this.onMasterClass(identity, {
      type: 'register',
      masterClassId,
      personId,
      now: this.stores.now(),
    });
  }

  async cancelRegistration(identity: Identity, masterClassId: string) {
    const personId = staffMemberOf(identity, 'cancel a registration');
    await this.onMasterClass(identity, {
      type: 'cancel-registration',
      masterClassId,
      personId,
      now: this.stores.now(),
    });
  }

  async recordAttendance(identity: Identity, masterClassId: string, personIds: readonly string[]) {
    requireRole(identity, ORGANISERS, 'record attendance');
    for (const personId of personIds)
      await this.onMasterClass(identity, {
        type: 'record-attendance',
        masterClassId,
        personId,
        now: this.stores.now(),
      });
  }

  async cancelMasterClass(identity: Identity, masterClassId: string, reason: string) {
    requireRole(identity, ORGANISERS, 'cancel master classes');
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
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  private masterClassView(identity: Identity, entry: MasterClassEntry): MasterClassView {
    const me = identity.actor.id;
    const organiser = hasRole(identity, ORGANISERS);
    const { registered, waiting, attended, ...details } = entry;
    return {
      ...details,
      placesTaken: registered.length,
      waitingCount: waiting.length,
      myStatus: attended.includes(me)
        ? 'attended'
        : registered.includes(me)
          ? 'registered'
          : waiting.includes(me)
            ? 'waiting'
            : 'none',
      registered: organiser ? registered : null,
      waiting: organiser ? waiting : null,
      attended: organiser ? attended : null,
    };
  }

  async masterClass(identity: Identity, masterClassId: string): Promise<MasterClassView | null> {
    requireRole(identity, STAFF, 'see master classes');
    const entry = (await (await this.stores.masterClasses()).get(masterClassId))?.body;
    return entry ? this.masterClassView(identity, entry) : null;
  }

  /** Master classes not yet started and not cancelled, soonest first. */
  async upcomingMasterClasses(identity: Identity): Promise<MasterClassView[]> {
    requireRole(identity, STAFF, 'see master classes');
    const found = await bodiesOf(this.stores.masterClasses(), {
      filter: { cancelled: false, startsAt: { $gt: this.stores.now().toISOString() } },
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
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async shareLearning(identity: Identity, networkId: string, post: unknown): Promise<string> {
    const personId = staffMemberOf(identity, 'share learning');
    const postId = randomUUID();
    await this.networkCommands.handle(
      learningNetworkStreamId(networkId),
      { type: 'share', networkId, postId, personId, post },
      this.context(identity),
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
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async mySubscription(identity: Identity): Promise<dissemination.Subscription> {
    const personId = staffMemberOf(identity, 'have a subscription');
    const entry = (await (await this.stores.subscriptions()).get(personId))?.body;
    return { topics: entry?.topics ?? [], crimeProblems: entry?.crimeProblems ?? [] };
  }

  /**
   * The caller's digest: items published since the date that match any of their topics (a tag of
   * any facet) or crime problems, and that they may read; newest first.
   */
  async digest(identity: Identity, since: string): Promise<LibraryItemEntry[]> {
    const { topics, crimeProblems } = await this.mySubscription(identity);
    if (Number.isNaN(Date.parse(since)))
      throw new InvalidDisseminationInput(
        `since must be a date or time, not ${JSON.stringify(since)}`,
      );
    const published = await bodiesOf(this.stores.libraryItems(), {
      filter: {
        status: 'published',
        'published.publishedAt': { $gte: new Date(since).toISOString() },
      },
      sort: [{ field: 'published.publishedAt', direction: 'desc' }],
    });
    return published.filter((entry) => {
      const content = entry.published!.content;
      const { tags } = content;
      const allTags = [
        ...tags.crimeProblems,
        ...tags.interventions,
        ...tags.populations,
        ...tags.settings,
      ];
      const matches =
        topics.some((topic) => allTags.includes(topic)) ||
        crimeProblems.some((problem) => tags.crimeProblems.includes(problem));
      return matches && mayReadContent(identity, content);
    });
  }
}
