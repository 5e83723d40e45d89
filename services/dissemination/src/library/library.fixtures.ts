import type { dissemination } from '@ebp/contracts';

/** A published-quality evidence summary, as the contract stores it (defaults filled in). */
export function evidenceSummary(
  overrides: Partial<dissemination.LibraryContent> = {},
): dissemination.LibraryContent {
  return {
    kind: 'evidence_summary',
    title: 'Hot spots policing in Lambeth: a randomised trial',
    summary:
      'Targeted patrols in the 40 busiest micro-places reduced robbery and burglary without displacement.',
    year: 2026,
    evidence: {
      smsLevel: 5,
      effectDirection: 'positive',
      ebpLevel: 'tactical',
    },
    tags: {
      crimeProblems: ['robbery', 'burglary'],
      interventions: ['hot spots policing'],
      populations: [],
      settings: ['micro_place'],
      methods: [],
      topics: [],
    },
    projectIds: ['hot-spots-lambeth'],
    classification: 'OFFICIAL',
    ...overrides,
  };
}
