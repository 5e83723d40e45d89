import { postPartnerOutcome } from '../partner-webhook';
import type { GraphClient } from '../graph-client';
import { isoDay, type DemoCalendar, type DemoDay } from './demo-calendar';
import { demoProjectId } from './demo-projects';
import type { At } from './demo-schedule';
import { untilFound } from './demo-wait';

/**
 * The partners' part of the demo's history beyond the network itself (demo-partners.ts): when the
 * network was registered and each collaboration began, the agreements, and the Cambridge
 * centre's outcomes arriving through the partner webhook, signed as a partner would sign them,
 * then moderated and published in the library.
 */

/** When the organisations and academics were registered. */
export const NETWORK_REGISTERED: DemoDay = [23, 8];

/** When each project's collaborations began (in the order demo-partners.ts starts them). */
const COLLABORATIONS_BEGAN: readonly (readonly [projectName: string, day: DemoDay])[] = [
  ['demo-hot-spots', [21, 25]],
  ['demo-procedural-justice', [16, 20]],
  ['demo-county-lines-disruption', [16, 24]],
];

/** The day collaborations on this project (its server id) began. */
export function collaborationDay(projectId: string): DemoDay {
  const found = COLLABORATIONS_BEGAN.find(([name]) => demoProjectId(name) === projectId);
  if (!found) throw new Error(`No demo collaboration day for project ${projectId}`);
  return found[1];
}

/**
 * Waits until the register has taken an organisation's collaboration in (it follows the partners
 * in the background, dating it as the partners did): later steps of the project then come after
 * it in the project's history, and the organisation's partner users may see the project.
 */
export async function untilRegisterHasPartner(
  admin: GraphClient,
  projectId: string,
  organisationId: string,
): Promise<void> {
  await untilFound(`the register to follow ${organisationId} onto ${projectId}`, async () => {
    const { researchProject } = await admin.must<{
      researchProject: { history: { type: string; data: { organisationId?: unknown } }[] } | null;
    }>('query($id: ID!) { researchProject(id: $id) { history { type data } } }', {
      id: projectId,
    });
    return (researchProject?.history ?? []).some(
      (entry) =>
        entry.type === 'register.project.partner-joined' &&
        entry.data.organisationId === organisationId,
    );
  });
}

const CAMBRIDGE = 'demo-org-cambridge';

/** What a partner posts to the webhook: the outcome and the day it posts it. */
interface PostedOutcome {
  readonly webhookId: string;
  readonly day: DemoDay;
  readonly outcome: Record<string, unknown>;
}

const EVALUATION_REPORT: PostedOutcome = {
  webhookId: 'msg_demo_hot_spots_report',
  day: [8, 6],
  outcome: {
    projectId: demoProjectId('demo-hot-spots'),
    kind: 'publication',
    title: 'Hot-spot patrols in the night-time economy: the independent evaluation',
    summary:
      'Fifteen-minute patrols at random times cut violence with injury at treated hot spots, with no displacement to nearby streets.',
    doi: '10.17863/CAM.demo-hot-spots',
  },
};

const DATASET: PostedOutcome = {
  webhookId: 'msg_demo_hot_spots_dataset',
  // The latest step of the demo's history: today, or the 28th if the month is further on.
  day: [0, 28],
  outcome: {
    projectId: demoProjectId('demo-hot-spots'),
    kind: 'dataset',
    title: 'Hot-spot patrol dosage and recorded violence, by street segment',
    url: 'https://data.cam.example/demo-hot-spots',
  },
};

/** The partner's reports the library publishes (the accepted evaluation report). */
export const DEMO_PARTNER_REPORTS_PUBLISHED = 1;

/** What the demo's partner history needs besides the administrator. */
export interface PartnerHistoryClients {
  /** Signs agreements and issues the partner's webhook secret. */
  readonly admin: GraphClient;
  /** Moderates the partner's outcomes. */
  readonly moderator: GraphClient;
  /** Publishes the library item an accepted outcome becomes. */
  readonly committee: GraphClient;
}

const SIGN =
  'mutation($id: ID!, $a: AgreementInput!) { signAgreement(id: $id, agreement: $a) { agreement { id } } }';
const ISSUE_SECRET = 'mutation($id: ID!) { issueWebhookSecret(organisationId: $id) { secret } }';
const ACCEPT = 'mutation($id: ID!) { acceptOutcome(submissionId: $id) { submissionId } }';

/** The agreements, the partner's outcomes and their moderation, each on its day. */
export async function loadDemoPartnerHistory(
  clients: PartnerHistoryClients,
  calendar: DemoCalendar,
  at: At,
): Promise<void> {
  const { admin, moderator, committee } = clients;
  const memorandumSigned = await at(calendar.at([22, 15]));
  await admin.must(SIGN, {
    id: 'demo-mou-cambridge',
    a: {
      kind: 'memorandum_of_understanding',
      title: 'Evidence-based policing research partnership',
      partyIds: [CAMBRIDGE],
      scope: 'Joint trials, evaluation support and secondments between the force and the centre.',
      startsOn: isoDay(memorandumSigned),
      expiresOn: calendar.dayAfter([22, 15], 3 * 365),
    },
  });
  const dataShared = await at(calendar.at([9, 4]));
  await admin.must(SIGN, {
    id: 'demo-dsa-n8',
    a: {
      kind: 'data_sharing',
      title: 'Encounter survey responses for the procedural justice study',
      partyIds: ['demo-org-n8'],
      scope: 'Pseudonymised survey responses, for the evaluation only, deleted at its end.',
      startsOn: isoDay(dataShared),
      // Due for renewal soon: the committee's list of expiring agreements shows it.
      expiresOn: isoDay(calendar.fromToday(40)),
    },
  });
  await at(calendar.at([8, 1]));
  const { issueWebhookSecret } = await admin.must<{ issueWebhookSecret: { secret: string } }>(
    ISSUE_SECRET,
    { id: CAMBRIDGE },
  );
  const secret = issueWebhookSecret.secret;
  const report = await post(admin.url, secret, EVALUATION_REPORT, calendar, at);
  await at(calendar.at([8, 27]));
  await moderator.must(ACCEPT, { id: report });
  await at(calendar.at([7, 2]));
  // The library drafts an accepted outcome as an item of its own; the committee publishes it.
  const itemId = `outcome-${report}`;
  await untilFound(`the library to draft ${itemId}`, async () => {
    const { libraryItems } = await committee.must<{ libraryItems: { id: string }[] }>(
      '{ libraryItems(status: draft) { id } }',
    );
    return libraryItems.some((item) => item.id === itemId);
  });
  await committee.must('mutation($id: ID!) { publishLibraryItem(id: $id) { version } }', {
    id: itemId,
  });
  // Posted lately: still awaiting moderation.
  await post(admin.url, secret, DATASET, calendar, at);
}

/**
 * Posts an outcome as the partner does: signed with its secret (Standard Webhooks) at the time
 * it is sent, with an Idempotency-Key, to the platform's one origin. Returns the submission. The
 * signature's time is real time even while the demo's clock shows a past day: the receiver's
 * replay window is about when the delivery travels, not the day it is dated.
 */
async function post(
  graphUrl: string,
  secret: string,
  posted: PostedOutcome,
  calendar: DemoCalendar,
  at: At,
): Promise<string> {
  const postedOn = await at(calendar.at(posted.day));
  const body = JSON.stringify({ ...posted.outcome, publishedOn: isoDay(postedOn) });
  const response = await postPartnerOutcome(new URL(graphUrl).origin, CAMBRIDGE, {
    id: posted.webhookId,
    body,
    secret,
  });
  const answer = (await response.json()) as { submissionId?: unknown };
  if (!response.ok || typeof answer.submissionId !== 'string')
    throw new Error(
      `Demo data: the partner webhook answered ${response.status}: ${JSON.stringify(answer)}`,
    );
  return answer.submissionId;
}
