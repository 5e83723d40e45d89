import type { community } from '@ebp/contracts';
import {
  streamNames,
  type ProjectionDefinition,
  type SealedValue,
  type StoredEvent,
} from '@ebp/eventing';
import type { Championship, PersonEvent } from '../person';

const personStreams = streamNames('person:');
export const personStreamId = personStreams.streamIdOf;
export const personIdOf = personStreams.idOf;

export interface DirectorySkill {
  method: string;
  selfAssessed: number;
  verified: number | null;
}

/**
 * One person in the talent pool, as the expertise finder and profiles read it. The projection
 * reads the store as written, so the personal fields stay sealed here: shredding the person's key
 * makes this copy unreadable too, and the graph opens them only for callers allowed to see them.
 */
export interface PersonEntry {
  personId: string;
  status: 'active' | 'erased';
  rankOrGrade: string | null;
  unit: string | null;
  skills: DirectorySkill[];
  topics: string[];
  availability: community.PersonProfile['availability'] | null;
  consent: community.PersonProfile['consent'] | null;
  championships: Championship[];
  training: { activityId: string; title: string; kind: string; attendedOn: string }[];
  /** Sealed personal fields (name, contact, credentials, ORCID), as stored in the events. */
  sealed: Partial<Record<(typeof community.PERSONAL_FIELDS)[number], SealedValue>>;
  updatedAt: string;
}

const PERSONAL: readonly string[] = ['name', 'contact', 'credentials', 'orcid'];

function sealedOf(data: Record<string, unknown>): PersonEntry['sealed'] {
  return Object.fromEntries(Object.entries(data).filter(([field]) => PERSONAL.includes(field)));
}

function mergeSkills(
  current: readonly DirectorySkill[],
  skills: readonly community.Skill[],
): DirectorySkill[] {
  return skills.map((skill) => ({
    method: skill.method,
    selfAssessed: skill.selfAssessed,
    verified: current.find((known) => known.method === skill.method)?.verified ?? null,
  }));
}

export function evolvePersonEntry(
  current: PersonEntry | null,
  stored: StoredEvent,
): PersonEntry | null {
  const event = stored as unknown as PersonEvent;
  const at = stored.metadata.recordedAt;
  if (event.type === 'community.person.registered') {
    const data = event.data;
    return {
      personId: data.personId,
      status: 'active',
      rankOrGrade: data.rankOrGrade,
      unit: data.unit,
      skills: mergeSkills([], data.skills),
      topics: data.topics,
      availability: data.availability,
      consent: data.consent,
      championships: [],
      training: [],
      sealed: sealedOf(data),
      updatedAt: at,
    };
  }
  if (!current) return null;
  if (event.type === 'community.person.erased') {
    // Only the pseudonymous id and the fact of erasure remain.
    return {
      personId: current.personId,
      status: 'erased',
      rankOrGrade: null,
      unit: null,
      skills: [],
      topics: [],
      availability: null,
      consent: null,
      championships: [],
      training: [],
      sealed: {},
      updatedAt: at,
    };
  }
  const next = { ...current, updatedAt: at };
  switch (event.type) {
    case 'community.person.profile-updated': {
      const data = event.data;
      return {
        ...next,
        ...(data.rankOrGrade !== undefined ? { rankOrGrade: data.rankOrGrade } : {}),
        ...(data.unit !== undefined ? { unit: data.unit } : {}),
        ...(data.skills !== undefined ? { skills: mergeSkills(current.skills, data.skills) } : {}),
        ...(data.topics !== undefined ? { topics: data.topics } : {}),
        ...(data.availability !== undefined ? { availability: data.availability } : {}),
        ...(data.consent !== undefined ? { consent: data.consent } : {}),
        sealed: { ...current.sealed, ...sealedOf(data) },
      };
    }
    case 'community.person.skill-verified':
      return {
        ...next,
        skills: current.skills.map((skill) =>
          skill.method === event.data.method ? { ...skill, verified: event.data.level } : skill,
        ),
      };
    case 'community.person.champion-appointed':
      return {
        ...next,
        championships: [
          ...current.championships,
          {
            area: event.data.area,
            from: event.data.from,
            ...(event.data.until ? { until: event.data.until } : {}),
          },
        ],
      };
    case 'community.person.champion-stood-down':
      return {
        ...next,
        championships: current.championships.filter(
          (championship) => championship.area !== event.data.area,
        ),
      };
    case 'community.person.training-recorded':
      return {
        ...next,
        training: [
          ...current.training,
          {
            activityId: event.data.activityId,
            title: event.data.title,
            kind: event.data.kind,
            attendedOn: event.data.attendedOn,
          },
        ],
      };
  }
  return next;
}

export const personDirectory: ProjectionDefinition<PersonEntry> = {
  name: 'community-people',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [
    'community.person.registered',
    'community.person.profile-updated',
    'community.person.skill-verified',
    'community.person.champion-appointed',
    'community.person.champion-stood-down',
    'community.person.training-recorded',
    'community.person.erased',
  ],
  documentId: (event) => personIdOf(event.streamId),
  evolve: evolvePersonEntry,
};
