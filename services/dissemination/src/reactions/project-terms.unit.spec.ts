import type { register } from '@ebp/contracts';
import { projectTags } from './project-terms';
import type { RegisterProjectFacts } from './register-projects';

const facts = (overrides: Partial<RegisterProjectFacts> = {}): RegisterProjectFacts => ({
  projectId: 'p-1',
  title: 'Hot-spot policing and anti-social behavior in town centres',
  summary: 'Does visible patrolling at hotspots reduce ASB and improve public confidence?',
  ebpLevel: 'tactical',
  researchQuestions: ['Does burglary move to nearby streets?'],
  design: 'Stepped-wedge trial across twelve town centres',
  methods: ['RCT', 'Randomised controlled trials', 'Photo elicitation'],
  outcomes: ['Anti-social behaviour incidents'],
  ...overrides,
});

const findings = (summary: string): register.Findings => ({
  summary,
  effectDirection: 'positive',
  achievedSmsLevel: 5,
  emmie: {
    effect: { evidence: 'moderate', quality: 'moderate' },
    mechanism: { evidence: 'limited', quality: 'limited' },
    moderators: { evidence: 'limited', quality: 'limited' },
    implementation: { evidence: 'limited', quality: 'limited' },
    economicCost: { evidence: 'none', quality: 'none' },
  },
  reportedOutcomes: [{ name: 'Repeat victimisation', primary: false, result: 'No change' }],
});

describe("a completed project's terms for its library draft", () => {
  it('maps its methods through the vocabulary and finds the terms its words name', () => {
    expect(
      projectTags(facts(), findings('Incidents fell where CCTV was already in place.')),
    ).toEqual({
      methods: ['Randomised controlled trial', 'Photo elicitation'],
      crimeProblems: ['Anti-social behaviour', 'Burglary'],
      interventions: ['Hot spots policing', 'CCTV'],
      topics: ['Public trust and confidence'],
      populations: [],
      settings: [],
    });
  });

  it('names nothing its words do not name, and leaves out what the tags cannot hold', () => {
    const tags = projectTags(
      facts({
        title: 'Custody throughput',
        summary: 'How long detainees wait for a solicitor, and why.',
        researchQuestions: ['Where are the delays?'],
        design: 'Observation of three suites',
        outcomes: ['Waiting time'],
        methods: [`A method described at great length ${'and more '.repeat(8)}`, 'interviews'],
      }),
      findings('Most waiting was for an interpreter; it fell with video links.'),
    );
    expect(tags.methods).toEqual(['Interviews']);
    expect(tags.crimeProblems).toEqual([]);
    expect(tags.interventions).toEqual([]);
  });
});
