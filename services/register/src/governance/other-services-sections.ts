import { dissemination } from '@ebp/contracts';
import { countBy, type Count, type ProjectLine } from './report-counts';
import type { OtherServicesRecord } from './other-services-record';

export interface PartnersSection {
  readonly organisations: { readonly total: number; readonly byKind: readonly Count[] };
  readonly academics: number;
  /** Signed, started, not expired and not terminated on the report's day. */
  readonly agreementsInForce: readonly Count[];
  readonly collaborations: {
    readonly active: number;
    readonly byRole: readonly Count[];
    readonly projects: readonly (ProjectLine & {
      readonly organisations: readonly string[];
      readonly academics: number;
    })[];
  };
  readonly engagements: readonly Count[];
  readonly outcomesPublished: number;
}

/** People are counted, never named: the report is printed and circulated. */
export interface PeopleSection {
  readonly inTalentPool: number;
  readonly involved: number;
  readonly involvementsByRole: readonly Count[];
  readonly projects: readonly (ProjectLine & { readonly people: number })[];
  readonly champions: { readonly total: number; readonly byArea: readonly Count[] };
  /** Distinct people with training of each kind recorded. */
  readonly trained: readonly Count[];
}

export interface ReachSection {
  readonly library: {
    /** Items with a published version that are not withdrawn. */
    readonly published: number;
    readonly byKind: readonly Count[];
    readonly versions: number;
    readonly withdrawn: number;
    /** Register projects with findings in a published item. */
    readonly projectsPublished: number;
    readonly sensitiveReleases: number;
  };
  readonly deliveries: readonly {
    readonly targetId: string;
    readonly name: string;
    readonly acknowledged: number;
    readonly sent: number;
    readonly pending: number;
    readonly failed: number;
  }[];
  readonly masterClasses: {
    readonly held: number;
    readonly upcoming: number;
    readonly cancelled: number;
    readonly places: number;
    readonly waiting: number;
    /** Attendances recorded, by kind of activity. */
    readonly attendances: readonly Count[];
  };
  readonly learningNetworks: {
    readonly networks: number;
    readonly members: number;
    readonly posts: number;
  };
  readonly subscribers: number;
}

const bodyName = (targetId: string) =>
  (dissemination.NATIONAL_BODIES as Record<string, { name: string } | undefined>)[targetId]?.name ??
  targetId;

const inForceOn = (asOf: string, until: string | undefined) => until === undefined || until >= asOf;

/** The partners section: organisations, agreements, and who works on which project. */
export function partnersSection(
  record: OtherServicesRecord,
  asOf: string,
  lineOf: (projectId: string) => ProjectLine,
): PartnersSection {
  const active = [...record.collaborations.values()].filter((item) => inForceOn(asOf, item.until));
  const byProject = new Map<string, typeof active>();
  for (const item of active)
    byProject.set(item.projectId, [...(byProject.get(item.projectId) ?? []), item]);
  return {
    organisations: {
      total: record.organisations.size,
      byKind: countBy([...record.organisations.values()].map((item) => item.kind)),
    },
    academics: record.academics.size,
    agreementsInForce: countBy(
      [...record.agreements.values()]
        .filter((item) => !item.terminated && item.startsOn <= asOf && item.expiresOn >= asOf)
        .map((item) => item.kind),
    ),
    collaborations: {
      active: active.length,
      byRole: countBy(active.map((item) => item.role)),
      projects: [...byProject.keys()].sort().map((projectId) => {
        const partners = byProject.get(projectId)!;
        return {
          ...lineOf(projectId),
          organisations: partners
            .filter((item) => item.partnerKind === 'organisation')
            .map((item) => record.organisations.get(item.partnerId)?.name ?? item.partnerId)
            .sort(),
          academics: partners.filter((item) => item.partnerKind === 'academic').length,
        };
      }),
    },
    engagements: countBy([...record.engagements.values()]),
    outcomesPublished: record.outcomesPublished.size,
  };
}

/** The people section: how many, in which roles, on which projects; champions and training. */
export function peopleSection(
  record: OtherServicesRecord,
  asOf: string,
  lineOf: (projectId: string) => ProjectLine,
): PeopleSection {
  const involvements = [...record.involvements.entries()];
  const teamSizes = new Map<string, number>();
  for (const [, item] of involvements)
    teamSizes.set(item.projectId, (teamSizes.get(item.projectId) ?? 0) + 1);
  const champions = [...record.champions.values()].filter((item) => inForceOn(asOf, item.until));
  return {
    inTalentPool: record.people.size,
    involved: new Set(involvements.map(([key]) => key.split(' ')[0])).size,
    involvementsByRole: countBy(involvements.map(([, item]) => item.role)),
    projects: [...teamSizes.keys()]
      .sort()
      .map((projectId) => ({ ...lineOf(projectId), people: teamSizes.get(projectId)! })),
    champions: { total: champions.length, byArea: countBy(champions.map((item) => item.area)) },
    trained: [...record.trainingByKind.keys()]
      .sort()
      .map((kind) => ({ key: kind, label: kind, count: record.trainingByKind.get(kind)!.size })),
  };
}

/** How far the register's findings have reached: the library, national bodies, learning. */
export function reachSection(record: OtherServicesRecord, endOfDay: string): ReachSection {
  const live = [...record.published.entries()].filter(([itemId]) => !record.withdrawn.has(itemId));
  const projectsPublished = new Set(
    live.flatMap(([itemId, item]) => {
      const source = record.itemsFromProjects.get(itemId);
      return source ? [source, ...item.projectIds] : item.projectIds;
    }),
  );
  const deliveries = [...record.deliveries.values()];
  const masterClasses = [...record.masterClasses.values()];
  const running = masterClasses.filter((item) => !item.cancelled);
  const networks = [...record.networks.values()];
  const count = (targetId: string, status: string) =>
    deliveries.filter((item) => item.targetId === targetId && item.status === status).length;
  return {
    library: {
      published: live.length,
      byKind: countBy(live.map(([, item]) => item.kind)),
      versions: live.reduce((sum, [, item]) => sum + item.versions, 0),
      withdrawn: [...record.withdrawn].filter((itemId) => record.published.has(itemId)).length,
      projectsPublished: projectsPublished.size,
      sensitiveReleases: record.releases.size,
    },
    deliveries: [...new Set(deliveries.map((item) => item.targetId))].sort().map((targetId) => ({
      targetId,
      name: bodyName(targetId),
      acknowledged: count(targetId, 'acknowledged'),
      sent: count(targetId, 'sent'),
      pending: count(targetId, 'scheduled') + count(targetId, 'retrying'),
      failed: count(targetId, 'failed'),
    })),
    masterClasses: {
      held: running.filter((item) => Date.parse(item.startsAt) < Date.parse(endOfDay)).length,
      upcoming: running.filter((item) => Date.parse(item.startsAt) >= Date.parse(endOfDay)).length,
      cancelled: masterClasses.length - running.length,
      places: running.reduce((sum, item) => sum + item.places.size, 0),
      waiting: running.reduce((sum, item) => sum + item.waiting.size, 0),
      attendances: [...record.attendances.keys()]
        .sort()
        .map((kind) => ({ key: kind, label: kind, count: record.attendances.get(kind)!.size })),
    },
    learningNetworks: {
      networks: networks.length,
      members: networks.reduce((sum, members) => sum + members.size, 0),
      posts: record.posts.size,
    },
    subscribers: record.subscribers.size,
  };
}
