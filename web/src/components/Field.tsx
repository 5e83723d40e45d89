import { useId, type ReactNode } from 'react';

/**
 * A labelled form field with its hint and, when the server refused the input, its message right
 * beside it (linked with aria-describedby, so a screen reader reads it with the field).
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ReactNode;
}) {
  const id = useId();
  const { describedBy, notes } = useHintAndError(id, hint, error);
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {notes}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
    </div>
  );
}

/**
 * A group of fields or choices under a legend (radio buttons, tick boxes, a repeated part), with
 * its hint and the server's message for the group right beside it, as Field does for one field.
 */
export function FieldSet({
  legend,
  hint,
  error,
  className,
  children,
}: {
  readonly legend: ReactNode;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  const { describedBy, notes } = useHintAndError(useId(), hint, error);
  const classes = [className, error ? 'field-error' : null].filter(Boolean).join(' ');
  return (
    <fieldset aria-describedby={describedBy || undefined} className={classes || undefined}>
      <legend>{legend}</legend>
      {notes}
      {children}
    </fieldset>
  );
}

/** A hint and an error message, and the ids that tie them to what they describe. */
function useHintAndError(id: string, hint: string | undefined, error: string | undefined) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const notes = (
    <>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
  return { describedBy, notes };
}

/** A Field holding a text area bound to a string: the form's most common field. */
export function TextAreaField({
  label,
  hint,
  error,
  rows = 3,
  value,
  onChange,
}: {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly rows?: number;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })} error={error}>
      {(props) => (
        <textarea
          {...props}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
