import type { partners } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import { z } from 'zod';
import type { PartnersEvent } from '../partners-events';

const as = <Prefix extends string>(stored: StoredEvent) =>
  stored as unknown as PartnersEvent<Prefix>;

export interface OrganisationEntry extends partners.Organisation {
  organisationId: string;
  updatedAt: string;
}

export const organisations: ProjectionDefinition<OrganisationEntry> = {
  name: 'partners-organisations',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: ['partners.organisation.registered', 'partners.organisation.updated'],
  documentId: (stored) => as<'organisation.'>(stored).data.organisationId,
  evolve: (_current, stored) => {
    const { data } = as<'organisation.'>(stored);
    return {
      ...data.organisation,
      organisationId: data.organisationId,
      updatedAt: stored.metadata.recordedAt,
    };
  },
};

export interface AcademicEntry extends partners.Academic {
  academicId: string;
  /** The organisations they are affiliated with now (for search and partner scoping). */
  currentOrganisationIds: string[];
}

const withCurrent = (entry: Omit<AcademicEntry, 'currentOrganisationIds'>): AcademicEntry => ({
  ...entry,
  currentOrganisationIds: entry.affiliations
    .filter((affiliation) => affiliation.until === undefined)
    .map((affiliation) => affiliation.organisationId),
});

export const academics: ProjectionDefinition<AcademicEntry> = {
  name: 'partners-academics',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [
    'partners.academic.registered',
    'partners.academic.affiliated',
    'partners.academic.affiliation-ended',
  ],
  documentId: (stored) => as<'academic.'>(stored).data.academicId,
  evolve: (current, stored) => {
    const event = as<'academic.'>(stored);
    switch (event.type) {
      case 'partners.academic.registered':
        return withCurrent({ ...event.data.academic, academicId: event.data.academicId });
      case 'partners.academic.affiliated':
        return (
          current &&
          withCurrent({
            ...current,
            affiliations: [...current.affiliations, event.data.affiliation],
          })
        );
      case 'partners.academic.affiliation-ended':
        return (
          current &&
          withCurrent({
            ...current,
            affiliations: current.affiliations.map((affiliation) =>
              affiliation.organisationId === event.data.organisationId &&
              affiliation.until === undefined
                ? { ...affiliation, until: event.data.on }
                : affiliation,
            ),
          })
        );
    }
  },
};

export interface AgreementEntry {
  agreementId: string;
  kind: partners.Agreement['kind'];
  title: string;
  partyIds: string[];
  startsOn: string;
  expiresOn: string;
  status: 'in_force' | 'terminated';
}

export const agreements: ProjectionDefinition<AgreementEntry> = {
  name: 'partners-agreements',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [
    'partners.agreement.signed',
    'partners.agreement.renewed',
    'partners.agreement.terminated',
  ],
  documentId: (stored) => as<'agreement.'>(stored).data.agreementId,
  evolve: (current, stored) => {
    const event = as<'agreement.'>(stored);
    switch (event.type) {
      case 'partners.agreement.signed': {
        const { agreement } = event.data;
        return {
          agreementId: event.data.agreementId,
          kind: agreement.kind,
          title: agreement.title,
          partyIds: agreement.partyIds,
          startsOn: agreement.startsOn,
          expiresOn: agreement.expiresOn,
          status: 'in_force',
        };
      }
      case 'partners.agreement.renewed':
        return current && { ...current, expiresOn: event.data.expiresOn };
      case 'partners.agreement.terminated':
        return current && { ...current, status: 'terminated' };
    }
  },
};

/** Where a partner's submission stands: waiting for a moderator, then published or rejected. */
export const PartnerOutcomeStatusSchema = z
  .enum(['awaiting_moderation', 'published', 'rejected'])
  .describe(
    'Where a submission stands: awaiting moderation, published (accepted by a moderator) or rejected.',
  );

export interface OutcomeEntry extends partners.PartnerOutcome {
  submissionId: string;
  organisationId: string;
  channel: z.infer<typeof partners.OutcomeChannelSchema>;
  status: z.infer<typeof PartnerOutcomeStatusSchema>;
  reason: string | null;
  receivedAt: string;
}

export const outcomes: ProjectionDefinition<OutcomeEntry> = {
  name: 'partners-outcomes',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [
    'partners.outcome.submitted',
    'partners.outcome.published',
    'partners.outcome.rejected',
  ],
  documentId: (stored) => as<'outcome.'>(stored).data.submissionId,
  evolve: (current, stored) => {
    const event = as<'outcome.'>(stored);
    switch (event.type) {
      case 'partners.outcome.submitted':
        return {
          ...event.data.outcome,
          submissionId: event.data.submissionId,
          organisationId: event.data.organisationId,
          channel: event.data.channel,
          status: 'awaiting_moderation',
          reason: null,
          receivedAt: stored.metadata.recordedAt,
        };
      case 'partners.outcome.published':
        return current && { ...current, status: 'published' };
      case 'partners.outcome.rejected':
        return current && { ...current, status: 'rejected', reason: event.data.reason };
    }
  },
};

/** Where a quarantined item stands: held until an administrator resubmits or discards it. */
export const QuarantineStatusSchema = z
  .enum(['held', 'resubmitted', 'discarded'])
  .describe(
    'Where a quarantined item stands: held, resubmitted corrected, or discarded by an administrator.',
  );

export interface QuarantineEntry {
  itemId: string;
  channel: z.infer<typeof partners.OutcomeChannelSchema>;
  organisationId: string | null;
  reason: string;
  received: string;
  status: z.infer<typeof QuarantineStatusSchema>;
  heldAt: string;
}

/**
 * The project a quarantined input names, when that can be told for certain: JSON (not cut at the
 * size limit) whose `projectId` is a string. Anything else is not attributed to any project.
 */
export function projectNamedIn(received: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(received);
    if (typeof parsed !== 'object' || parsed === null || !('projectId' in parsed)) return undefined;
    return typeof parsed.projectId === 'string' ? parsed.projectId : undefined;
  } catch {
    return undefined;
  }
}

export const quarantine: ProjectionDefinition<QuarantineEntry> = {
  name: 'partners-quarantine',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [
    'partners.quarantine.held',
    'partners.quarantine.resubmitted',
    'partners.quarantine.discarded',
  ],
  documentId: (stored) => as<'quarantine.'>(stored).data.itemId,
  evolve: (current, stored) => {
    const event = as<'quarantine.'>(stored);
    switch (event.type) {
      case 'partners.quarantine.held':
        return { ...event.data, status: 'held', heldAt: stored.metadata.recordedAt };
      case 'partners.quarantine.resubmitted':
        return current && { ...current, status: 'resubmitted' };
      case 'partners.quarantine.discarded':
        return current && { ...current, status: 'discarded', reason: event.data.reason };
    }
  },
};

export interface EngagementEntry {
  engagementId: string;
  kind: partners.Engagement['kind'];
  title: string;
  on: string;
  organisationIds: string[];
  academicIds: string[];
  peopleIds: string[];
}

/** The engagement log: meetings, research fairs and master classes, with partners and staff. */
export const engagements: ProjectionDefinition<EngagementEntry> = {
  name: 'partners-engagements',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: ['partners.engagement.recorded'],
  documentId: (stored) => as<'engagement.'>(stored).data.engagementId,
  evolve: (_current, stored) => {
    const { data } = as<'engagement.'>(stored);
    return { ...data.engagement, engagementId: data.engagementId };
  },
};
