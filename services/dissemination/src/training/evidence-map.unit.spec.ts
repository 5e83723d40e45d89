import type { CourseEntry } from '../projections/courses';
import { evidenceMap } from './evidence-map';

const course = (
  courseId: string,
  parts: Record<string, string[]>,
  status: CourseEntry['status'] = 'active',
): CourseEntry => ({
  courseId,
  title: courseId,
  provider: 'Met Learning and Development',
  audience: 'Student officers',
  description: null,
  parts: Object.entries(parts).map(([partId, itemIds]) => ({
    partId,
    title: partId,
    evidence: itemIds.map((itemId) => ({ itemId, note: null, linkedAt: '2026-11-30T10:00:00Z' })),
  })),
  status,
  registeredAt: '2026-11-30T09:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
  retiredReason: null,
  itemIds: [...new Set(Object.values(parts).flat())],
});

describe('the evidence map of training', () => {
  const stopSearch = course('stop-search', { grounds: [], encounter: ['justice'] });
  const knives = course('knives', { arches: ['arches', 'justice'] });
  const briefing = course('briefing', { briefing: [] });
  const retired = course('old', { everything: [] }, 'retired');
  const levels = new Map<string, number | null>([
    ['justice', 4],
    ['arches', 2],
  ]);
  const strong = [
    { itemId: 'hot-spots', smsLevel: 5 },
    { itemId: 'justice', smsLevel: 4 },
    { itemId: 'unrated', smsLevel: null },
  ];

  it('lists the parts and the courses with no evidence, active courses only', () => {
    const map = evidenceMap([stopSearch, knives, briefing, retired], strong, levels, 3);
    expect(map).toMatchObject({ minimumSmsLevel: 3, courses: 3, parts: 4, partsWithEvidence: 2 });
    expect(
      map.partsWithoutEvidence.map(({ course: c, part }) => [c.courseId, part.partId]),
    ).toEqual([
      ['stop-search', 'grounds'],
      ['briefing', 'briefing'],
    ]);
    expect(map.coursesWithoutEvidence.map((c) => c.courseId)).toEqual(['briefing']);
  });

  it('shows where evidence leads training, strongest first, with every course and part citing it', () => {
    const map = evidenceMap([stopSearch, knives, briefing], strong, levels, 3);
    expect(
      map.taught.map((entry) => ({
        itemId: entry.itemId,
        strong: entry.strong,
        citedBy: entry.citedBy.map(({ course: c, partIds }) => [c.courseId, partIds]),
      })),
    ).toEqual([
      {
        itemId: 'justice',
        strong: true,
        citedBy: [
          ['stop-search', ['encounter']],
          ['knives', ['arches']],
        ],
      },
      { itemId: 'arches', strong: false, citedBy: [['knives', ['arches']]] },
    ]);
  });

  it('lists strong evidence no active course cites; unrated evidence is never strong', () => {
    expect(
      evidenceMap([stopSearch, knives], strong, levels, 3).strongEvidenceTaughtNowhere,
    ).toEqual(['hot-spots']);
    // Cited only by a retired course: taught nowhere.
    const onlyRetired = course('old', { everything: ['hot-spots'] }, 'retired');
    expect(
      evidenceMap([stopSearch, onlyRetired], strong, levels, 3).strongEvidenceTaughtNowhere,
    ).toEqual(['hot-spots']);
    // A stricter level: level 4 is no longer strong.
    const strict = evidenceMap([stopSearch, knives], strong, levels, 5);
    expect(strict.strongEvidenceTaughtNowhere).toEqual(['hot-spots']);
    expect(strict.taught.every((entry) => !entry.strong)).toBe(true);
  });
});
