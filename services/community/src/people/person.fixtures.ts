import type { community } from '@ebp/contracts';
import type { PersonEvent } from './person';

export const PERSON = 'person-alex';
export const ADMIN = 'person-admin';
export const VERIFIER = 'person-verifier';

export function aProfile(
  overrides: Partial<community.PersonProfile> = {},
): community.PersonProfile {
  return {
    name: 'Alex Example',
    rankOrGrade: 'Police Sergeant',
    unit: 'Central West BCU',
    contact: { email: 'alex.example@met.example', phone: '+44 20 7230 1212' },
    credentials: [
      {
        level: 'master',
        subject: 'Applied Criminology',
        institution: 'University of Cambridge',
        year: 2021,
      },
    ],
    skills: [
      { method: 'randomised-controlled-trial', selfAssessed: 2 },
      { method: 'crime-analysis', selfAssessed: 4 },
    ],
    topics: ['hot-spot policing', 'violence with injury'],
    availability: { willing: true, hoursPerMonth: 8 },
    orcid: '0000-0002-1825-0097',
    consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
    ...overrides,
  };
}

export const registered = (profile = aProfile()): PersonEvent => ({
  type: 'community.person.registered',
  data: { ...profile, personId: PERSON, registeredBy: ADMIN },
});

export const appointed = (area = 'Central West BCU'): PersonEvent => ({
  type: 'community.person.champion-appointed',
  data: { personId: PERSON, area, from: '2026-04-01', appointedBy: ADMIN },
});

export const erased: PersonEvent = {
  type: 'community.person.erased',
  data: { personId: PERSON, erasedBy: ADMIN, reason: 'subject_request' },
};
