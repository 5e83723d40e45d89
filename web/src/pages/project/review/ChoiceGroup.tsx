import { useId } from 'react';

/**
 * One question answered by choosing one of a few options: radio buttons in a fieldset whose
 * legend asks the question, so the keyboard moves through it with Tab and the arrow keys and a
 * screen reader names the group. Nothing is chosen until the user chooses; a message about the
 * group sits under its legend and describes the group.
 */
export function ChoiceGroup<Value extends string>({
  legend,
  choices,
  value,
  onChange,
  error,
  inline = false,
}: {
  readonly legend: string;
  readonly choices: readonly (readonly [Value, string])[];
  readonly value: Value | null | undefined;
  readonly onChange: (value: Value) => void;
  readonly error?: string | undefined;
  /** Options side by side (wrapping on a phone) rather than one under another. */
  readonly inline?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={error ? 'choice-group field-error' : 'choice-group'}
      {...(error ? { 'aria-describedby': errorId } : {})}
    >
      <legend>{legend}</legend>
      {error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className={inline ? 'choices inline-choices' : 'choices'}>
        {choices.map(([choice, label]) => {
          const inputId = `${id}-${choice}`;
          return (
            <div key={choice} className="check">
              <input
                type="radio"
                id={inputId}
                name={id}
                value={choice}
                checked={value === choice}
                onChange={() => onChange(choice)}
              />
              <label htmlFor={inputId}>{label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
