import type { dissemination } from '@ebp/contracts';
import type { ProjectionDefinition, Redacted, SealedValue, StoredEvent } from '@ebp/eventing';
import type { DisseminationEvent } from '../dissemination-events';

const as = <Prefix extends string>(stored: StoredEvent) =>
  stored as unknown as DisseminationEvent<Prefix>;

export interface LibraryItemEntry {
  itemId: string;
  source: dissemination.ItemSource;
  status: 'draft' | 'published' | 'withdrawn';
  /** The editors' working copy (the next version when published). */
  draft: dissemination.LibraryContent;
  /** The last published version, as readers see it. */
  published: {
    version: number;
    content: dissemination.LibraryContent;
    publishedAt: string;
    by: string;
  } | null;
  unpublishedChanges: boolean;
  /** Projects the published version (or, before publication, the draft) is about. */
  projectIds: string[];
  classification: dissemination.LibraryContent['classification'];
  releases: {
    version: number;
    targetIds: string[];
    justification: string;
    by: string;
    at: string;
  }[];
  withdrawnReason: string | null;
  updatedAt: string;
}

/**
 * An item's tags as an entry may keep them: one kept before tags had methods and topics lacks
 * them until the projection (version 3) has been rebuilt and readers switched to it.
 */
export type KeptTags = Omit<dissemination.LibraryTags, 'methods' | 'topics'> &
  Partial<Pick<dissemination.LibraryTags, 'methods' | 'topics'>>;

export const libraryItems: ProjectionDefinition<LibraryItemEntry> = {
  name: 'dissemination-library-items',
  // 2: enumerated values respelt (decision 0023); 3: tags with methods and topics (decision 0025)
  version: 3,
  handles: [
    'dissemination.library.item-drafted',
    'dissemination.library.item-revised',
    'dissemination.library.item-published',
    'dissemination.library.item-withdrawn',
    'dissemination.library.item-released',
  ],
  documentId: (stored) => as<'library.'>(stored).data.itemId,
  evolve: (current, stored) => {
    const event = as<'library.'>(stored);
    const at = stored.metadata.recordedAt;
    if (event.type === 'dissemination.library.item-drafted')
      return {
        itemId: event.data.itemId,
        source: event.data.source,
        status: 'draft',
        draft: event.data.content,
        published: null,
        unpublishedChanges: true,
        projectIds: event.data.content.projectIds,
        classification: event.data.content.classification,
        releases: [],
        withdrawnReason: null,
        updatedAt: at,
      };
    if (!current) return null;
    switch (event.type) {
      case 'dissemination.library.item-revised':
        return {
          ...current,
          draft: event.data.content,
          unpublishedChanges: true,
          ...(current.published
            ? {}
            : {
                projectIds: event.data.content.projectIds,
                classification: event.data.content.classification,
              }),
          updatedAt: at,
        };
      case 'dissemination.library.item-published':
        return {
          ...current,
          status: 'published',
          published: {
            version: event.data.version,
            content: event.data.content,
            publishedAt: at,
            by: event.data.by,
          },
          unpublishedChanges: false,
          projectIds: event.data.content.projectIds,
          classification: event.data.content.classification,
          updatedAt: at,
        };
      case 'dissemination.library.item-withdrawn':
        return {
          ...current,
          status: 'withdrawn',
          withdrawnReason: event.data.reason,
          updatedAt: at,
        };
      case 'dissemination.library.item-released':
        return {
          ...current,
          releases: [
            ...current.releases,
            {
              version: event.data.version,
              targetIds: event.data.targetIds,
              justification: event.data.justification,
              by: event.data.by,
              at,
            },
          ],
          updatedAt: at,
        };
    }
  },
};

export interface DeliveryEntry {
  deliveryId: string;
  itemId: string;
  version: number;
  targetId: dissemination.TargetId;
  idempotencyKey: string;
  status: dissemination.DeliveryState;
  attempts: number;
  lastError: string | null;
  lastHttpStatus: number | null;
  /** When the next attempt is due (pending: now; retrying: after the backoff); null otherwise. */
  nextAttemptAt: string | null;
  reference: string | null;
  updatedAt: string;
}

export const deliveries: ProjectionDefinition<DeliveryEntry> = {
  name: 'dissemination-deliveries',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [
    'dissemination.delivery.scheduled',
    'dissemination.delivery.sent',
    'dissemination.delivery.acknowledged',
    'dissemination.delivery.attempt-failed',
    'dissemination.delivery.retry-requested',
  ],
  documentId: (stored) => as<'delivery.'>(stored).data.deliveryId,
  evolve: (current, stored) => {
    const event = as<'delivery.'>(stored);
    const at = stored.metadata.recordedAt;
    if (event.type === 'dissemination.delivery.scheduled')
      return {
        ...event.data,
        status: 'pending',
        attempts: 0,
        lastError: null,
        lastHttpStatus: null,
        nextAttemptAt: at,
        reference: null,
        updatedAt: at,
      };
    if (!current) return null;
    switch (event.type) {
      case 'dissemination.delivery.sent':
        return {
          ...current,
          status: 'sent',
          attempts: event.data.attempt,
          lastHttpStatus: event.data.httpStatus,
          nextAttemptAt: null,
          updatedAt: at,
        };
      case 'dissemination.delivery.acknowledged':
        return {
          ...current,
          status: 'acknowledged',
          attempts: event.data.attempt,
          lastHttpStatus: event.data.httpStatus,
          reference: event.data.reference ?? null,
          nextAttemptAt: null,
          updatedAt: at,
        };
      case 'dissemination.delivery.attempt-failed':
        return {
          ...current,
          status: event.data.retryAt === null ? 'failed' : 'retrying',
          attempts: event.data.attempt,
          lastError: event.data.error,
          lastHttpStatus: event.data.httpStatus,
          nextAttemptAt: event.data.retryAt,
          updatedAt: at,
        };
      case 'dissemination.delivery.retry-requested':
        return { ...current, status: 'retrying', nextAttemptAt: at, updatedAt: at };
    }
  },
};

export interface MasterClassEntry extends dissemination.MasterClass {
  masterClassId: string;
  cancelled: boolean;
  /** People (of the talent pool) with a place, waiting and attended. */
  registered: string[];
  waiting: string[];
  attended: string[];
  /** Partner organisations with a place, waiting and attended (decision 0039). */
  partnersBooked: string[];
  partnersWaiting: string[];
  partnersAttended: string[];
}

const without = (list: string[], id: string) => list.filter((entry) => entry !== id);

export const masterClasses: ProjectionDefinition<MasterClassEntry> = {
  name: 'dissemination-master-classes',
  // 2: enumerated values respelt (decision 0023); 3: open to partners, partners' places (0039)
  version: 3,
  handles: [
    'dissemination.master-class.scheduled',
    'dissemination.master-class.registered',
    'dissemination.master-class.waitlisted',
    'dissemination.master-class.registration-cancelled',
    'dissemination.master-class.promoted',
    'dissemination.master-class.cancelled',
    'dissemination.attendance.recorded',
    'dissemination.master-class.partner-booked',
    'dissemination.master-class.partner-waitlisted',
    'dissemination.master-class.partner-booking-cancelled',
    'dissemination.master-class.partner-promoted',
    'dissemination.master-class.partner-attended',
  ],
  documentId: (stored) => {
    const event = as<'master-class.' | 'attendance.'>(stored);
    return event.type === 'dissemination.attendance.recorded'
      ? event.data.activityId
      : event.data.masterClassId;
  },
  evolve: (current, stored) => {
    const event = as<'master-class.' | 'attendance.'>(stored);
    if (event.type === 'dissemination.master-class.scheduled')
      return {
        ...event.data.masterClass,
        masterClassId: event.data.masterClassId,
        cancelled: false,
        registered: [],
        waiting: [],
        attended: [],
        partnersBooked: [],
        partnersWaiting: [],
        partnersAttended: [],
      };
    if (!current) return null;
    switch (event.type) {
      case 'dissemination.master-class.registered':
        return { ...current, registered: [...current.registered, event.data.personId] };
      case 'dissemination.master-class.waitlisted':
        return { ...current, waiting: [...current.waiting, event.data.personId] };
      case 'dissemination.master-class.registration-cancelled':
        return {
          ...current,
          registered: without(current.registered, event.data.personId),
          waiting: without(current.waiting, event.data.personId),
        };
      case 'dissemination.master-class.promoted':
        return {
          ...current,
          registered: [...current.registered, event.data.personId],
          waiting: without(current.waiting, event.data.personId),
        };
      case 'dissemination.master-class.cancelled':
        return { ...current, cancelled: true };
      case 'dissemination.attendance.recorded':
        return { ...current, attended: [...current.attended, event.data.personId] };
      case 'dissemination.master-class.partner-booked':
        return {
          ...current,
          partnersBooked: [...current.partnersBooked, event.data.organisationId],
        };
      case 'dissemination.master-class.partner-waitlisted':
        return {
          ...current,
          partnersWaiting: [...current.partnersWaiting, event.data.organisationId],
        };
      case 'dissemination.master-class.partner-booking-cancelled':
        return {
          ...current,
          partnersBooked: without(current.partnersBooked, event.data.organisationId),
          partnersWaiting: without(current.partnersWaiting, event.data.organisationId),
        };
      case 'dissemination.master-class.partner-promoted':
        return {
          ...current,
          partnersBooked: [...current.partnersBooked, event.data.organisationId],
          partnersWaiting: without(current.partnersWaiting, event.data.organisationId),
        };
      case 'dissemination.master-class.partner-attended':
        return {
          ...current,
          partnersAttended: [...current.partnersAttended, event.data.organisationId],
        };
    }
  },
};

export interface LearningNetworkEntry {
  networkId: string;
  name: string;
  focus: 'area' | 'theme';
  area: string | null;
  theme: string | null;
  description: string;
  members: string[];
  posts: {
    postId: string;
    personId: string;
    title: string;
    body: string;
    itemIds: string[];
    sharedAt: string;
  }[];
}

export const learningNetworks: ProjectionDefinition<LearningNetworkEntry> = {
  name: 'dissemination-learning-networks',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [
    'dissemination.network.created',
    'dissemination.network.joined',
    'dissemination.network.left',
    'dissemination.network.learning-shared',
  ],
  documentId: (stored) => as<'network.'>(stored).data.networkId,
  evolve: (current, stored) => {
    const event = as<'network.'>(stored);
    if (event.type === 'dissemination.network.created') {
      const { network } = event.data;
      return {
        networkId: event.data.networkId,
        name: network.name,
        focus: network.focus,
        area: network.area ?? null,
        theme: network.theme ?? null,
        description: network.description,
        members: [],
        posts: [],
      };
    }
    if (!current) return null;
    switch (event.type) {
      case 'dissemination.network.joined':
        return { ...current, members: [...current.members, event.data.personId] };
      case 'dissemination.network.left':
        return { ...current, members: without(current.members, event.data.personId) };
      case 'dissemination.network.learning-shared':
        return {
          ...current,
          posts: [
            ...current.posts,
            {
              postId: event.data.postId,
              personId: event.data.personId,
              ...event.data.post,
              sharedAt: stored.metadata.recordedAt,
            },
          ],
        };
    }
  },
};

export interface SubscriptionEntry extends dissemination.Subscription {
  personId: string;
  /**
   * Where the digest is e-mailed, as the log keeps it: the address and the unsubscribe token
   * sealed under the subscriber's key (decision 0037); the token's hash in clear, to find the
   * subscription from a link. Kept after the e-mails stop, so the same link answers the same.
   */
  email: {
    address: SealedValue | Redacted;
    unsubscribeToken: SealedValue | Redacted;
    unsubscribeTokenHash: string;
    since: string;
  } | null;
  /** Whether the digest is e-mailed now (what the digest cycle looks for). */
  emailActive: boolean;
  /** The last digest scheduled: its period, and the end of what it covered. */
  lastDigest: { period: string; until: string } | null;
}

export const subscriptions: ProjectionDefinition<SubscriptionEntry> = {
  name: 'dissemination-subscriptions',
  version: 3, // 2: enumerated values respelt (decision 0023); 3: digest e-mails (decision 0037)
  handles: [
    'dissemination.subscription.set',
    'dissemination.subscription.email-started',
    'dissemination.subscription.email-stopped',
    'dissemination.digest.scheduled',
  ],
  documentId: (stored) => (stored.data as { personId: string }).personId,
  evolve: (current, stored) => {
    const event = as<'subscription.' | 'digest.'>(stored);
    const entry: SubscriptionEntry = current ?? {
      personId: (stored.data as { personId: string }).personId,
      topics: [],
      crimeProblems: [],
      email: null,
      emailActive: false,
      lastDigest: null,
    };
    switch (event.type) {
      case 'dissemination.subscription.set':
        return { ...entry, topics: event.data.topics, crimeProblems: event.data.crimeProblems };
      case 'dissemination.subscription.email-started':
        return {
          ...entry,
          // Read from the log as stored: sealed (the decider saw them open).
          email: {
            address: event.data.address as unknown as SealedValue,
            unsubscribeToken: event.data.unsubscribeToken as unknown as SealedValue,
            unsubscribeTokenHash: event.data.unsubscribeTokenHash,
            since: stored.metadata.recordedAt,
          },
          emailActive: true,
        };
      case 'dissemination.subscription.email-stopped':
        return { ...entry, emailActive: false };
      case 'dissemination.digest.scheduled':
        return { ...entry, lastDigest: { period: event.data.period, until: event.data.until } };
      default:
        return entry;
    }
  },
};

/** One subscriber's digest for one period, as the digest worker and the subscriber see it. */
export interface DigestEntry {
  digestId: string;
  personId: string;
  period: string;
  itemIds: string[];
  since: string;
  until: string;
  status: dissemination.DigestState;
  attempts: number;
  lastError: string | null;
  /** When the next attempt is due; null once sent, given up, cancelled, or while one is under way. */
  nextAttemptAt: string | null;
  updatedAt: string;
}

export const digests: ProjectionDefinition<DigestEntry> = {
  name: 'dissemination-digests',
  version: 1,
  handles: [
    'dissemination.digest.scheduled',
    'dissemination.digest.attempt-started',
    'dissemination.digest.sent',
    'dissemination.digest.attempt-failed',
    'dissemination.digest.cancelled',
  ],
  documentId: (stored) => as<'digest.'>(stored).data.digestId,
  evolve: (current, stored) => {
    const event = as<'digest.'>(stored);
    const at = stored.metadata.recordedAt;
    if (event.type === 'dissemination.digest.scheduled')
      return {
        ...event.data,
        itemIds: [...event.data.itemIds],
        status: 'pending',
        attempts: 0,
        lastError: null,
        nextAttemptAt: at,
        updatedAt: at,
      };
    if (!current) return null;
    switch (event.type) {
      case 'dissemination.digest.attempt-started':
        return {
          ...current,
          status: 'sending',
          attempts: event.data.attempt,
          nextAttemptAt: null,
          updatedAt: at,
        };
      case 'dissemination.digest.sent':
        return { ...current, status: 'sent', nextAttemptAt: null, updatedAt: at };
      case 'dissemination.digest.attempt-failed':
        return {
          ...current,
          status: event.data.retryAt === null ? 'failed' : 'retrying',
          lastError: event.data.error,
          nextAttemptAt: event.data.retryAt,
          updatedAt: at,
        };
      case 'dissemination.digest.cancelled':
        return { ...current, status: 'cancelled', nextAttemptAt: null, updatedAt: at };
    }
  },
};
