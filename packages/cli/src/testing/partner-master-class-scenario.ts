// Master classes open to partners end to end through the gateway, against either run mode (issue
// 20, decision 0039): an organiser schedules one master class open to partners and one for staff
// only; the partner `uni` lists and reads only the open one, books a place for its organisation
// (and can give it up and book again), and is answered on the closed one exactly as on one that
// does not exist; the organisers record the organisation's attendance, counted against the
// organisation, while the community's talent pool records only the person who attended.
import { randomUUID } from 'node:crypto';
import { DEMO_USERS } from '@ebp/platform';
import { waitFor } from '@ebp/eventing/testing';
import type { GraphResponse } from '../graph-client';
import { answerOf, normalised } from './leak-checks';
import { callers, staffMember, type PlatformUnderTest } from './platform-under-test';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

const SCHEDULE = `mutation($id: ID!, $m: MasterClassInput!) {
  scheduleMasterClass(id: $id, masterClass: $m) { masterClass { id openToPartners } } }`;
const ONE = `query($id: ID!) { masterClass(id: $id) { id openToPartners myStatus placesTaken
  waitingCount registered { id } partnersBooked partnersAttended } }`;
const UPCOMING = 'query { upcomingMasterClasses { id } }';
const BOOK = `mutation($id: ID!) { registerForMasterClass(id: $id) {
  masterClass { id myStatus placesTaken partnersBooked } } }`;
const CANCEL = `mutation($id: ID!) { cancelMasterClassRegistration(id: $id) {
  masterClass { id myStatus placesTaken } } }`;
const ATTEND_PARTNERS = `mutation($id: ID!, $organisations: [ID!]!) {
  recordPartnerAttendance(id: $id, organisationIds: $organisations) {
    masterClass { partnersAttended placesTaken } } }`;
const ATTEND_PEOPLE = `mutation($id: ID!, $people: [ID!]!) {
  recordAttendance(id: $id, personIds: $people) { masterClass { attended { id } } } }`;
const TRAINING = `query($id: ID!) { person(id: $id, purpose: governance) {
  training { activityId kind } } }`;

/** The answer as the caller sees it (data, codes, messages, paths), the master class's id taken out. */
const answerWithout = (response: GraphResponse, id: string) =>
  normalised(answerOf(response), { [id]: '<master class>' });

export function partnerMasterClassScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);
  const organisationId = DEMO_USERS['uni']!.actor.id;
  const openId = `mc-${run}-open`;
  const closedId = `mc-${run}-closed`;
  const attendee = `person-${run}-alongside`;
  /**
   * Set when scheduling (the platform may take long to start): far enough ahead for the bookings,
   * in both modes; attendance is recorded after it.
   */
  let startsAt = '';
  const masterClass = (title: string, openToPartners: boolean) => ({
    title,
    kind: 'master_class',
    description: 'Designing a randomised trial with a university partner, start to finish.',
    presenter: 'Professor L. Sherman',
    startsAt,
    durationMinutes: 90,
    location: 'New Scotland Yard, room 4.12',
    capacity: 2,
    topics: ['randomised trials'],
    openToPartners,
  });

  it('schedules one master class open to partners and one for staff only', async () => {
    startsAt = new Date(Date.now() + 20_000).toISOString();
    const rob = await as('rob');
    expect(
      await rob.must(SCHEDULE, { id: openId, m: masterClass(`Trials with partners ${run}`, true) }),
    ).toEqual({ scheduleMasterClass: { masterClass: { id: openId, openToPartners: true } } });
    const { openToPartners: _closed, ...staffOnly } = masterClass(`Trials in a BCU ${run}`, false);
    // Unless said, a master class is for staff only.
    expect(await rob.must(SCHEDULE, { id: closedId, m: staffOnly })).toEqual({
      scheduleMasterClass: { masterClass: { id: closedId, openToPartners: false } },
    });
    const listed = await (
      await as('vic')
    ).must<{ upcomingMasterClasses: { id: string }[] }>(UPCOMING);
    expect(listed.upcomingMasterClasses.map(({ id }) => id)).toEqual(
      expect.arrayContaining([openId, closedId]),
    );
    // A partner may not schedule one.
    expect(
      codes(
        await (
          await as('uni')
        ).request(SCHEDULE, { id: `mc-${run}-partner`, m: masterClass('By a partner', true) }),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('shows the partner only the open one, and the closed one exactly as one that does not exist', async () => {
    const uni = await as('uni');
    const listed = await uni.must<{ upcomingMasterClasses: { id: string }[] }>(UPCOMING);
    const ids = listed.upcomingMasterClasses.map(({ id }) => id);
    expect(ids).toContain(openId);
    expect(ids).not.toContain(closedId);
    expect(await uni.must(ONE, { id: openId })).toEqual({
      masterClass: {
        id: openId,
        openToPartners: true,
        myStatus: 'none',
        placesTaken: 0,
        waitingCount: 0,
        // Who booked is the organisers' to see.
        registered: null,
        partnersBooked: null,
        partnersAttended: null,
      },
    });
    const missingId = `mc-${run}-missing`;
    expect(await uni.must(ONE, { id: closedId })).toEqual({ masterClass: null });
    expect(await uni.must(ONE, { id: missingId })).toEqual({ masterClass: null });
    for (const write of [BOOK, CANCEL]) {
      const closed = await uni.request(write, { id: closedId });
      const missing = await uni.request(write, { id: missingId });
      expect(codes(closed)).toEqual(['NOT_FOUND']);
      expect(answerWithout(closed, closedId)).toEqual(answerWithout(missing, missingId));
    }
  });

  it('books a place for the partner’s organisation, gives it up and books again', async () => {
    const uni = await as('uni');
    expect(await uni.must(BOOK, { id: openId })).toEqual({
      registerForMasterClass: {
        masterClass: { id: openId, myStatus: 'registered', placesTaken: 1, partnersBooked: null },
      },
    });
    expect(codes(await uni.request(BOOK, { id: openId }))).toEqual(['ALREADY_REGISTERED']);
    expect(await uni.must(CANCEL, { id: openId })).toEqual({
      cancelMasterClassRegistration: {
        masterClass: { id: openId, myStatus: 'none', placesTaken: 0 },
      },
    });
    await uni.must(BOOK, { id: openId });
    // A member of staff takes the other place: places are shared by people and organisations.
    await (await as(staffMember(attendee))).must(BOOK, { id: openId });
    const seen = await (
      await as('rob')
    ).must<{
      masterClass: { placesTaken: number; registered: { id: string }[]; partnersBooked: string[] };
    }>(ONE, { id: openId });
    expect(seen.masterClass).toMatchObject({
      placesTaken: 2,
      registered: [{ id: attendee }],
      partnersBooked: [organisationId],
    });
  });

  it('records the organisation’s attendance against the organisation, never as training in the talent pool', async () => {
    await (
      await as('ada')
    ).must(
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
      {
        id: attendee,
        p: {
          name: 'Al Alongside',
          rankOrGrade: 'Police Constable',
          unit: 'South BCU',
          contact: { email: `al.${run}@met.example` },
          credentials: [],
          skills: [],
          topics: [],
          availability: { willing: true, hoursPerMonth: 4 },
          consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
        },
      },
    );
    const rob = await as('rob');
    const organisations = { id: openId, organisations: [organisationId] };
    // Attendance comes after the start; a partner may not record it.
    expect(codes(await (await as('uni')).request(ATTEND_PARTNERS, organisations))).toEqual([
      'FORBIDDEN',
    ]);
    if (Date.now() < Date.parse(startsAt))
      expect(codes(await rob.request(ATTEND_PARTNERS, organisations))).toEqual([
        'ILLEGAL_TRANSITION',
      ]);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(startsAt) - Date.now() + 100)),
    );
    expect(await rob.must(ATTEND_PARTNERS, organisations)).toEqual({
      recordPartnerAttendance: {
        masterClass: { partnersAttended: [organisationId], placesTaken: 2 },
      },
    });
    // Only an organisation that had a place: one that did not, or does not exist, is refused.
    expect(
      codes(
        await rob.request(ATTEND_PARTNERS, {
          id: openId,
          organisations: [`no-such-organisation-${run}`],
        }),
      ),
    ).toEqual(['NOT_REGISTERED']);
    expect(await (await as('uni')).must(ONE, { id: openId })).toMatchObject({
      masterClass: { myStatus: 'attended' },
    });
    // The person's attendance, recorded after the organisation's on the same master class, is
    // delivered to the community after it: once it is training, the organisation's was seen.
    await rob.must(ATTEND_PEOPLE, { id: openId, people: [attendee] });
    const training = await waitFor(
      'the community to record the person’s attendance as training',
      async () =>
        (
          await rob.must<{ person: { training: { activityId: string; kind: string }[] } | null }>(
            TRAINING,
            { id: attendee },
          )
        ).person?.training ?? [],
      (entries) => entries.some((entry) => entry.activityId === openId),
      60_000,
    );
    expect(training.filter((entry) => entry.activityId === openId)).toEqual([
      { activityId: openId, kind: 'master_class' },
    ]);
    // The organisation is no person of the talent pool, and gained no training.
    expect(await rob.must(TRAINING, { id: organisationId })).toEqual({ person: null });
  });
}
