import { deciderSpecification } from '@ebp/eventing';
import type { ProjectEvent } from './project';
import { projectDecider } from './project.decider';
import { ProjectNotFound } from './project.errors';
import {
  COMMITTEE,
  LEAD,
  REVIEWER_A,
  aProposal,
  allMet,
  approved,
  proposed,
  reviewed,
  started,
  submitted,
} from './project.fixtures';

/** The audience the register publishes after each change of who may read a project. */
const spec = deciderSpecification(projectDecider);

const audience = (
  revision: number,
  readers: string[],
  classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE' = 'OFFICIAL_SENSITIVE',
): ProjectEvent => ({
  type: 'register.project.audience-changed',
  data: { entityId: 'project-1', classification, readers, revision },
});

const sensitive = aProposal({ classification: 'OFFICIAL_SENSITIVE', needToKnow: ['person-ann'] });
const governors = ['role:admin', 'role:committee'];
const sensitiveReaders = ['person-ann', LEAD].map((id) => `person:${id}`);
const sorted = (...keys: string[]) => [...keys].sort();

describe('the audience a project publishes', () => {
  it('publishes everyone for an OFFICIAL proposal, with the proposal', () => {
    spec
      .given([])
      .when({ type: 'propose', projectId: 'project-1', proposal: aProposal(), by: LEAD })
      .then([proposed(), audience(1, ['everyone'], 'OFFICIAL')]);
  });

  it('publishes the people and roles with need-to-know for an OFFICIAL-SENSITIVE proposal', () => {
    spec
      .given([])
      .when({ type: 'propose', projectId: 'project-1', proposal: sensitive, by: LEAD })
      .then([proposed(sensitive), audience(1, sorted(...sensitiveReaders, ...governors))]);
  });

  it('publishes nothing when a change leaves the audience as it was', () => {
    spec
      .given([proposed(), audience(1, ['everyone'], 'OFFICIAL')])
      .when({ type: 'submit', by: LEAD })
      .then([submitted]);
  });

  it('opens a sensitive project to reviewers while it awaits review, and closes it after', () => {
    const history = [proposed(sensitive), audience(1, sorted(...sensitiveReaders, ...governors))];
    const awaiting = sorted(...sensitiveReaders, ...governors, 'role:reviewer');
    spec
      .given(history)
      .when({ type: 'submit', by: LEAD })
      .then([submitted, audience(2, awaiting)]);
    spec
      .given([...history, submitted, audience(2, awaiting)])
      .when({
        type: 'record-review',
        by: REVIEWER_A,
        verdict: 'meets_standards',
        checklist: allMet,
        comments: 'Sound design.',
      })
      .then([reviewed(REVIEWER_A), audience(3, sorted(...awaiting, `person:${REVIEWER_A}`))]);
    spec
      .given([
        ...history,
        submitted,
        audience(2, awaiting),
        reviewed(REVIEWER_A),
        audience(3, sorted(...awaiting, `person:${REVIEWER_A}`)),
      ])
      .when({
        type: 'decide',
        by: COMMITTEE,
        decision: 'approve',
        reasons: 'Addresses a force priority with a sound design.',
      })
      .then([
        approved,
        audience(4, sorted(...sensitiveReaders, ...governors, `person:${REVIEWER_A}`)),
      ]);
  });

  it('adds and removes people named as needing to know', () => {
    const history = [proposed(sensitive), audience(1, sorted(...sensitiveReaders, ...governors))];
    const amend = (needToKnow: string[]) =>
      ({
        type: 'amend',
        by: LEAD,
        justification: 'The team has changed this month.',
        changes: { needToKnow },
      }) as const;
    spec
      .given(history)
      .when(amend(['person-ann', 'person-ben']))
      .then([
        expect.objectContaining({ type: 'register.project.amended' }) as ProjectEvent,
        audience(2, sorted(...sensitiveReaders, 'person:person-ben', ...governors)),
      ]);
    spec
      .given(history)
      .when(amend([]))
      .then([
        expect.objectContaining({ type: 'register.project.amended' }) as ProjectEvent,
        audience(2, sorted(`person:${LEAD}`, ...governors)),
      ]);
  });

  it('publishes everyone when a sensitive project is released as OFFICIAL', () => {
    spec
      .given([proposed(sensitive), audience(1, sorted(...sensitiveReaders, ...governors))])
      .when({
        type: 'amend',
        by: LEAD,
        justification: 'Released after the operation ended.',
        changes: { classification: 'OFFICIAL' },
      })
      .then([
        expect.objectContaining({ type: 'register.project.amended' }) as ProjectEvent,
        audience(2, ['everyone'], 'OFFICIAL'),
      ]);
  });

  it('lets the partner organisations working on a project read it, until they stop', () => {
    const history = [proposed(), audience(1, ['everyone'], 'OFFICIAL')];
    const joined: ProjectEvent = {
      type: 'register.project.partner-joined',
      data: { organisationId: 'org-ucl', since: '2026-03-01' },
    };
    spec
      .given(history)
      .when({ type: 'record-partner-joined', organisationId: 'org-ucl', since: '2026-03-01' })
      .then([joined, audience(2, ['everyone', 'partner:org-ucl'], 'OFFICIAL')]);
    // Delivered again: nothing new.
    spec
      .given([...history, joined, audience(2, ['everyone', 'partner:org-ucl'], 'OFFICIAL')])
      .when({ type: 'record-partner-joined', organisationId: 'org-ucl', since: '2026-03-01' })
      .then([]);
    spec
      .given([...history, joined, audience(2, ['everyone', 'partner:org-ucl'], 'OFFICIAL')])
      .when({ type: 'record-partner-left', organisationId: 'org-ucl', on: '2026-09-01' })
      .then([
        {
          type: 'register.project.partner-left',
          data: { organisationId: 'org-ucl', on: '2026-09-01' },
        },
        audience(3, ['everyone'], 'OFFICIAL'),
      ]);
    // A sensitive project is open only to the partner's cleared identities.
    spec
      .given([proposed(sensitive), audience(1, sorted(...sensitiveReaders, ...governors))])
      .when({ type: 'record-partner-joined', organisationId: 'org-ucl', since: '2026-03-01' })
      .then([
        joined,
        audience(2, sorted('cleared-partner:org-ucl', ...sensitiveReaders, ...governors)),
      ]);
  });

  it('publishes a missing audience on request, once, and only for a project that exists', () => {
    spec
      .given([proposed(), submitted])
      .when({ type: 'publish-audience' })
      .then([audience(1, ['everyone'], 'OFFICIAL')]);
    spec
      .given([proposed(), audience(1, ['everyone'], 'OFFICIAL')])
      .when({ type: 'publish-audience' })
      .then([]);
    spec.given([]).when({ type: 'publish-audience' }).thenThrows(ProjectNotFound);
  });

  it('publishes the audience of a project recorded before audiences were published', () => {
    spec
      .given([proposed(), submitted, reviewed(REVIEWER_A), approved])
      .when({ type: 'start', by: LEAD, today: '2026-04-01' })
      .then([started, audience(1, ['everyone'], 'OFFICIAL')]);
  });
});
