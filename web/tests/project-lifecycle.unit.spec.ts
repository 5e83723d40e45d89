// The project lifecycle's plain rules: what each person is offered as the project stands, and
// the completion form's findings, its unchosen fields and the outcome switching it foresees.
import {
  completionDraft,
  findingsFrom,
  lifecycleActionsFor,
  progressNote,
  switchedOutcomes,
  timelineRole,
  unchosen,
  type CompletionDraft,
} from '../src/pages/project/lifecycle/lifecycle-rules';

const project = (status: Parameters<typeof lifecycleActionsFor>[0]['status']) => ({
  status,
  leadId: 'person-rae',
  proposedBy: 'person-sam',
});
const lead = { personId: 'person-rae', roles: ['researcher'] };
const proposer = { personId: 'person-sam', roles: [] };
const reviewer = { personId: 'person-rob', roles: ['reviewer'] };
const committee = { personId: 'person-cat', roles: ['committee'] };
const admin = { personId: 'person-ada', roles: ['admin'] };

describe('the lifecycle actions offered', () => {
  it('offers the lead and the proposer what the status allows', () => {
    expect(lifecycleActionsFor(project('approved'), lead)).toEqual(['start', 'withdraw']);
    expect(lifecycleActionsFor(project('in_progress'), proposer)).toEqual([
      'report-progress',
      'complete',
      'suspend',
      'stop',
      'withdraw',
    ]);
    expect(lifecycleActionsFor(project('suspended'), lead)).toEqual(['resume', 'stop', 'withdraw']);
    expect(lifecycleActionsFor(project('proposed'), lead)).toEqual(['withdraw']);
    expect(lifecycleActionsFor(project('completed'), lead)).toEqual([]);
    expect(lifecycleActionsFor(project('withdrawn'), lead)).toEqual([]);
  });

  it('offers the committee only suspending, resuming and stopping, and administrators all', () => {
    expect(lifecycleActionsFor(project('in_progress'), committee)).toEqual(['suspend', 'stop']);
    expect(lifecycleActionsFor(project('suspended'), committee)).toEqual(['resume', 'stop']);
    expect(lifecycleActionsFor(project('approved'), committee)).toEqual([]);
    expect(lifecycleActionsFor(project('in_progress'), admin)).toEqual(
      lifecycleActionsFor(project('in_progress'), lead),
    );
  });

  it('offers others, and no one signed in, nothing', () => {
    expect(lifecycleActionsFor(project('in_progress'), reviewer)).toEqual([]);
    expect(lifecycleActionsFor(project('approved'), { personId: null, roles: [] })).toEqual([]);
  });
});

const preRegistered = {
  primary: [{ name: 'Repeat stalking reports', measure: 'Reports, monthly' }],
  secondary: [{ name: 'Victim confidence', measure: 'Survey' }],
};

const filledIn = (draft: CompletionDraft): CompletionDraft => ({
  ...draft,
  summary: '  Repeat reports fell at the clinic.  ',
  effectDirection: 'positive',
  achievedSmsLevel: '4',
  emmie: {
    effect: { evidence: 'strong', quality: 'moderate' },
    mechanism: { evidence: 'limited', quality: 'limited' },
    moderators: { evidence: 'none', quality: 'none' },
    implementation: { evidence: 'moderate', quality: 'moderate' },
    economicCost: { evidence: 'limited', quality: 'none' },
  },
});

describe('the completion form', () => {
  it('starts with every pre-registered outcome listed and nothing chosen', () => {
    const draft = completionDraft(preRegistered);
    expect(
      draft.outcomes.map((outcome) => [outcome.name, outcome.primary, outcome.reported]),
    ).toEqual([
      ['Repeat stalking reports', true, true],
      ['Victim confidence', false, true],
    ]);
    const problems = unchosen(draft);
    expect(problems.get('effectDirection')).toBeDefined();
    expect(problems.get('achievedSmsLevel')).toBeDefined();
    expect([...problems.keys()].filter((path) => path.startsWith('emmie.'))).toHaveLength(10);
    expect(problems.get('emmie.economicCost.quality')).toBe(
      'Rate the quality of the evidence for economic cost.',
    );
  });

  it('needs nothing more once everything is chosen, except at least one outcome reported', () => {
    const draft = filledIn(completionDraft(preRegistered));
    expect(unchosen(draft).size).toBe(0);
    const none = { ...draft, outcomes: draft.outcomes.map((o) => ({ ...o, reported: false })) };
    expect([...unchosen(none)]).toEqual([['reportedOutcomes', 'Report at least one outcome.']]);
  });

  it('sends only the outcomes reported, and knows which form outcome each one sent came from', () => {
    const draft = filledIn(completionDraft(preRegistered));
    const switched: CompletionDraft = {
      ...draft,
      outcomes: [
        { ...draft.outcomes[0]!, reported: false },
        { ...draft.outcomes[1]!, result: ' Up a little ' },
        {
          key: 'added-0',
          name: ' Breaches of orders ',
          primary: true,
          result: 'Down by a third',
          measure: null,
          reported: true,
        },
      ],
    };
    const { findings, sentKeys } = findingsFrom(switched);
    expect(findings).toEqual({
      summary: 'Repeat reports fell at the clinic.',
      effectDirection: 'positive',
      achievedSmsLevel: 4,
      emmie: filledIn(draft).emmie,
      reportedOutcomes: [
        { name: 'Victim confidence', primary: false, result: 'Up a little' },
        { name: 'Breaches of orders', primary: true, result: 'Down by a third' },
      ],
    });
    expect(sentKeys).toEqual(['secondary-0', 'added-0']);
    expect(switchedOutcomes(switched)).toEqual({
      dropped: ['Repeat stalking reports'],
      added: ['Breaches of orders'],
    });
  });

  it('foresees no switching when the primary outcomes reported are those pre-registered', () => {
    const draft = completionDraft(preRegistered);
    expect(switchedOutcomes(draft)).toEqual({ dropped: [], added: [] });
    // The register compares names ignoring case and surrounding spaces; a secondary added is no switch.
    const renamed: CompletionDraft = {
      ...draft,
      outcomes: [
        { ...draft.outcomes[0]!, name: ' repeat STALKING reports ' },
        { key: 'added-0', name: 'Cost', primary: false, result: '', measure: null, reported: true },
      ],
    };
    expect(switchedOutcomes(renamed)).toEqual({ dropped: [], added: [] });
  });
});

describe('progress notes in the timeline', () => {
  it('reads the summary of a progress report and of nothing else', () => {
    expect(
      progressNote({ type: 'register.project.progress-reported', data: { summary: 'Half done' } }),
    ).toBe('Half done');
    expect(progressNote({ type: 'register.project.started', data: { summary: 'x' } })).toBeNull();
    expect(progressNote({ type: 'register.project.progress-reported', data: null })).toBeNull();
    expect(
      progressNote({ type: 'register.project.progress-reported', data: { summary: 3 } }),
    ).toBeNull();
  });
});

describe('the part people played in the timeline', () => {
  it('names reviewers, the committee and proposers by their part, others as the project team', () => {
    expect(
      [
        'register.project.proposed',
        'register.project.review-recorded',
        'register.project.approved',
        'register.project.deferred',
        'register.project.started',
        'register.project.completed',
      ].map(timelineRole),
    ).toEqual([
      'proposer',
      'reviewer',
      'committee member',
      'committee member',
      'project team member',
      'project team member',
    ]);
  });
});
