/** A question of an audit being drafted on the page: the skill and what people are asked. */
export interface QuestionDraft {
  readonly skill: string;
  readonly text: string;
}

/** The levels an answer takes, as the community defines them (0 to 4). */
export const SKILL_LEVELS = [
  { level: 0, label: 'None' },
  { level: 1, label: 'Aware of it' },
  { level: 2, label: 'Have practised it' },
  { level: 3, label: 'Proficient' },
  { level: 4, label: 'Can teach it' },
] as const;

export const levelLabel = (level: number): string =>
  SKILL_LEVELS.find((each) => each.level === level)?.label ?? `Level ${level}`;

/** The units typed one a line (or separated by commas or semicolons), trimmed, each once. */
export function unitsFrom(text: string): string[] {
  const units = text
    .split(/[\n,;]/)
    .map((unit) => unit.trim())
    .filter(Boolean);
  return [...new Set(units)];
}

/**
 * The drafted questions as the graph takes them: each numbered in order (q1, q2…), since people
 * name a question by its skill and text, and the answers by its id.
 */
export const questionsFrom = (drafts: readonly QuestionDraft[]) =>
  drafts.map((draft, index) => ({
    questionId: `q${index + 1}`,
    skill: draft.skill.trim(),
    text: draft.text.trim(),
  }));

/** A mean level as people read it: two decimal places, out of the top level (4). */
export const meanLevelText = (mean: number): string => `${mean.toFixed(2)} of 4`;

/**
 * Places the graph's issues beside the questions they concern. The graph names an answer by its
 * position in what was sent (`[1].level`, or under `answers`); anything else stays in the summary.
 */
export function issuesByQuestion(
  issues: ReadonlyMap<string, string>,
  sentOrder: readonly string[],
): {
  readonly byQuestion: ReadonlyMap<string, string>;
  readonly unplaced: readonly (readonly [string, string])[];
} {
  const byQuestion = new Map<string, string>();
  const unplaced: [string, string][] = [];
  for (const [path, message] of issues) {
    const position = /^(?:answers)?(?:\[(\d+)\]|\.?(\d+)(?=\.|$))/.exec(path);
    const index = position ? Number(position[1] ?? position[2]) : Number.NaN;
    const questionId = sentOrder[index];
    if (questionId === undefined) unplaced.push([path, message]);
    else
      byQuestion.set(
        questionId,
        byQuestion.has(questionId) ? `${byQuestion.get(questionId)} ${message}` : message,
      );
  }
  return { byQuestion, unplaced };
}
