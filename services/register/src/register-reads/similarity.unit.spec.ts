import { mostSimilar, similarity } from './similarity';

const existing = [
  {
    projectId: 'p-hotspot',
    title: 'Hotspot patrolling in the night-time economy',
    summary: 'Visible patrols at late-night violence hot spots in Westminster.',
  },
  {
    projectId: 'p-bwv',
    title: 'Body-worn video and complaints',
    summary: 'Does body-worn video reduce complaints against officers?',
  },
  {
    projectId: 'p-lighting',
    title: 'Street lighting and burglary',
    summary: 'Improved lighting on estates and residential burglary.',
  },
];

describe('duplicate warning', () => {
  it('ranks a near-duplicate proposal first, despite different spelling and word forms', () => {
    const candidate = {
      title: 'Hot-spot patrols and night-time violence',
      summary: 'Do visible patrols at violence hot spots at night reduce injuries?',
    };
    const matches = mostSimilar(candidate, existing);
    expect(matches[0]?.projectId).toBe('p-hotspot');
    expect(matches.map((match) => match.projectId)).not.toContain('p-lighting');
  });

  it('finds nothing for an unrelated proposal', () => {
    expect(
      mostSimilar(
        {
          title: 'Cyber fraud victims and repeat victimisation',
          summary: 'Which advice reduces repeat fraud against older people?',
        },
        existing,
      ),
    ).toEqual([]);
  });

  it('scores identical text 1 and is symmetric', () => {
    const a = existing[1]!;
    const b = existing[0]!;
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, b)).toBe(similarity(b, a));
  });
});
