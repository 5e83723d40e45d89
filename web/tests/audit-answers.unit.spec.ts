// Where the graph's problems with a skills-audit answer are shown: beside the question they
// concern, found by the answer's position in what was sent.
import { issuesByQuestion } from '../src/pages/skills-audits/audit-draft';

describe('the skills-audit answers', () => {
  const sent = ['q-trials', 'q-crime'];

  it('places an issue beside the question its answer position names', () => {
    const { byQuestion, unplaced } = issuesByQuestion(
      new Map([
        ['[1].level', 'Must be at most 4'],
        ['answers[0].questionId', 'Required'],
        ['answers.1.questionId', 'Too long'],
      ]),
      sent,
    );
    expect([...byQuestion]).toEqual([
      ['q-crime', 'Must be at most 4 Too long'],
      ['q-trials', 'Required'],
    ]);
    expect(unplaced).toEqual([]);
  });

  it('keeps issues naming no sent answer for the summary', () => {
    const { byQuestion, unplaced } = issuesByQuestion(
      new Map([
        ['', 'At least one answer'],
        ['[5].level', 'Must be at most 4'],
        ['id', 'Unknown audit'],
      ]),
      sent,
    );
    expect(byQuestion.size).toBe(0);
    expect(unplaced).toEqual([
      ['', 'At least one answer'],
      ['[5].level', 'Must be at most 4'],
      ['id', 'Unknown audit'],
    ]);
  });
});
