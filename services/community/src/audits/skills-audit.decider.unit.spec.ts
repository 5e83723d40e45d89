import { deciderSpecification } from '@ebp/eventing';
import {
  AuditAlreadyLaunched,
  AuditNotFound,
  AuditNotOpen,
  InvalidAuditInput,
  NotInAuditScope,
  auditDecider,
} from './skills-audit.decider';

const spec = deciderSpecification(auditDecider);
const audit = {
  title: 'EBP skills audit 2026: response and neighbourhoods',
  questions: [
    { questionId: 'q1', skill: 'crime-analysis', text: 'How well can you analyse crime patterns?' },
    { questionId: 'q2', skill: 'randomised-controlled-trial', text: 'Could you help run a trial?' },
  ],
  targetUnits: ['Central West BCU', 'North BCU'],
  opensOn: '2026-05-01',
  closesOn: '2026-06-30',
};
const launched = {
  type: 'community.audit.launched',
  data: { auditId: 'audit-2026', audit, launchedBy: 'person-admin' },
} as const;
const answer = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'answer',
    personId: 'person-alex',
    unit: 'Central West BCU',
    answers: [
      { questionId: 'q1', level: 3 },
      { questionId: 'q2', level: 1 },
    ],
    today: '2026-05-15',
    ...overrides,
  }) as const;

describe('skills audit decider', () => {
  it('launches a valid audit once', () => {
    spec
      .given([])
      .when({ type: 'launch', auditId: 'audit-2026', audit, by: 'person-admin' })
      .then([launched]);
    spec
      .given([launched])
      .when({ type: 'launch', auditId: 'audit-2026', audit, by: 'person-admin' })
      .thenThrows(AuditAlreadyLaunched);
    for (const invalid of [
      { ...audit, closesOn: '2026-04-01' },
      { ...audit, questions: [] },
      { ...audit, questions: [audit.questions[0], audit.questions[0]] },
      { ...audit, targetUnits: [] },
    ])
      spec
        .given([])
        .when({ type: 'launch', auditId: 'audit-2026', audit: invalid, by: 'person-admin' })
        .thenThrows(InvalidAuditInput);
  });

  it('records answers from people in the target units while it is open', () => {
    spec
      .given([launched])
      .when(answer())
      .then([
        {
          type: 'community.audit.answered',
          data: {
            auditId: 'audit-2026',
            personId: 'person-alex',
            unit: 'Central West BCU',
            answers: [...answer().answers],
          },
        },
      ]);
    spec
      .given([launched])
      .when(answer({ unit: 'South BCU' }))
      .thenThrows(NotInAuditScope);
    spec
      .given([launched])
      .when(answer({ today: '2026-04-30' }))
      .thenThrows(AuditNotOpen);
    spec
      .given([launched])
      .when(answer({ today: '2026-07-01' }))
      .thenThrows(AuditNotOpen);
    spec.given([]).when(answer()).thenThrows(AuditNotFound);
  });

  it('refuses answers to unknown questions, or two answers to one question', () => {
    spec
      .given([launched])
      .when(answer({ answers: [{ questionId: 'q9', level: 2 }] }))
      .thenThrows(InvalidAuditInput, { message: 'No such question: q9' });
    spec
      .given([launched])
      .when(
        answer({
          answers: [
            { questionId: 'q1', level: 2 },
            { questionId: 'q1', level: 3 },
          ],
        }),
      )
      .thenThrows(InvalidAuditInput);
    spec
      .given([launched])
      .when(answer({ answers: [{ questionId: 'q1', level: 7 }] }))
      .thenThrows(InvalidAuditInput);
  });

  it('closes once; a closed audit takes no more answers', () => {
    const closed = {
      type: 'community.audit.closed',
      data: { auditId: 'audit-2026', closedBy: 'person-admin' },
    } as const;
    spec.given([launched]).when({ type: 'close', by: 'person-admin' }).then([closed]);
    spec
      .given([launched, closed])
      .when({ type: 'close', by: 'person-admin' })
      .thenThrows(AuditNotOpen);
    spec.given([launched, closed]).when(answer()).thenThrows(AuditNotOpen);
  });
});
