import type { GraphClient } from '../graph-client';
import { isoDay, type DemoCalendar } from './demo-calendar';
import {
  NETWORK_REGISTERED,
  collaborationDay,
  untilRegisterHasPartner,
} from './demo-partner-history';
import { demoProjectId } from './demo-projects';
import type { At } from './demo-schedule';

/**
 * The demo academic network: universities and a consortium the force works with, two academics,
 * and their collaborations on demo projects, one of them OFFICIAL-SENSITIVE. Registered by the administrator through
 * the gateway, like any client would.
 */
const ORGANISATIONS = [
  {
    id: 'demo-org-cambridge',
    name: 'Cambridge Centre for Evidence-Based Policing',
    kind: 'university',
    rorId: '013meh722',
    expertise: [
      'randomised controlled trials',
      'hot-spot policing',
      'targeting, testing and tracking',
    ],
  },
  {
    id: 'demo-org-ucl',
    name: 'UCL Jill Dando Institute of Security and Crime Science',
    kind: 'university',
    rorId: '02jx3x895',
    expertise: ['crime science', 'situational crime prevention', 'crime analysis'],
  },
  {
    id: 'demo-org-n8',
    name: 'N8 Policing Research Partnership',
    kind: 'consortium',
    expertise: ['procedural justice', 'public trust and confidence'],
  },
] as const;

const ACADEMICS = [
  {
    id: 'demo-academic-sherman',
    name: 'Prof. Lawrence Sherman',
    expertise: ['targeting, testing and tracking', 'hot-spot policing'],
    organisationId: 'demo-org-cambridge',
  },
  {
    id: 'demo-academic-tilley',
    name: 'Prof. Nick Tilley',
    expertise: ['realist evaluation', 'situational crime prevention'],
    organisationId: 'demo-org-ucl',
  },
] as const;

const COLLABORATIONS = [
  {
    projectId: demoProjectId('demo-hot-spots'),
    kind: 'organisation',
    id: 'demo-org-cambridge',
    role: 'evaluator',
  },
  {
    projectId: demoProjectId('demo-hot-spots'),
    kind: 'academic',
    id: 'demo-academic-sherman',
    role: 'co_investigator',
  },
  {
    projectId: demoProjectId('demo-procedural-justice'),
    kind: 'organisation',
    id: 'demo-org-n8',
    role: 'co_investigator',
  },
  {
    projectId: demoProjectId('demo-county-lines-disruption'),
    kind: 'organisation',
    id: 'demo-org-n8',
    role: 'data_provider',
  },
] as const;

export const DEMO_ORGANISATION_COUNT = ORGANISATIONS.length;

/** Registers the demo network unless it is there; returns how many organisations it registered. */
export async function loadDemoPartners(
  admin: GraphClient,
  calendar: DemoCalendar,
  at: At,
): Promise<number> {
  const existing = await admin.must<{ organisation: { id: string } | null }>(
    'query { organisation(id: "demo-org-cambridge") { id } }',
  );
  if (existing.organisation) return 0;
  await at(calendar.at(NETWORK_REGISTERED));
  for (const { id, ...organisation } of ORGANISATIONS)
    await admin.must(
      'mutation($id: ID!, $o: OrganisationInput!) { registerOrganisation(id: $id, organisation: $o) { organisation { id } } }',
      {
        id,
        o: { ...organisation, contacts: [] },
      },
    );
  for (const { id, organisationId, ...academic } of ACADEMICS)
    await admin.must(
      'mutation($id: ID!, $a: AcademicInput!) { registerAcademic(id: $id, academic: $a) { academic { id } } }',
      {
        id,
        a: { ...academic, affiliations: [{ organisationId, from: '2015-01-01' }] },
      },
    );
  for (const { projectId, kind, id, role } of COLLABORATIONS) {
    const from = isoDay(await at(calendar.at(collaborationDay(projectId))));
    await admin.must(
      'mutation($c: CollaborationInput!) { startCollaboration(collaboration: $c) { partnerId } }',
      {
        c: { projectId, partner: { kind, id }, role, from },
      },
    );
    if (kind === 'organisation') await untilRegisterHasPartner(admin, projectId, id);
  }
  return ORGANISATIONS.length;
}
