// Every role's workflows in the intranet page (issue 21), in Debian's Chromium against one
// all-in-one platform with the demo data and two national bodies (real HTTP servers in the test):
// each journey drives only the page and reads the graph only to confirm what the page claims.
// Every new page and state passes axe's serious and critical checks and is photographed into
// artefacts/browser/. Run with `npm run test:browser`.
import { startIntranet, type IntranetHarness } from '../testing/intranet-browser';
import { communityJourneys } from './journeys/community';
import {
  libraryJourneys,
  openLibraryNationalBodies,
  type LibraryNationalBodies,
} from './journeys/library';
import { lifecycleJourneys } from './journeys/lifecycle';
import { menuJourneys } from './journeys/menus';
import { moderationJourneys } from './journeys/moderation';
import { proposalToLibraryJourney } from './journeys/proposal-to-library';
import { reviewJourneys } from './journeys/review';

describe('every role’s workflows in a browser', () => {
  let intranet: IntranetHarness;
  let bodies: LibraryNationalBodies;

  beforeAll(async () => {
    bodies = await openLibraryNationalBodies();
    intranet = await startIntranet({
      disseminationTargets: bodies.targets,
      // Retried soon: the failure under test is the national body's refusal, not a slow backoff.
      deliveryRetryPolicy: { firstDelayMs: 200, maxDelayMs: 1_000, maxAttempts: 5 },
    });
  }, 300_000);

  afterAll(async () => {
    await intranet?.stop();
    await bodies?.close();
  });

  describe('menus', () => menuJourneys(() => intranet));
  describe('reviewers and the committee', () => reviewJourneys(() => intranet));
  describe('the lead', () => lifecycleJourneys(() => intranet));
  describe('library editors', () =>
    libraryJourneys(
      () => intranet,
      () => bodies,
    ));
  describe('moderators and partners', () => moderationJourneys(() => intranet));
  describe('skills audits, the award and learning networks', () =>
    communityJourneys(() => intranet));
  describe('one project from proposal to the library', () =>
    proposalToLibraryJourney(() => intranet));
});
