import type { z } from 'zod';
import { community } from '@ebp/contracts';
import type { ArchivedEvent } from '@ebp/eventing';
import type { ArchiveSource, GOVERNANCE_ARCHIVE } from './governance-archive';

type Kept = typeof GOVERNANCE_ARCHIVE;
type DataOf<
  Source extends ArchiveSource,
  Type extends keyof Kept[Source],
> = Kept[Source][Type] extends z.ZodType ? z.output<Kept[Source][Type]> : never;

type DeliveryStatus = 'scheduled' | 'sent' | 'acknowledged' | 'retrying' | 'failed';

interface MasterClassRecord {
  readonly kind: string;
  readonly startsAt: string;
  cancelled: boolean;
  readonly places: Set<string>;
  readonly waiting: Set<string>;
}

/**
 * The partners', the community's and the dissemination service's part of the register's history,
 * folded from the copies the register keeps (governance-archive): who the partners are and which
 * projects they work on, how many people are involved, and how far the findings have reached.
 */
export class OtherServicesRecord {
  readonly organisations = new Map<string, { name: string; kind: string }>();
  readonly academics = new Set<string>();
  readonly agreements = new Map<
    string,
    { kind: string; startsOn: string; expiresOn: string; terminated: boolean }
  >();
  /** Keyed project and partner. */
  readonly collaborations = new Map<
    string,
    { projectId: string; partnerKind: string; partnerId: string; role: string; until?: string }
  >();
  readonly engagements = new Map<string, string>();
  /** Published partner outcomes: submission id to the project it is about. */
  readonly outcomesPublished = new Map<string, string>();
  readonly people = new Set<string>();
  /** Keyed person and project. */
  readonly involvements = new Map<string, { projectId: string; role: string }>();
  /** Keyed person and area. */
  readonly champions = new Map<string, { area: string; until?: string }>();
  readonly trainingByKind = new Map<string, Set<string>>();
  readonly itemsFromProjects = new Map<string, string>();
  readonly published = new Map<
    string,
    { kind: string; classification: string; versions: number; projectIds: readonly string[] }
  >();
  readonly withdrawn = new Set<string>();
  readonly releases = new Set<string>();
  readonly deliveries = new Map<
    string,
    { itemId: string; targetId: string; status: DeliveryStatus }
  >();
  readonly masterClasses = new Map<string, MasterClassRecord>();
  readonly attendances = new Map<string, Set<string>>();
  readonly networks = new Map<string, Set<string>>();
  readonly posts = new Set<string>();
  readonly subscribers = new Set<string>();
  /** Benchmarking campaigns: their question set, counts of answers, and when they closed. */
  readonly surveys = new Map<
    string,
    {
      readonly title: string;
      readonly minimumCellSize: number;
      readonly questionSet: community.QuestionSet;
      tally: community.SurveyTally;
      closedAt: string | null;
    }
  >();
  events = 0;

  /**
   * A copy that keeps only what concerns projects `keep` accepts (decision 0019): collaborations,
   * team members and partner outcomes about other projects go; a library item drafted from another
   * project is that project's data, so it goes with its releases and deliveries; an item an editor
   * wrote stays, without the other projects it names. Everything not tied to a project is shared.
   */
  onlyProjects(keep: (projectId: string) => boolean): OtherServicesRecord {
    const kept = <Value>(
      map: ReadonlyMap<string, Value>,
      stays: (value: Value, key: string) => boolean,
    ): Map<string, Value> => new Map([...map].filter(([key, value]) => stays(value, key)));
    const itemKept = (itemId: string) => {
      const source = this.itemsFromProjects.get(itemId);
      return source === undefined || keep(source);
    };
    const published = new Map(
      [...kept(this.published, (_item, itemId) => itemKept(itemId))].map(([itemId, item]) => [
        itemId,
        { ...item, projectIds: item.projectIds.filter(keep) },
      ]),
    );
    const copy = Object.assign(new OtherServicesRecord(), this);
    return Object.assign(copy, {
      collaborations: kept(this.collaborations, (item) => keep(item.projectId)),
      involvements: kept(this.involvements, (item) => keep(item.projectId)),
      outcomesPublished: kept(this.outcomesPublished, keep),
      itemsFromProjects: kept(this.itemsFromProjects, keep),
      published,
      withdrawn: new Set([...this.withdrawn].filter(itemKept)),
      releases: new Set([...this.releases].filter((release) => itemKept(release.split('@v')[0]!))),
      deliveries: kept(this.deliveries, (delivery) => itemKept(delivery.itemId)),
    });
  }

  apply(event: ArchivedEvent): void {
    const handler = (
      HANDLERS as Record<
        string,
        ((record: OtherServicesRecord, data: never, event: ArchivedEvent) => void) | undefined
      >
    )[event.type];
    if (!handler) return;
    handler(this, event.data as never, event);
    this.events += 1;
  }

  setDelivery(deliveryId: string, status: DeliveryStatus): void {
    const delivery = this.deliveries.get(deliveryId);
    if (delivery) delivery.status = status;
  }

  masterClass(masterClassId: string): MasterClassRecord | undefined {
    return this.masterClasses.get(masterClassId);
  }
}

type Handlers = {
  [Source in ArchiveSource]: {
    [Type in keyof Kept[Source]]: (
      record: OtherServicesRecord,
      data: DataOf<Source, Type>,
      event: ArchivedEvent,
    ) => void;
  };
};

const organisation = (
  record: OtherServicesRecord,
  data: DataOf<'partners', 'partners.organisation.registered'>,
) =>
  record.organisations.set(data.organisationId, {
    name: data.organisation.name,
    kind: data.organisation.kind,
  });

const BY_SOURCE: Handlers = {
  partners: {
    'partners.organisation.registered': organisation,
    'partners.organisation.updated': organisation,
    'partners.academic.registered': (record, data) => record.academics.add(data.academicId),
    'partners.agreement.signed': (record, data) =>
      record.agreements.set(data.agreementId, { ...data.agreement, terminated: false }),
    'partners.agreement.renewed': (record, data) => {
      const agreement = record.agreements.get(data.agreementId);
      if (agreement) agreement.expiresOn = data.expiresOn;
    },
    'partners.agreement.terminated': (record, data) => {
      const agreement = record.agreements.get(data.agreementId);
      if (agreement) agreement.terminated = true;
    },
    'partners.collaboration.started': (record, { collaboration }) =>
      record.collaborations.set(`${collaboration.projectId} ${collaboration.partner.id}`, {
        projectId: collaboration.projectId,
        partnerKind: collaboration.partner.kind,
        partnerId: collaboration.partner.id,
        role: collaboration.role,
        ...(collaboration.until ? { until: collaboration.until } : {}),
      }),
    'partners.collaboration.ended': (record, data) =>
      record.collaborations.delete(`${data.projectId} ${data.partnerId}`),
    'partners.engagement.recorded': (record, data) =>
      record.engagements.set(data.engagementId, data.engagement.kind),
    'partners.outcome.published': (record, data) =>
      record.outcomesPublished.set(data.submissionId, data.outcome.projectId),
  },
  community: {
    'community.person.registered': (record, data) => record.people.add(data.personId),
    'community.involvement.joined': (record, data) =>
      record.involvements.set(`${data.personId} ${data.projectId}`, {
        projectId: data.projectId,
        role: data.role,
      }),
    'community.involvement.ended': (record, data) =>
      record.involvements.delete(`${data.personId} ${data.projectId}`),
    'community.person.champion-appointed': (record, data) =>
      record.champions.set(`${data.personId} ${data.area}`, {
        area: data.area,
        ...(data.until ? { until: data.until } : {}),
      }),
    'community.person.champion-stood-down': (record, data) =>
      record.champions.delete(`${data.personId} ${data.area}`),
    'community.person.training-recorded': (record, data) => {
      const people = record.trainingByKind.get(data.kind) ?? new Set<string>();
      people.add(data.personId);
      record.trainingByKind.set(data.kind, people);
    },
    'community.survey.launched': (record, data) =>
      record.surveys.set(data.campaignId, {
        title: data.campaign.title,
        minimumCellSize: data.campaign.minimumCellSize ?? community.DEFAULT_MINIMUM_CELL_SIZE,
        questionSet: data.questionSet,
        tally: community.emptyTally(),
        closedAt: null,
      }),
    'community.survey.answered': (record, data) => {
      const survey = record.surveys.get(data.campaignId);
      if (survey) survey.tally = community.tallyAnswer(survey.tally, data);
    },
    'community.survey.closed': (record, data, event) => {
      const survey = record.surveys.get(data.campaignId);
      if (survey) survey.closedAt = event.recordedAt;
    },
  },
  dissemination: {
    'dissemination.library.item-drafted': (record, data) => {
      if (data.source.projectId) record.itemsFromProjects.set(data.itemId, data.source.projectId);
    },
    'dissemination.library.item-published': (record, data) =>
      record.published.set(data.itemId, {
        kind: data.content.kind,
        classification: data.content.classification,
        versions: data.version,
        projectIds: data.content.projectIds,
      }),
    'dissemination.library.item-withdrawn': (record, data) => record.withdrawn.add(data.itemId),
    'dissemination.library.item-released': (record, data) =>
      record.releases.add(`${data.itemId}@v${data.version}`),
    'dissemination.delivery.scheduled': (record, data) =>
      record.deliveries.set(data.deliveryId, {
        itemId: data.itemId,
        targetId: data.targetId,
        status: 'scheduled',
      }),
    'dissemination.delivery.sent': (record, data) => record.setDelivery(data.deliveryId, 'sent'),
    'dissemination.delivery.acknowledged': (record, data) =>
      record.setDelivery(data.deliveryId, 'acknowledged'),
    'dissemination.delivery.attempt-failed': (record, data) =>
      record.setDelivery(data.deliveryId, data.retryAt === null ? 'failed' : 'retrying'),
    'dissemination.delivery.retry-requested': (record, data) =>
      record.setDelivery(data.deliveryId, 'retrying'),
    'dissemination.master-class.scheduled': (record, data) =>
      record.masterClasses.set(data.masterClassId, {
        kind: data.masterClass.kind,
        startsAt: data.masterClass.startsAt,
        cancelled: false,
        places: new Set(),
        waiting: new Set(),
      }),
    'dissemination.master-class.registered': (record, data) =>
      record.masterClass(data.masterClassId)?.places.add(data.personId),
    'dissemination.master-class.promoted': (record, data) => {
      const masterClass = record.masterClass(data.masterClassId);
      masterClass?.waiting.delete(data.personId);
      masterClass?.places.add(data.personId);
    },
    'dissemination.master-class.waitlisted': (record, data) =>
      record.masterClass(data.masterClassId)?.waiting.add(data.personId),
    'dissemination.master-class.registration-cancelled': (record, data) => {
      const masterClass = record.masterClass(data.masterClassId);
      masterClass?.waiting.delete(data.personId);
      masterClass?.places.delete(data.personId);
    },
    'dissemination.master-class.cancelled': (record, data) => {
      const masterClass = record.masterClass(data.masterClassId);
      if (masterClass) masterClass.cancelled = true;
    },
    'dissemination.attendance.recorded': (record, data) => {
      const people = record.attendances.get(data.kind) ?? new Set<string>();
      people.add(`${data.activityId} ${data.personId}`);
      record.attendances.set(data.kind, people);
    },
    'dissemination.network.created': (record, data) =>
      record.networks.set(data.networkId, new Set()),
    'dissemination.network.joined': (record, data) =>
      record.networks.get(data.networkId)?.add(data.personId),
    'dissemination.network.left': (record, data) =>
      record.networks.get(data.networkId)?.delete(data.personId),
    'dissemination.network.learning-shared': (record, data) => record.posts.add(data.postId),
    'dissemination.subscription.set': (record, data) => record.subscribers.add(data.personId),
  },
};

const HANDLERS = Object.assign({}, ...Object.values(BY_SOURCE)) as Record<
  string,
  (record: OtherServicesRecord, data: never) => void
>;
