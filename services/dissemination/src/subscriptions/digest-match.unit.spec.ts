import type { dissemination } from '@ebp/contracts';
import { inDigest } from './digest-match';

const tags = (overrides: Partial<dissemination.LibraryTags>): dissemination.LibraryTags => ({
  crimeProblems: [],
  interventions: [],
  populations: [],
  settings: [],
  methods: [],
  topics: [],
  ...overrides,
});

describe("what belongs in a person's digest", () => {
  it('takes a topic in any spelling from a tag of any facet', () => {
    const subscription = { topics: ['Hotspot policing', 'RCTs'], crimeProblems: [] };
    expect(inDigest(subscription, tags({ interventions: ['hot-spot policing'] }))).toBe(true);
    expect(inDigest(subscription, tags({ methods: ['randomised controlled trial'] }))).toBe(true);
    expect(inDigest(subscription, tags({ interventions: ['cctv'] }))).toBe(false);
  });

  it('takes a crime problem only from the crime problems, by vocabulary or key', () => {
    const subscription = { topics: [], crimeProblems: ['ASB', 'drug-related deaths'] };
    expect(inDigest(subscription, tags({ crimeProblems: ['anti-social behaviour'] }))).toBe(true);
    expect(inDigest(subscription, tags({ crimeProblems: ['Drug related death'] }))).toBe(true);
    expect(inDigest(subscription, tags({ topics: ['anti-social behaviour'] }))).toBe(false);
  });

  it('reads tags kept before they had methods and topics', () => {
    const { methods: _methods, topics: _topics, ...kept } = tags({ settings: ['school'] });
    expect(inDigest({ topics: ['schools'], crimeProblems: [] }, kept)).toBe(true);
  });
});
