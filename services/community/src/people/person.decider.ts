import { community, parseOrThrow } from '@ebp/contracts';
import type { Decider } from '@ebp/eventing';
import type { z } from 'zod';
import { TermMatcher } from '../expertise/term-matcher';
import {
  AlreadyChampion,
  InvalidPersonInput,
  NotChampion,
  PersonAlreadyRegistered,
  PersonNotFound,
  ProfileUnchanged,
  VerifierNotEligible,
} from './person.errors';
import { evolvePerson, initialPersonState, type PersonEvent, type PersonState } from './person';

interface By {
  readonly by: string;
}

export type PersonCommand =
  | (By & { type: 'register'; personId: string; profile: unknown })
  | (By & { type: 'update-profile'; changes: unknown })
  | (By & { type: 'verify-skill'; method: string; level: number })
  | (By & { type: 'appoint-champion'; area: string; from: string; until?: string })
  | (By & { type: 'stand-down-champion'; area: string; on: string })
  | {
      type: 'record-training';
      activityId: string;
      title: string;
      kind: 'course' | 'master_class';
      attendedOn: string;
    }
  | (By & {
      type: 'erase';
      reason: z.infer<typeof community.ErasureReasonSchema>;
    });

type Active = Extract<PersonState, { status: 'active' }>;

/** What updateProfile may change: any of the profile's fields, each checked as the profile checks it. */
export const ProfileChangesSchema = community.PersonProfileSchema.partial().describe(
  'Changes to a profile: only the fields to change, each checked as the profile checks it.',
);

const parse = <Schema extends z.ZodType>(schema: Schema, input: unknown, what: string) =>
  parseOrThrow(schema, input, what, InvalidPersonInput);

function active(state: PersonState): Active {
  if (state.status !== 'active') throw new PersonNotFound('No such person');
  return state;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function requireDate(value: string | undefined, what: string): void {
  if (value !== undefined && !isoDate.test(value))
    throw new InvalidPersonInput(`${what} must be a date (YYYY-MM-DD)`);
}

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  if (command.type === 'register') {
    if (state.status !== 'none')
      throw new PersonAlreadyRegistered(`Person ${command.personId} is already registered`);
    const profile = parse(community.PersonProfileSchema, command.profile, 'profile');
    return [
      {
        type: 'community.person.registered',
        data: { ...profile, personId: command.personId, registeredBy: command.by },
      },
    ];
  }
  const person = active(state);
  switch (command.type) {
    case 'update-profile': {
      const changes = parse(ProfileChangesSchema, command.changes, 'change');
      const merged = parse(
        community.PersonProfileSchema,
        { ...person.profile, ...changes },
        'profile',
      );
      const changedFields = (Object.keys(changes) as community.ProfileField[]).filter(
        (field) => JSON.stringify(person.profile[field]) !== JSON.stringify(merged[field]),
      );
      if (changedFields.length === 0) throw new ProfileUnchanged('The update changes nothing');
      const changed = Object.fromEntries(changedFields.map((field) => [field, merged[field]]));
      return [
        {
          type: 'community.person.profile-updated',
          data: { personId: person.personId, updatedBy: command.by, changedFields, ...changed },
        },
      ];
    }
    case 'verify-skill': {
      if (command.by === person.personId)
        throw new VerifierNotEligible('Nobody verifies their own skills');
      // Through the vocabulary: "RCT" verifies "randomised controlled trials". The event names
      // the method as the profile does, which is what the directory's skills are keyed by.
      const methods = TermMatcher.forMethods();
      const skill = person.profile.skills.find((listed) =>
        methods.same(listed.method, command.method),
      );
      if (!skill)
        throw new InvalidPersonInput(`${command.method} is not among the person's skills`);
      const level = parse(community.SkillLevelSchema, command.level, 'level');
      return [
        {
          type: 'community.person.skill-verified',
          data: {
            personId: person.personId,
            method: skill.method,
            level,
            verifiedBy: command.by,
          },
        },
      ];
    }
    case 'appoint-champion': {
      const area = parse(community.ChampionAreaSchema, command.area, 'area');
      requireDate(command.from, 'The start');
      requireDate(command.until, 'The end');
      if (command.until !== undefined && command.until <= command.from)
        throw new InvalidPersonInput('A championship must end after it starts');
      if (person.championships.some((championship) => championship.area === area))
        throw new AlreadyChampion(`Already the EBP champion for ${area}`);
      return [
        {
          type: 'community.person.champion-appointed',
          data: {
            personId: person.personId,
            area,
            from: command.from,
            ...(command.until ? { until: command.until } : {}),
            appointedBy: command.by,
          },
        },
      ];
    }
    case 'stand-down-champion':
      requireDate(command.on, 'The date');
      if (!person.championships.some((championship) => championship.area === command.area))
        throw new NotChampion(`Not the EBP champion for ${command.area}`);
      return [
        {
          type: 'community.person.champion-stood-down',
          data: { personId: person.personId, area: command.area, on: command.on, by: command.by },
        },
      ];
    case 'record-training':
      // Attendance arrives from the bus, possibly more than once: record each activity once.
      if (person.training.includes(command.activityId)) return [];
      requireDate(command.attendedOn, 'The attendance date');
      return [
        {
          type: 'community.person.training-recorded',
          data: {
            personId: person.personId,
            activityId: command.activityId,
            title: command.title,
            kind: command.kind,
            attendedOn: command.attendedOn,
          },
        },
      ];
    case 'erase':
      return [
        {
          type: 'community.person.erased',
          data: { personId: person.personId, erasedBy: command.by, reason: command.reason },
        },
      ];
  }
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
};
