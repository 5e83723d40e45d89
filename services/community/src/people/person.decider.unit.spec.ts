import { deciderSpecification } from '@ebp/eventing';
import { personDecider } from './person.decider';
import {
  AlreadyChampion,
  InvalidPersonInput,
  NotChampion,
  PersonAlreadyRegistered,
  PersonNotFound,
  ProfileUnchanged,
  VerifierNotEligible,
} from './person.errors';
import {
  ADMIN,
  PERSON,
  VERIFIER,
  aProfile,
  appointed,
  erased,
  registered,
} from './person.fixtures';

const spec = deciderSpecification(personDecider);

describe('person decider', () => {
  describe('register', () => {
    it('registers a valid profile once', () => {
      spec
        .given([])
        .when({ type: 'register', personId: PERSON, profile: aProfile(), by: ADMIN })
        .then([registered()]);
      spec
        .given([registered()])
        .when({ type: 'register', personId: PERSON, profile: aProfile(), by: ADMIN })
        .thenThrows(PersonAlreadyRegistered);
    });

    it('refuses an invalid profile, naming each problem', () => {
      spec
        .given([])
        .when({
          type: 'register',
          personId: PERSON,
          profile: { ...aProfile(), contact: { email: 'not-an-email' }, orcid: '1234' },
          by: ADMIN,
        })
        .thenThrows(InvalidPersonInput, {
          message: expect.stringMatching(
            /contact\.email.*orcid: must be an ORCID iD/,
          ) as unknown as string,
        });
    });

    it('refuses every other command for someone not registered', () => {
      spec
        .given([])
        .when({ type: 'erase', reason: 'subject_request', by: ADMIN })
        .thenThrows(PersonNotFound);
    });
  });

  describe('update profile', () => {
    it('records only the fields that changed', () => {
      spec
        .given([registered()])
        .when({
          type: 'update-profile',
          changes: { unit: 'North BCU', topics: aProfile().topics },
          by: PERSON,
        })
        .then([
          {
            type: 'community.person.profile-updated',
            data: {
              personId: PERSON,
              updatedBy: PERSON,
              changedFields: ['unit'],
              unit: 'North BCU',
            },
          },
        ]);
    });

    it('refuses an update that changes nothing or makes the profile invalid', () => {
      spec
        .given([registered()])
        .when({ type: 'update-profile', changes: { unit: 'Central West BCU' }, by: PERSON })
        .thenThrows(ProfileUnchanged);
      spec
        .given([registered()])
        .when({
          type: 'update-profile',
          changes: { skills: [{ method: 'x', selfAssessed: 9 }] },
          by: PERSON,
        })
        .thenThrows(InvalidPersonInput);
      spec
        .given([registered()])
        .when({ type: 'update-profile', changes: { shoeSize: 9 }, by: PERSON })
        .thenThrows(InvalidPersonInput);
    });
  });

  describe('skills', () => {
    it('verifies a listed skill, by someone else', () => {
      spec
        .given([registered()])
        .when({ type: 'verify-skill', method: 'crime-analysis', level: 3, by: VERIFIER })
        .then([
          {
            type: 'community.person.skill-verified',
            data: { personId: PERSON, method: 'crime-analysis', level: 3, verifiedBy: VERIFIER },
          },
        ]);
      spec
        .given([registered()])
        .when({ type: 'verify-skill', method: 'crime-analysis', level: 3, by: PERSON })
        .thenThrows(VerifierNotEligible);
      spec
        .given([registered()])
        .when({ type: 'verify-skill', method: 'ethnography', level: 3, by: VERIFIER })
        .thenThrows(InvalidPersonInput);
      spec
        .given([registered()])
        .when({ type: 'verify-skill', method: 'crime-analysis', level: 5, by: VERIFIER })
        .thenThrows(InvalidPersonInput);
    });

    it('verifies a skill named in another spelling, recording the profile’s (issue 18)', () => {
      spec
        .given([registered()])
        .when({ type: 'verify-skill', method: 'Crime Analyses', level: 3, by: VERIFIER })
        .then([
          {
            type: 'community.person.skill-verified',
            data: { personId: PERSON, method: 'crime-analysis', level: 3, verifiedBy: VERIFIER },
          },
        ]);
    });
  });

  describe('EBP champions', () => {
    it('appoints a champion for an area with dates, once at a time', () => {
      spec
        .given([registered()])
        .when({ type: 'appoint-champion', area: 'Central West BCU', from: '2026-04-01', by: ADMIN })
        .then([appointed()]);
      spec
        .given([registered(), appointed()])
        .when({ type: 'appoint-champion', area: 'Central West BCU', from: '2026-05-01', by: ADMIN })
        .thenThrows(AlreadyChampion);
      spec
        .given([registered()])
        .when({
          type: 'appoint-champion',
          area: 'Central West BCU',
          from: '2026-04-01',
          until: '2026-03-01',
          by: ADMIN,
        })
        .thenThrows(InvalidPersonInput);
    });

    it('stands a champion down, and only a champion', () => {
      spec
        .given([registered(), appointed()])
        .when({
          type: 'stand-down-champion',
          area: 'Central West BCU',
          on: '2026-09-30',
          by: ADMIN,
        })
        .then([
          {
            type: 'community.person.champion-stood-down',
            data: { personId: PERSON, area: 'Central West BCU', on: '2026-09-30', by: ADMIN },
          },
        ]);
      spec
        .given([registered()])
        .when({
          type: 'stand-down-champion',
          area: 'Central West BCU',
          on: '2026-09-30',
          by: ADMIN,
        })
        .thenThrows(NotChampion);
    });
  });

  describe('training', () => {
    const attended = {
      type: 'record-training',
      activityId: 'masterclass-17',
      title: 'Master class: randomised trials in policing',
      kind: 'master_class',
      attendedOn: '2026-06-12',
    } as const;

    it('records an attended course or master class once, however often it is delivered', () => {
      const recorded = {
        type: 'community.person.training-recorded',
        data: {
          personId: PERSON,
          activityId: 'masterclass-17',
          title: attended.title,
          kind: 'master_class',
          attendedOn: '2026-06-12',
        },
      } as const;
      spec.given([registered()]).when(attended).then([recorded]);
      spec.given([registered(), recorded]).when(attended).then([]);
    });
  });

  describe('erasure', () => {
    it('erases a person, after which nothing more can be done about them', () => {
      spec
        .given([registered(), appointed()])
        .when({ type: 'erase', reason: 'subject_request', by: ADMIN })
        .then([erased]);
      for (const command of [
        { type: 'update-profile', changes: { unit: 'North BCU' }, by: PERSON },
        { type: 'verify-skill', method: 'crime-analysis', level: 3, by: VERIFIER },
        { type: 'erase', reason: 'subject_request', by: ADMIN },
      ] as const) {
        spec.given([registered(), erased]).when(command).thenThrows(PersonNotFound);
      }
      spec
        .given([registered(), erased])
        .when({ type: 'register', personId: PERSON, profile: aProfile(), by: ADMIN })
        .thenThrows(PersonAlreadyRegistered);
    });
  });
});
