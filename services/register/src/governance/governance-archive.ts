import { z } from 'zod';
import { community as communityContracts, parseContract } from '@ebp/contracts';
import {
  consumeFeed,
  type ArchivedEvent,
  type BackgroundWork,
  type EventFeed,
  type SqlCheckpointStore,
  type SqlEventArchive,
  type StoredEvent,
} from '@ebp/eventing';

const id = z.string().min(1).max(200);
const date = z.string().min(1).max(40);
const byId = <Key extends string>(key: Key) => z.object({ [key]: id } as Record<Key, typeof id>);
const personIn = <Key extends string>(key: Key) =>
  z.object({ [key]: id, personId: id } as Record<Key | 'personId', typeof id>);

/**
 * The other services' events the governance report folds, and of each only the fields it needs:
 * ids, kinds, dates and counts, never a name or a contact of a person (a schema's unknown keys
 * are dropped). The report is printed and circulated; the people in it are counted, not named.
 */
export const GOVERNANCE_ARCHIVE = {
  partners: {
    'partners.organisation.registered': z.object({
      organisationId: id,
      organisation: z.object({ name: z.string(), kind: z.string() }),
    }),
    'partners.organisation.updated': z.object({
      organisationId: id,
      organisation: z.object({ name: z.string(), kind: z.string() }),
    }),
    'partners.academic.registered': byId('academicId'),
    'partners.agreement.signed': z.object({
      agreementId: id,
      agreement: z.object({ kind: z.string(), startsOn: date, expiresOn: date }),
    }),
    'partners.agreement.renewed': z.object({ agreementId: id, expiresOn: date }),
    'partners.agreement.terminated': z.object({ agreementId: id, on: date }),
    'partners.collaboration.started': z.object({
      collaboration: z.object({
        projectId: id,
        partner: z.object({ kind: z.enum(['organisation', 'academic']), id }),
        role: z.string(),
        until: date.optional(),
      }),
    }),
    'partners.collaboration.ended': z.object({ projectId: id, partnerId: id }),
    'partners.engagement.recorded': z.object({
      engagementId: id,
      engagement: z.object({ kind: z.string() }),
    }),
    'partners.outcome.published': z.object({
      submissionId: id,
      organisationId: id,
      outcome: z.object({ projectId: id }),
    }),
  },
  community: {
    'community.person.registered': byId('personId'),
    'community.involvement.joined': z.object({ personId: id, projectId: id, role: z.string() }),
    'community.involvement.ended': z.object({ personId: id, projectId: id }),
    'community.person.champion-appointed': z.object({
      personId: id,
      area: z.string(),
      until: date.optional(),
    }),
    'community.person.champion-stood-down': z.object({ personId: id, area: z.string() }),
    'community.person.training-recorded': z.object({
      personId: id,
      activityId: id,
      kind: z.string(),
    }),
    // Benchmarking (decision 0038): answers are anonymous; their ballot is not kept here.
    'community.survey.launched': z.object({
      campaignId: id,
      campaign: z.object({ title: z.string(), minimumCellSize: z.number().int().optional() }),
      questionSet: communityContracts.QuestionSetSchema,
    }),
    'community.survey.answered': z.object({
      campaignId: id,
      rankBand: communityContracts.RankBandSchema,
      businessArea: communityContracts.BusinessAreaSchema,
      answers: z.array(communityContracts.SurveyAnswerSchema),
    }),
    'community.survey.closed': byId('campaignId'),
  },
  dissemination: {
    'dissemination.library.item-drafted': z.object({
      itemId: id,
      source: z.object({ kind: z.string(), projectId: id.optional() }),
    }),
    'dissemination.library.item-published': z.object({
      itemId: id,
      version: z.number(),
      content: z.object({
        kind: z.string(),
        classification: z.string(),
        projectIds: z.array(id).default([]),
      }),
    }),
    'dissemination.library.item-withdrawn': byId('itemId'),
    'dissemination.library.item-released': z.object({
      itemId: id,
      version: z.number(),
      targetIds: z.array(id),
    }),
    'dissemination.delivery.scheduled': z.object({ deliveryId: id, itemId: id, targetId: id }),
    'dissemination.delivery.sent': byId('deliveryId'),
    'dissemination.delivery.acknowledged': byId('deliveryId'),
    'dissemination.delivery.attempt-failed': z.object({
      deliveryId: id,
      retryAt: z.string().nullable(),
    }),
    'dissemination.delivery.retry-requested': byId('deliveryId'),
    'dissemination.master-class.scheduled': z.object({
      masterClassId: id,
      masterClass: z.object({ kind: z.string(), startsAt: date, capacity: z.number() }),
    }),
    'dissemination.master-class.registered': personIn('masterClassId'),
    'dissemination.master-class.promoted': personIn('masterClassId'),
    'dissemination.master-class.waitlisted': personIn('masterClassId'),
    'dissemination.master-class.registration-cancelled': personIn('masterClassId'),
    'dissemination.master-class.cancelled': byId('masterClassId'),
    'dissemination.attendance.recorded': z.object({
      activityId: id,
      personId: id,
      kind: z.string(),
    }),
    'dissemination.network.created': byId('networkId'),
    'dissemination.network.joined': personIn('networkId'),
    'dissemination.network.left': personIn('networkId'),
    'dissemination.network.learning-shared': z.object({ networkId: id, postId: id }),
    'dissemination.subscription.set': byId('personId'),
  },
} as const satisfies Record<string, Record<string, z.ZodType<Record<string, unknown>>>>;

export type ArchiveSource = keyof typeof GOVERNANCE_ARCHIVE;

/**
 * What the register keeps of another service's event for governance reports, or null when the
 * report does not need it. Data that does not have the fields the report needs is refused loudly
 * (the consumer retries, then dead-letters it) rather than counted wrongly.
 */
export function governanceCopyOf(source: ArchiveSource, event: StoredEvent): ArchivedEvent | null {
  const schemas: Readonly<Record<string, z.ZodType<Record<string, unknown>>>> =
    GOVERNANCE_ARCHIVE[source];
  const schema = schemas[event.type];
  if (!schema) return null;
  return {
    eventId: event.id,
    source,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    data: parseContract(event.type, schema, event.data),
    recordedAt: new Date(event.metadata.recordedAt).toISOString(),
  };
}

/**
 * Keeps, from each feed given, what governance reports need: one consumer per service, each
 * event once however often it is delivered.
 */
export async function keepForGovernance(
  feeds: Partial<Record<ArchiveSource, EventFeed>>,
  checkpoints: SqlCheckpointStore,
  archive: SqlEventArchive,
): Promise<BackgroundWork[]> {
  const work: BackgroundWork[] = [];
  for (const source of Object.keys(GOVERNANCE_ARCHIVE) as ArchiveSource[]) {
    const feed = feeds[source];
    if (!feed) continue;
    work.push(
      await consumeFeed(feed, checkpoints, {
        name: `register.governance-archive.${source}`,
        handle: async (event) => {
          const copy = governanceCopyOf(source, event);
          if (copy) await archive.keep([copy]);
        },
      }),
    );
  }
  return work;
}
