// What the skills-audit, award and learning-network forms make of what people type, before the
// graph sees it.
import { formatPounds, newRecordId, poundsFrom } from '../src/pages/community/records';
import { itemIdsFrom } from '../src/pages/learning-networks/post-items';
import {
  levelLabel,
  meanLevelText,
  questionsFrom,
  unitsFrom,
} from '../src/pages/skills-audits/audit-draft';

describe('the skills-audit form', () => {
  it('takes units one a line or separated by commas, trimmed, each once', () => {
    expect(unitsFrom(' Central West BCU\nNorth BCU, Public Protection;\n\nNorth BCU ')).toEqual([
      'Central West BCU',
      'North BCU',
      'Public Protection',
    ]);
    expect(unitsFrom('  \n ')).toEqual([]);
  });

  it('numbers the questions in order and trims what was typed', () => {
    expect(
      questionsFrom([
        { skill: ' crime analysis ', text: ' How well can you analyse crime data? ' },
        { skill: 'surveys', text: 'How well can you run a survey?' },
      ]),
    ).toEqual([
      { questionId: 'q1', skill: 'crime analysis', text: 'How well can you analyse crime data?' },
      { questionId: 'q2', skill: 'surveys', text: 'How well can you run a survey?' },
    ]);
  });

  it('names the levels and shows a mean out of four', () => {
    expect([0, 1, 2, 3, 4].map(levelLabel)).toEqual([
      'None',
      'Aware of it',
      'Have practised it',
      'Proficient',
      'Can teach it',
    ]);
    expect(meanLevelText(2.5)).toBe('2.50 of 4');
    expect(meanLevelText(0)).toBe('0.00 of 4');
  });
});

describe('the award forms', () => {
  it('reads whole pounds however they are typed, and nothing else', () => {
    expect(poundsFrom('£12,500')).toBe(12500);
    expect(poundsFrom(' 0 ')).toBe(0);
    expect(poundsFrom('ten thousand')).toBeNull();
    expect(poundsFrom('12.50')).toBeNull();
    expect(poundsFrom('-5')).toBeNull();
    expect(poundsFrom('')).toBeNull();
  });

  it('shows pounds as people read them', () => {
    expect(formatPounds(12500)).toBe('£12,500');
    expect(formatPounds(0)).toBe('£0');
  });

  it('gives each new record an id of its kind, never the same twice', () => {
    const first = newRecordId('round');
    expect(first).toMatch(/^round-[0-9a-f-]{32,36}$/);
    expect(newRecordId('round')).not.toBe(first);
  });
});

describe('the share-learning form', () => {
  it('takes library items as ids or addresses, each once', () => {
    expect(
      itemIdsFrom('item-1, /library/item-2  https://intranet.example/library/item-3 item-1'),
    ).toEqual(['item-1', 'item-2', 'item-3']);
    expect(itemIdsFrom('   ')).toEqual([]);
  });
});
