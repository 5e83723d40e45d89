import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { LeadCompleteProjectDocument, type EmmieRating } from '../../../graphql/generated';
import { Field } from '../../../components/Field';
import { fieldIssues } from '../../../components/FieldErrors';
import { FormProblem } from '../../../components/Status';
import {
  EFFECT_DIRECTIONS,
  EMMIE_DIMENSIONS,
  EMMIE_RATINGS,
  completionDraft,
  findingsFrom,
  outcomePath,
  switchedOutcomes,
  unchosen,
  type CompletionDraft,
  type EmmieAspect,
  type EmmieDimensionName,
  type OutcomeDraft,
} from './lifecycle-rules';

interface PreRegistered {
  readonly primary: readonly { readonly name: string; readonly measure: string }[];
  readonly secondary: readonly { readonly name: string; readonly measure: string }[];
}

/** A checkbox with its label beside it (Field puts labels above, which suits text, not boxes). */
function Check({
  label,
  checked,
  onChange,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * The lead completes the project with its findings: each pre-registered outcome's result (or
 * that it is not reported), outcomes not pre-registered, the EMMIE ratings and a summary. What
 * the register will flag as outcome switching is shown before the form is sent.
 */
export function CompletionForm({
  projectId,
  version,
  preRegistered,
  completed,
}: {
  readonly projectId: string;
  readonly version: number;
  readonly preRegistered: PreRegistered;
  readonly completed: () => void;
}) {
  const [draft, setDraft] = useState<CompletionDraft>(() => completionDraft(preRegistered));
  const [added, setAdded] = useState(0);
  const [sentKeys, setSentKeys] = useState<readonly string[]>([]);
  const [missing, setMissing] = useState<ReadonlyMap<string, string>>(new Map());
  const [result, complete] = useMutation(LeadCompleteProjectDocument);
  const served = fieldIssues(result.error);
  // The register's issues, and what the form found unchosen, beside the same fields.
  const issues = new Map([...served, ...missing]);
  const outcomeIssue = (key: string, field: 'name' | 'result') => {
    const index = sentKeys.indexOf(key);
    return index < 0 ? undefined : issues.get(outcomePath(index, field));
  };
  const placedPaths = new Set([
    'summary',
    'effectDirection',
    'achievedSmsLevel',
    'reportedOutcomes',
    ...EMMIE_DIMENSIONS.flatMap(([name]) => [`emmie.${name}.evidence`, `emmie.${name}.quality`]),
    ...sentKeys.flatMap((_, index) => [outcomePath(index, 'name'), outcomePath(index, 'result')]),
  ]);
  const unplaced = [...served].filter(([path]) => !placedPaths.has(path));
  const switched = switchedOutcomes(draft);

  const setOutcome = (key: string, change: Partial<OutcomeDraft>) =>
    setDraft((now) => ({
      ...now,
      outcomes: now.outcomes.map((outcome) =>
        outcome.key === key ? { ...outcome, ...change } : outcome,
      ),
    }));
  const setRating = (name: EmmieDimensionName, aspect: EmmieAspect, rating: EmmieRating | '') =>
    setDraft((now) => ({
      ...now,
      emmie: { ...now.emmie, [name]: { ...now.emmie[name], [aspect]: rating } },
    }));
  const addOutcome = () => {
    setAdded((count) => count + 1);
    setDraft((now) => ({
      ...now,
      outcomes: [
        ...now.outcomes,
        {
          key: `added-${added}`,
          name: '',
          primary: true,
          result: '',
          measure: null,
          reported: true,
        },
      ],
    }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = unchosen(draft);
    setMissing(problems);
    if (problems.size > 0) return;
    const { findings, sentKeys: keys } = findingsFrom(draft);
    setSentKeys(keys);
    const outcome = await complete({ id: projectId, findings, expectedVersion: version });
    if (outcome.data) completed();
  };

  const preRegisteredOutcomes = draft.outcomes.filter((outcome) => outcome.measure !== null);
  const addedOutcomes = draft.outcomes.filter((outcome) => outcome.measure === null);
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      className="stacked"
      aria-labelledby="completion-heading"
    >
      <h3 id="completion-heading">Complete the project with its findings</h3>
      {missing.size > 0 ? (
        <div role="alert" className="error">
          <p>
            <strong>The findings are not complete.</strong> Please correct the fields marked below.
          </p>
        </div>
      ) : (
        <FormProblem
          error={result.error}
          refused="The project could not be completed."
          issues={served}
          unplaced={unplaced}
        />
      )}
      <Field
        label="What the research found"
        hint="In plain English, for officers who will read it in the library."
        error={issues.get('summary')}
      >
        {(props) => (
          <textarea
            {...props}
            rows={5}
            value={draft.summary}
            onChange={(event) => setDraft((now) => ({ ...now, summary: event.target.value }))}
          />
        )}
      </Field>
      <Field
        label="Direction of the effect"
        hint="Which way the intervention moved the primary outcomes."
        error={issues.get('effectDirection')}
      >
        {(props) => (
          <select
            {...props}
            value={draft.effectDirection}
            onChange={(event) =>
              setDraft((now) => ({
                ...now,
                effectDirection: event.target.value as CompletionDraft['effectDirection'],
              }))
            }
          >
            <option value="">Choose…</option>
            {EFFECT_DIRECTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="SMS level achieved"
        hint="The Maryland Scientific Methods Scale level the research achieved (1 to 5)."
        error={issues.get('achievedSmsLevel')}
      >
        {(props) => (
          <select
            {...props}
            value={draft.achievedSmsLevel}
            onChange={(event) =>
              setDraft((now) => ({ ...now, achievedSmsLevel: event.target.value }))
            }
          >
            <option value="">Choose…</option>
            {['1', '2', '3', '4', '5'].map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset
        aria-describedby={issues.get('reportedOutcomes') ? 'completion-outcomes-error' : undefined}
        className={issues.get('reportedOutcomes') ? 'field-error' : undefined}
      >
        <legend>Outcomes</legend>
        <p className="hint">
          The outcomes registered before the research started are listed: give each one’s result, or
          say it is not reported. Outcomes not pre-registered can be added; any change to the
          primary outcomes is flagged as outcome switching.
        </p>
        {issues.get('reportedOutcomes') && (
          <p id="completion-outcomes-error" className="error-message">
            <span className="visually-hidden">Error: </span>
            {issues.get('reportedOutcomes')}
          </p>
        )}
        {preRegisteredOutcomes.map((outcome) => (
          <fieldset key={outcome.key}>
            <legend>
              {outcome.name} (pre-registered {outcome.primary ? 'primary' : 'secondary'} outcome)
            </legend>
            <p className="hint">Measured by: {outcome.measure}</p>
            <Check
              label={`${outcome.name} is reported in the findings`}
              checked={outcome.reported}
              onChange={(reported) => setOutcome(outcome.key, { reported })}
            />
            {outcome.reported && (
              <Field
                label={`Result for ${outcome.name}`}
                error={outcomeIssue(outcome.key, 'result')}
              >
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    value={outcome.result}
                    onChange={(event) => setOutcome(outcome.key, { result: event.target.value })}
                  />
                )}
              </Field>
            )}
          </fieldset>
        ))}
        {addedOutcomes.map((outcome, index) => {
          const label = `Added outcome ${index + 1}`;
          return (
            <fieldset key={outcome.key}>
              <legend>{label} (not pre-registered)</legend>
              <Field label={`${label}: name`} error={outcomeIssue(outcome.key, 'name')}>
                {(props) => (
                  <input
                    {...props}
                    value={outcome.name}
                    onChange={(event) => setOutcome(outcome.key, { name: event.target.value })}
                  />
                )}
              </Field>
              <Check
                label={`${label} is a primary outcome`}
                checked={outcome.primary}
                onChange={(primary) => setOutcome(outcome.key, { primary })}
              />
              <Field label={`${label}: result`} error={outcomeIssue(outcome.key, 'result')}>
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    value={outcome.result}
                    onChange={(event) => setOutcome(outcome.key, { result: event.target.value })}
                  />
                )}
              </Field>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  setDraft((now) => ({
                    ...now,
                    outcomes: now.outcomes.filter((other) => other.key !== outcome.key),
                  }))
                }
              >
                Remove {label.toLowerCase()}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={addOutcome}>
          Add an outcome not pre-registered
        </button>
      </fieldset>

      <fieldset>
        <legend>EMMIE ratings</legend>
        <p className="hint">
          For each part of the evidence, how strong it is and how good the research behind it is.
        </p>
        {EMMIE_DIMENSIONS.map(([name, label, meaning]) => (
          <fieldset key={name}>
            <legend>{label}</legend>
            <p className="hint">{meaning}</p>
            {(['evidence', 'quality'] as const).map((aspect) => (
              <Field
                key={aspect}
                label={`${label}: ${aspect === 'evidence' ? 'strength of the evidence' : 'quality of the evidence'}`}
                error={issues.get(`emmie.${name}.${aspect}`)}
              >
                {(props) => (
                  <select
                    {...props}
                    value={draft.emmie[name][aspect]}
                    onChange={(event) =>
                      setRating(name, aspect, event.target.value as EmmieRating | '')
                    }
                  >
                    <option value="">Choose…</option>
                    {EMMIE_RATINGS.map(([value, words]) => (
                      <option key={value} value={value}>
                        {words}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </fieldset>
        ))}
      </fieldset>

      <div
        aria-live="polite"
        className={switched.dropped.length + switched.added.length ? 'gap' : ''}
      >
        {switched.dropped.length + switched.added.length > 0 ? (
          <>
            <p>
              <strong>These findings will be flagged for outcome switching.</strong>
            </p>
            {switched.dropped.length > 0 && (
              <p>Pre-registered primary outcomes not reported: {switched.dropped.join('; ')}.</p>
            )}
            {switched.added.length > 0 && (
              <p>Primary outcomes not pre-registered: {switched.added.join('; ')}.</p>
            )}
          </>
        ) : (
          <p className="hint">The primary outcomes reported are those pre-registered.</p>
        )}
      </div>
      <button type="submit" disabled={result.fetching}>
        Complete the project
      </button>
    </form>
  );
}
