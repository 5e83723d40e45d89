import { deciderSpecification } from '@ebp/eventing';
import { IllegalPartnerTransition, InvalidPartnerInput, PartnerNotFound } from '../partners-errors';
import {
  InvalidOutcome,
  NotACollaborator,
  outcomeDecider,
  type OutcomeEvent,
} from './outcome-submission.decider';

const spec = deciderSpecification(outcomeDecider);
const outcome = {
  projectId: 'demo-hot-spots',
  kind: 'publication' as const,
  title: 'Hot-spot patrols and violence with injury: a quasi-experiment',
  doi: '10.1177/0011128720954578',
  publishedOn: '2026-11-01',
};
const submit = (overrides: Record<string, unknown> = {}) => ({
  type: 'submit' as const,
  submissionId: 'msg_1',
  organisationId: 'cambridge',
  channel: 'webhook' as const,
  outcome,
  collaboratesOn: (projectId: string) => projectId === 'demo-hot-spots',
  ...overrides,
});
const submitted: OutcomeEvent = {
  type: 'partners.outcome.submitted',
  data: { submissionId: 'msg_1', organisationId: 'cambridge', channel: 'webhook', outcome },
};
const published: OutcomeEvent = {
  type: 'partners.outcome.published',
  data: { submissionId: 'msg_1', organisationId: 'cambridge', outcome, acceptedBy: 'person-rob' },
};

describe('outcome submission decider', () => {
  it('takes a valid outcome for a project the partner collaborates on, once', () => {
    spec.given([]).when(submit()).then([submitted]);
    spec.given([submitted]).when(submit()).thenThrows(IllegalPartnerTransition);
  });

  it('refuses an outcome for another partner’s project', () => {
    spec
      .given([])
      .when(submit({ outcome: { ...outcome, projectId: 'someone-elses' } }))
      .thenThrows(NotACollaborator);
  });

  it('refuses an outcome that breaks the contract, naming the problem', () => {
    spec
      .given([])
      .when(submit({ outcome: { ...outcome, doi: undefined } }))
      .thenThrows(InvalidOutcome, { message: expect.stringContaining('doi') as string });
    spec
      .given([])
      .when(submit({ outcome: { ...outcome, doi: 'doi:10.1/x' } }))
      .thenThrows(InvalidOutcome);
    spec
      .given([])
      .when(submit({ outcome: { ...outcome, kind: 'tweet' } }))
      .thenThrows(InvalidOutcome);
    spec
      .given([])
      .when(submit({ outcome: { ...outcome, extra: true } }))
      .thenThrows(InvalidOutcome);
  });

  it('publishes an accepted outcome, or rejects it with a reason, once', () => {
    spec.given([submitted]).when({ type: 'accept', by: 'person-rob' }).then([published]);
    spec
      .given([submitted])
      .when({ type: 'reject', reason: 'The DOI resolves to another paper.', by: 'person-rob' })
      .then([
        {
          type: 'partners.outcome.rejected',
          data: {
            submissionId: 'msg_1',
            reason: 'The DOI resolves to another paper.',
            rejectedBy: 'person-rob',
          },
        },
      ]);
    spec
      .given([submitted])
      .when({ type: 'reject', reason: '', by: 'person-rob' })
      .thenThrows(InvalidPartnerInput);
    spec
      .given([submitted, published])
      .when({ type: 'reject', reason: 'Changed my mind.', by: 'person-rob' })
      .thenThrows(IllegalPartnerTransition);
    spec.given([]).when({ type: 'accept', by: 'person-rob' }).thenThrows(PartnerNotFound);
  });
});
