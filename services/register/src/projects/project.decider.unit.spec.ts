import type { register } from '@ebp/contracts';
import { deciderSpecification } from '@ebp/eventing';
import type { ProjectEvent } from './project';
import { decideProjectRules, projectDecider, reviewsRequired } from './project.decider';
import {
  EmptyAmendment,
  EthicsNotCleared,
  IllegalProjectTransition,
  InvalidProjectInput,
  ProjectAlreadyExists,
  ProjectNotFound,
  ReviewerNotEligible,
  ReviewsIncomplete,
  VerdictContradictsChecklist,
} from './project.errors';
import {
  COMMITTEE,
  LEAD,
  REVIEWER_A,
  REVIEWER_B,
  aProposal,
  allMet,
  approved,
  deferred,
  findings,
  proposed,
  reviewed,
  started,
  submitted,
  suspended,
  withUnmet,
} from './project.fixtures';

// The business rules alone; the audience event that follows them has its own specs
// (project-audience.decider.unit.spec.ts).
const spec = deciderSpecification({ ...projectDecider, decide: decideProjectRules });
const completedEvent = {
  type: 'register.project.completed',
  data: { by: LEAD, findings: findings(), outcomeSwitching: null },
} as const;
const stoppedEvent = {
  type: 'register.project.stopped',
  data: { by: LEAD, reason: 'Funding withdrawn by the partner.' },
} as const;
const withdrawnEvent = {
  type: 'register.project.withdrawn',
  data: { by: LEAD, reason: 'Duplicates another project.' },
} as const;
const rejectedEvent = {
  type: 'register.project.rejected',
  data: { decidedBy: COMMITTEE, reasons: 'Outside the plan.' },
} as const;

describe('research project decider', () => {
  describe('propose', () => {
    it('records a valid proposal', () => {
      spec
        .given([])
        .when({ type: 'propose', projectId: 'project-1', proposal: aProposal(), by: LEAD })
        .then([proposed()]);
    });

    it('refuses a second proposal on the same project', () => {
      spec
        .given([proposed()])
        .when({ type: 'propose', projectId: 'project-1', proposal: aProposal(), by: LEAD })
        .thenThrows(ProjectAlreadyExists);
    });

    it('refuses an invalid proposal, naming each problem', () => {
      spec
        .given([])
        .when({
          type: 'propose',
          projectId: 'p',
          by: LEAD,
          proposal: { ...aProposal(), plannedSmsLevel: 6, plannedEnd: '2026-01-01' },
        })
        .thenThrows(InvalidProjectInput, { code: 'INVALID_PROJECT_INPUT' });
      expect(() =>
        projectDecider.decide(
          {
            type: 'propose',
            projectId: 'p',
            by: LEAD,
            proposal: { ...aProposal(), plannedEnd: '2026-01-01' },
          },
          projectDecider.initialState(),
        ),
      ).toThrow(/plannedEnd: the planned end must be after the planned start/);
    });

    it('requires at least one pre-registered primary outcome', () => {
      spec
        .given([])
        .when({
          type: 'propose',
          projectId: 'p',
          by: LEAD,
          proposal: { ...aProposal(), outcomes: { primary: [], secondary: [] } },
        })
        .thenThrows(InvalidProjectInput);
    });

    it('refuses every other command on a project that does not exist', () => {
      spec
        .given([])
        .when({ type: 'submit', by: LEAD })
        .thenThrows(ProjectNotFound, { code: 'PROJECT_NOT_FOUND' });
    });
  });

  describe('submit', () => {
    it('submits a proposal, and a deferred one again', () => {
      spec.given([proposed()]).when({ type: 'submit', by: LEAD }).then([submitted]);
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), deferred])
        .when({ type: 'submit', by: LEAD })
        .then([submitted]);
    });

    it('refuses to submit twice', () => {
      spec
        .given([proposed(), submitted])
        .when({ type: 'submit', by: LEAD })
        .thenThrows(IllegalProjectTransition, { code: 'ILLEGAL_TRANSITION', status: 'submitted' });
    });
  });

  describe('quality-assurance review', () => {
    const review = (
      by: string,
      verdict: 'meets_standards' | 'revisions_required' = 'meets_standards',
      checklist = allMet,
    ) => ({ type: 'record-review', by, verdict, checklist, comments: 'Sound design.' }) as const;

    it('records a review of a submitted project', () => {
      spec
        .given([proposed(), submitted])
        .when(review(REVIEWER_A))
        .then([reviewed(REVIEWER_A)]);
    });

    it('refuses a review before submission', () => {
      spec.given([proposed()]).when(review(REVIEWER_A)).thenThrows(IllegalProjectTransition);
    });

    it('refuses the project lead as reviewer, and a second review by the same reviewer', () => {
      spec.given([proposed(), submitted]).when(review(LEAD)).thenThrows(ReviewerNotEligible);
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A)])
        .when(review(REVIEWER_A))
        .thenThrows(ReviewerNotEligible);
    });

    it('refuses a verdict that contradicts the checklist', () => {
      spec
        .given([proposed(), submitted])
        .when(review(REVIEWER_A, 'meets_standards', withUnmet('analysis_plan_stated')))
        .thenThrows(VerdictContradictsChecklist);
      spec
        .given([proposed(), submitted])
        .when(review(REVIEWER_A, 'revisions_required', allMet))
        .thenThrows(VerdictContradictsChecklist);
    });

    it('refuses a checklist that leaves criteria unanswered', () => {
      const { sample_size_justified: _left, ...partial } = allMet;
      spec
        .given([proposed(), submitted])
        .when(review(REVIEWER_A, 'meets_standards', partial as typeof allMet))
        .thenThrows(InvalidProjectInput);
    });

    it('refuses a checklist with unknown criteria or answers', () => {
      spec
        .given([proposed(), submitted])
        .when(
          review(REVIEWER_A, 'meets_standards', {
            ...allMet,
            research_question_clear: 'maybe',
          } as unknown as typeof allMet),
        )
        .thenThrows(InvalidProjectInput);
      spec
        .given([proposed(), submitted])
        .when(
          review(REVIEWER_A, 'meets_standards', {
            ...allMet,
            'vibes-good': 'met',
          } as unknown as typeof allMet),
        )
        .thenThrows(InvalidProjectInput);
    });
  });

  describe('EBP Committee decision', () => {
    const decide = (decision: 'approve' | 'reject' | 'defer') =>
      ({
        type: 'decide',
        decision,
        by: COMMITTEE,
        reasons: 'Addresses a force priority with a sound design.',
      }) as const;

    it('approves after the required favourable review', () => {
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A)])
        .when(decide('approve'))
        .then([approved]);
    });

    it('needs two reviews for a planned SMS level of 4 or 5', () => {
      const rct = proposed(aProposal({ plannedSmsLevel: 5 }));
      expect(reviewsRequired(aProposal({ plannedSmsLevel: 4 }))).toBe(2);
      expect(reviewsRequired(aProposal({ plannedSmsLevel: 3 }))).toBe(1);
      spec
        .given([rct, submitted, reviewed(REVIEWER_A)])
        .when(decide('approve'))
        .thenThrows(ReviewsIncomplete, { code: 'REVIEWS_INCOMPLETE' });
      spec
        .given([rct, submitted, reviewed(REVIEWER_A), reviewed(REVIEWER_B)])
        .when(decide('approve'))
        .then([
          {
            type: 'register.project.approved',
            data: {
              decidedBy: COMMITTEE,
              reasons: 'Addresses a force priority with a sound design.',
            },
          },
        ]);
    });

    it('refuses approval when any review found the design wanting, or before any review', () => {
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A, 'revisions_required')])
        .when(decide('approve'))
        .thenThrows(ReviewsIncomplete);
      spec.given([proposed(), submitted]).when(decide('approve')).thenThrows(ReviewsIncomplete);
    });

    it('rejects or defers with reasons', () => {
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A, 'revisions_required')])
        .when(decide('reject'))
        .then([
          {
            type: 'register.project.rejected',
            data: {
              decidedBy: COMMITTEE,
              reasons: 'Addresses a force priority with a sound design.',
            },
          },
        ]);
      spec
        .given([proposed(), submitted])
        .when(decide('defer'))
        .then([
          {
            type: 'register.project.deferred',
            data: {
              decidedBy: COMMITTEE,
              reasons: 'Addresses a force priority with a sound design.',
            },
          },
        ]);
      spec
        .given([proposed(), submitted])
        .when({ type: 'decide', decision: 'reject', by: COMMITTEE, reasons: 'No.' })
        .thenThrows(InvalidProjectInput);
    });

    it('refuses a decision on a project that is not before the committee', () => {
      spec.given([proposed()]).when(decide('approve')).thenThrows(IllegalProjectTransition);
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), approved])
        .when(decide('reject'))
        .thenThrows(IllegalProjectTransition);
    });

    it('starts a resubmission with no reviews', () => {
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), deferred, submitted])
        .when(decide('approve'))
        .thenThrows(ReviewsIncomplete);
    });
  });

  describe('reviews follow the design', () => {
    const justification = 'The comparison sites could not be matched in time.';
    const amendedWith = (
      changes: Record<string, { from: unknown; to: unknown }>,
    ): ProjectEvent => ({
      type: 'register.project.amended',
      data: { by: LEAD, justification, changes, outcomesChangedAfterApproval: false },
    });
    const approve = {
      type: 'decide',
      decision: 'approve',
      by: COMMITTEE,
      reasons: 'Addresses a force priority with a sound design.',
    } as const;
    const review = (by: string) =>
      ({
        type: 'record-review',
        by,
        verdict: 'meets_standards',
        checklist: allMet,
        comments: 'Sound design.',
      }) as const;
    const newOutcomes = {
      primary: [{ name: 'Violence with injury', measure: 'Offences per hot spot per fortnight' }],
      secondary: [],
    };

    it.each([
      ['design', { design: { from: aProposal().design, to: 'Before and after, no comparison' } }],
      ['methods', { methods: { from: aProposal().methods, to: ['before-after'] } }],
      ['SMS level', { plannedSmsLevel: { from: 3, to: 2 } }],
      ['outcomes', { outcomes: { from: aProposal().outcomes, to: newOutcomes } }],
    ])(
      'refuses approval on reviews made before an amendment to the %s, saying they were of an earlier design',
      (_field, changes) => {
        spec
          .given([proposed(), submitted, reviewed(REVIEWER_A), amendedWith(changes)])
          .when(approve)
          .thenThrows(ReviewsIncomplete, {
            code: 'REVIEWS_INCOMPLETE',
            message:
              'Approval needs a review of the current design finding that it meets the standards; ' +
              'this submission has none. The earlier review was of an earlier design and no longer counts.',
          });
      },
    );

    it('approves once the amended design has been reviewed, by the earlier reviewer too', () => {
      const smsTwo = amendedWith({ plannedSmsLevel: { from: 3, to: 2 } });
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), smsTwo])
        .when(review(REVIEWER_A))
        .then([reviewed(REVIEWER_A)]);
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), smsTwo, reviewed(REVIEWER_A)])
        .when(approve)
        .then([approved]);
      // Still once per design.
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), smsTwo, reviewed(REVIEWER_A)])
        .when(review(REVIEWER_A))
        .thenThrows(ReviewerNotEligible, { code: 'REVIEWER_NOT_ELIGIBLE' });
    });

    it('does not hold an unfavourable review of an earlier design against the amended one', () => {
      spec
        .given([
          proposed(),
          submitted,
          reviewed(REVIEWER_A, 'revisions_required'),
          amendedWith({ methods: { from: aProposal().methods, to: ['quasi-experiment'] } }),
          reviewed(REVIEWER_B),
        ])
        .when(approve)
        .then([approved]);
    });

    it('keeps the reviews current when an amendment leaves the design alone', () => {
      spec
        .given([
          proposed(),
          submitted,
          reviewed(REVIEWER_A),
          amendedWith({
            title: { from: aProposal().title, to: 'Hot-spot patrols in the night-time economy' },
            needToKnow: { from: undefined, to: ['person-ann'] },
            plannedEnd: { from: '2027-03-31', to: '2027-09-30' },
          }),
        ])
        .when(approve)
        .then([approved]);
      spec
        .given([
          proposed(),
          submitted,
          reviewed(REVIEWER_A),
          amendedWith({ owningUnit: { from: 'Central West BCU', to: 'North Area BCU' } }),
        ])
        .when(review(REVIEWER_A))
        .thenThrows(ReviewerNotEligible);
    });

    it('needs two reviews of the current design for an SMS 5 project', () => {
      const rct = proposed(
        aProposal({ plannedSmsLevel: 5, design: 'Randomised controlled trial' }),
      );
      const blocked = amendedWith({
        design: { from: 'Randomised controlled trial', to: 'Block-randomised controlled trial' },
      });
      spec
        .given([rct, submitted, reviewed(REVIEWER_A), reviewed(REVIEWER_B), blocked])
        .when(approve)
        .thenThrows(ReviewsIncomplete, {
          message:
            'Approval needs 2 reviews of the current design, all finding that it meets the standards; ' +
            'this submission has none. The 2 earlier reviews were of an earlier design and no longer count.',
        });
      spec
        .given([
          rct,
          submitted,
          reviewed(REVIEWER_A),
          reviewed(REVIEWER_B),
          blocked,
          reviewed(REVIEWER_B),
        ])
        .when(approve)
        .thenThrows(ReviewsIncomplete, {
          message:
            'Approval needs 2 reviews of the current design, all finding that it meets the standards; ' +
            'this submission has 1. The 2 earlier reviews were of an earlier design and no longer count.',
        });
      spec
        .given([
          rct,
          submitted,
          reviewed(REVIEWER_A),
          reviewed(REVIEWER_B),
          blocked,
          reviewed(REVIEWER_B),
          reviewed(REVIEWER_A),
        ])
        .when(approve)
        .then([approved]);
    });

    it('counts against the requirement of the amended SMS level', () => {
      // Raised from 3 to 4: the one review was of the earlier design, and two are now needed.
      spec
        .given([
          proposed(),
          submitted,
          reviewed(REVIEWER_A),
          amendedWith({ plannedSmsLevel: { from: 3, to: 4 } }),
          reviewed(REVIEWER_A),
        ])
        .when(approve)
        .thenThrows(ReviewsIncomplete, {
          message:
            'Approval needs 2 reviews of the current design, all finding that it meets the standards; ' +
            'this submission has 1. The earlier review was of an earlier design and no longer counts.',
        });
    });

    it('says plainly when a review of the current design finds it wanting', () => {
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A, 'revisions_required')])
        .when(approve)
        .thenThrows(ReviewsIncomplete, {
          message:
            'Approval needs a review of the current design finding that it meets the standards; ' +
            'this submission has 1, which does not find that it meets them.',
        });
    });
  });

  describe('start, progress, suspend, resume, stop', () => {
    const approvedProject = [proposed(), submitted, reviewed(REVIEWER_A), approved];

    it('starts an approved project with current ethics approval', () => {
      spec
        .given(approvedProject)
        .when({ type: 'start', by: LEAD, today: '2026-04-01' })
        .then([started]);
    });

    it('starts without ethics approval only when it is recorded as not required', () => {
      const notRequired = aProposal({
        ethics: { status: 'not_required', reason: 'Uses only published, aggregated crime data.' },
      });
      spec
        .given([proposed(notRequired), submitted, reviewed(REVIEWER_A), approved])
        .when({ type: 'start', by: LEAD, today: '2026-04-01' })
        .then([started]);
      const pending = aProposal({
        ethics: { status: 'pending', board: 'MPS Research Ethics Board' },
      });
      spec
        .given([proposed(pending), submitted, reviewed(REVIEWER_A), approved])
        .when({ type: 'start', by: LEAD, today: '2026-04-01' })
        .thenThrows(EthicsNotCleared);
    });

    it('refuses to start with expired ethics approval', () => {
      spec
        .given(approvedProject)
        .when({ type: 'start', by: LEAD, today: '2027-07-01' })
        .thenThrows(EthicsNotCleared, { code: 'ETHICS_NOT_CLEARED' });
    });

    it('refuses to start a project that is not approved', () => {
      spec
        .given([proposed(), submitted])
        .when({ type: 'start', by: LEAD, today: '2026-04-01' })
        .thenThrows(IllegalProjectTransition);
    });

    it('reports progress only while in progress', () => {
      spec
        .given([...approvedProject, started])
        .when({ type: 'report-progress', by: LEAD, summary: '20 of 40 hot spots treated so far.' })
        .then([
          {
            type: 'register.project.progress-reported',
            data: { reportedBy: LEAD, summary: '20 of 40 hot spots treated so far.' },
          },
        ]);
      spec
        .given([...approvedProject, started, suspended])
        .when({ type: 'report-progress', by: LEAD, summary: '20 of 40 hot spots treated so far.' })
        .thenThrows(IllegalProjectTransition);
    });

    it('suspends and resumes', () => {
      spec
        .given([...approvedProject, started])
        .when({ type: 'suspend', by: LEAD, reason: 'Officers redeployed to an operation.' })
        .then([suspended]);
      spec
        .given([...approvedProject, started, suspended])
        .when({ type: 'resume', by: LEAD })
        .then([{ type: 'register.project.resumed', data: { by: LEAD } }]);
      spec
        .given([...approvedProject, started])
        .when({ type: 'resume', by: LEAD })
        .thenThrows(IllegalProjectTransition);
    });

    it('stops with a reason, from in progress or suspended', () => {
      spec
        .given([...approvedProject, started, suspended])
        .when({ type: 'stop', by: LEAD, reason: 'Funding withdrawn by the partner.' })
        .then([stoppedEvent]);
      spec
        .given([...approvedProject, started])
        .when({ type: 'stop', by: LEAD, reason: 'short' })
        .thenThrows(InvalidProjectInput);
      spec
        .given(approvedProject)
        .when({ type: 'stop', by: LEAD, reason: 'Funding withdrawn by the partner.' })
        .thenThrows(IllegalProjectTransition);
    });
  });

  describe('complete with findings', () => {
    const running = [proposed(), submitted, reviewed(REVIEWER_A), approved, started];

    it('completes with findings that report the pre-registered outcomes', () => {
      spec
        .given(running)
        .when({ type: 'complete', by: LEAD, findings: findings() })
        .then([completedEvent]);
    });

    it('flags outcome switching when reported primary outcomes differ from the pre-registered ones', () => {
      spec
        .given(running)
        .when({ type: 'complete', by: LEAD, findings: findings(['Antisocial behaviour']) })
        .then([
          {
            type: 'register.project.completed',
            data: {
              by: LEAD,
              findings: findings(['Antisocial behaviour']),
              outcomeSwitching: {
                notReported: ['Violence with injury'],
                notPreRegistered: ['Antisocial behaviour'],
              },
            },
          },
        ]);
    });

    it('refuses invalid findings and completion of a project not in progress', () => {
      spec
        .given(running)
        .when({ type: 'complete', by: LEAD, findings: { ...findings(), achievedSmsLevel: 0 } })
        .thenThrows(InvalidProjectInput);
      spec
        .given([proposed()])
        .when({ type: 'complete', by: LEAD, findings: findings() })
        .thenThrows(IllegalProjectTransition);
    });
  });

  describe('withdraw', () => {
    it.each([
      ['proposed', [proposed()]],
      ['under review', [proposed(), submitted, reviewed(REVIEWER_A)]],
      ['in progress', [proposed(), submitted, reviewed(REVIEWER_A), approved, started]],
    ])('withdraws a project that is %s', (_status, given) => {
      spec
        .given(given)
        .when({ type: 'withdraw', by: LEAD, reason: 'Duplicates another project.' })
        .then([withdrawnEvent]);
    });

    it.each([
      [
        'completed',
        [proposed(), submitted, reviewed(REVIEWER_A), approved, started, completedEvent],
      ],
      ['stopped', [proposed(), submitted, reviewed(REVIEWER_A), approved, started, stoppedEvent]],
      ['rejected', [proposed(), submitted, rejectedEvent]],
      ['withdrawn', [proposed(), withdrawnEvent]],
    ])('refuses to withdraw a project that is %s', (_status, given) => {
      spec
        .given(given)
        .when({ type: 'withdraw', by: LEAD, reason: 'Duplicates another project.' })
        .thenThrows(IllegalProjectTransition);
    });
  });

  describe('amend', () => {
    const justification = 'The partner university asked for a longer follow-up.';

    it('records the changed fields with the justification', () => {
      spec
        .given([proposed()])
        .when({
          type: 'amend',
          by: LEAD,
          justification,
          changes: { plannedEnd: '2027-09-30', owningUnit: 'Central West BCU' },
        })
        .then([
          {
            type: 'register.project.amended',
            data: {
              by: LEAD,
              justification,
              changes: { plannedEnd: { from: '2027-03-31', to: '2027-09-30' } },
              outcomesChangedAfterApproval: false,
            },
          },
        ]);
    });

    it('flags a change of pre-registered outcomes after approval', () => {
      const outcomes = {
        primary: [{ name: 'Violence with injury', measure: 'Offences per hot spot per fortnight' }],
        secondary: [],
      };
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), approved])
        .when({ type: 'amend', by: LEAD, justification, changes: { outcomes } })
        .then([
          {
            type: 'register.project.amended',
            data: {
              by: LEAD,
              justification,
              changes: { outcomes: { from: aProposal().outcomes, to: outcomes } },
              outcomesChangedAfterApproval: true,
            },
          },
        ]);
    });

    it('does not flag outcomes changed before approval: the proposal is still a draft', () => {
      const outcomes = {
        primary: [{ name: 'Violence with injury', measure: 'Offences per hot spot per fortnight' }],
        secondary: [],
      };
      spec
        .given([proposed(), submitted])
        .when({ type: 'amend', by: LEAD, justification, changes: { outcomes } })
        .then([
          {
            type: 'register.project.amended',
            data: {
              by: LEAD,
              justification,
              changes: { outcomes: { from: aProposal().outcomes, to: outcomes } },
              outcomesChangedAfterApproval: false,
            },
          },
        ]);
    });

    it('refuses an amendment without a justification, without changes, or making the proposal invalid', () => {
      spec
        .given([proposed()])
        .when({ type: 'amend', by: LEAD, justification: '', changes: { plannedEnd: '2027-09-30' } })
        .thenThrows(InvalidProjectInput);
      spec
        .given([proposed()])
        .when({ type: 'amend', by: LEAD, justification, changes: { plannedEnd: '2027-03-31' } })
        .thenThrows(EmptyAmendment);
      spec
        .given([proposed()])
        .when({ type: 'amend', by: LEAD, justification, changes: { plannedEnd: '2025-01-01' } })
        .thenThrows(InvalidProjectInput);
    });

    it('checks the changes against the amendment contract: a field a proposal does not have is named', () => {
      const changes = { colour: 'red' } as unknown as register.ProjectProposalChanges;
      spec
        .given([proposed()])
        .when({ type: 'amend', by: LEAD, justification, changes })
        .thenThrows(InvalidProjectInput);
      const state = [proposed()].reduce(projectDecider.evolve, projectDecider.initialState());
      expect(() =>
        decideProjectRules({ type: 'amend', by: LEAD, justification, changes }, state),
      ).toThrow(/^The amendment is not valid: .*colour/);
    });

    it('refuses to amend a closed project', () => {
      spec
        .given([proposed(), submitted, reviewed(REVIEWER_A), approved, started, completedEvent])
        .when({ type: 'amend', by: LEAD, justification, changes: { plannedEnd: '2027-09-30' } })
        .thenThrows(IllegalProjectTransition);
    });

    it('applies an amendment to the state the next decision sees', () => {
      const amended = {
        type: 'register.project.amended',
        data: {
          by: LEAD,
          justification,
          changes: { plannedSmsLevel: { from: 3, to: 5 } },
          outcomesChangedAfterApproval: false,
        },
      } as const;
      // Now an RCT, the project needs two reviews.
      spec
        .given([proposed(), amended, submitted, reviewed(REVIEWER_A)])
        .when({
          type: 'decide',
          decision: 'approve',
          by: COMMITTEE,
          reasons: 'Sound design and clear priority.',
        })
        .thenThrows(ReviewsIncomplete);
    });
  });

  describe('partner outcomes', () => {
    const outcome = {
      submissionId: 'cambridge.msg_1',
      organisationId: 'cambridge',
      kind: 'publication' as const,
      title: 'Hot-spot patrols and violence with injury',
      doi: '10.1177/0011128720954578',
      publishedOn: '2026-11-01',
    };
    const reported = {
      type: 'register.project.partner-outcome-reported' as const,
      data: outcome,
    };

    it('reports a published partner outcome on the project once per submission', () => {
      spec
        .given([proposed(), submitted])
        .when({ type: 'report-partner-outcome', outcome })
        .then([reported]);
      spec
        .given([proposed(), submitted, reported])
        .when({ type: 'report-partner-outcome', outcome })
        .then([]);
      spec
        .given([proposed(), submitted, reported])
        .when({
          type: 'report-partner-outcome',
          outcome: { ...outcome, submissionId: 'cambridge.msg_2' },
        })
        .then([{ ...reported, data: { ...outcome, submissionId: 'cambridge.msg_2' } }]);
    });

    it('has no project to report on that the register does not hold', () => {
      spec.given([]).when({ type: 'report-partner-outcome', outcome }).thenThrows(ProjectNotFound);
    });
  });
});
