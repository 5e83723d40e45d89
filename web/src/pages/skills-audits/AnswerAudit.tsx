import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AnswerSkillsAuditDocument, type SkillsAuditFieldsFragment } from '../../graphql/generated';
import { FieldSet } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { SKILL_LEVELS, issuesByQuestion, levelLabel } from './audit-draft';

/** An answer as the graph records it: a level for one question. */
export interface RecordedAnswer {
  readonly questionId: string;
  readonly level: number;
}

/**
 * Answers an open audit for oneself: a level per question, starting from the answers already
 * recorded. A later answer replaces an earlier one; the service refuses people outside the
 * audit's units, and says so.
 */
export function AnswerAudit({
  audit,
  answered = [],
}: {
  readonly audit: SkillsAuditFieldsFragment;
  /** The caller's answers so far (none before the first). */
  readonly answered?: readonly RecordedAnswer[];
}) {
  const [levels, setLevels] = useState<ReadonlyMap<string, number>>(
    () => new Map(answered.map((each) => [each.questionId, each.level])),
  );
  const [recorded, setRecorded] = useState('');
  // Set once a send was refused here for unanswered questions; the marks follow the choices.
  const [showUnanswered, setShowUnanswered] = useState(false);
  // The questions in the order last sent: the graph's issues name answers by that position.
  const [sentOrder, setSentOrder] = useState<readonly string[]>([]);
  const [result, answer] = useMutation(AnswerSkillsAuditDocument);
  const issues = fieldIssues(result.error);
  const { byQuestion, unplaced } = issuesByQuestion(issues, sentOrder);
  const unanswered = audit.questions.filter((question) => !levels.has(question.questionId));
  const skillOf = (questionId: string) =>
    audit.questions.find((question) => question.questionId === questionId)?.skill ?? questionId;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRecorded('');
    // An audit's report counts whole answers: a partial one is not sent at all.
    if (unanswered.length > 0) {
      setShowUnanswered(true);
      return;
    }
    setShowUnanswered(false);
    const answers = audit.questions.flatMap((question) => {
      const level = levels.get(question.questionId);
      return level === undefined ? [] : [{ questionId: question.questionId, level }];
    });
    setSentOrder(answers.map((each) => each.questionId));
    const outcome = await answer({ id: audit.id, answers });
    const recordedAnswers = outcome.data?.answerSkillsAudit.answers;
    if (recordedAnswers)
      setRecorded(
        `Your answers are recorded: ${recordedAnswers
          .map((each) => `${skillOf(each.questionId)}: ${levelLabel(each.level).toLowerCase()}`)
          .join('; ')}.`,
      );
  };
  const formId = `answer-${audit.id}`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
      <h4 id={formId}>Your answers</h4>
      {answered.length > 0 && (
        <p>You have answered: your answers are chosen below, and sending again replaces them.</p>
      )}
      <p role="status">{recorded}</p>
      {showUnanswered && unanswered.length > 0 && (
        <div role="alert" className="error">
          <p>
            <strong>Your answers were not sent.</strong> Choose a level for every question:{' '}
            {unanswered.length === 1 ? 'one is' : `${unanswered.length} are`} left (
            {unanswered.map((question) => question.skill).join(', ')}).
          </p>
        </div>
      )}
      <FormProblem
        error={result.error}
        refused="Your answers could not be recorded."
        issues={issues}
        unplaced={unplaced}
      />
      {audit.questions.map((question) => (
        <FieldSet
          key={question.questionId}
          legend={
            <>
              {question.text} <span className="meta">({question.skill})</span>
            </>
          }
          error={
            showUnanswered && !levels.has(question.questionId)
              ? 'Not answered yet: choose a level.'
              : byQuestion.get(question.questionId)
          }
        >
          {SKILL_LEVELS.map(({ level, label }) => (
            <label key={level}>
              <input
                type="radio"
                name={`${formId}-${question.questionId}`}
                value={level}
                checked={levels.get(question.questionId) === level}
                onChange={() =>
                  setLevels((current) => new Map(current).set(question.questionId, level))
                }
              />{' '}
              {label}
            </label>
          ))}
        </FieldSet>
      ))}
      <button type="submit" disabled={result.fetching}>
        Send my answers<span className="visually-hidden"> to {audit.title}</span>
      </button>
    </form>
  );
}
