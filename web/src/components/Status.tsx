import type { CombinedError } from 'urql';

/** Shown while data loads; announced politely to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" aria-live="polite" className="loading">
      Loading {what}…
    </p>
  );
}

/** A failed request, in words, with the graph's error code where there is one. */
export function ErrorMessage({ error }: { error: CombinedError | Error }) {
  const codes =
    'graphQLErrors' in error
      ? error.graphQLErrors.map((item) => item.extensions?.code).filter(Boolean)
      : [];
  const message =
    'graphQLErrors' in error && error.graphQLErrors[0]
      ? error.graphQLErrors[0].message
      : error.message;
  return (
    <div role="alert" className="error">
      <p>
        <strong>Something went wrong.</strong> {message}
      </p>
      {codes.length > 0 && <p className="code">Code: {codes.join(', ')}</p>}
    </div>
  );
}

/**
 * Why a form's change was refused: a summary that points to the fields marked below when the
 * server placed its issues on fields, the error itself when it placed none, and any issue no
 * field of the form shows (`unplaced`, by path).
 */
export function FormProblem({
  error,
  refused,
  issues,
  unplaced = [],
}: {
  readonly error: CombinedError | undefined;
  /** What could not be done, as a sentence: "The course could not be recorded." */
  readonly refused: string;
  readonly issues: ReadonlyMap<string, string>;
  readonly unplaced?: readonly (readonly [string, string])[];
}) {
  if (!error) return null;
  return (
    <div role="alert" className="error">
      <p>
        <strong>{refused}</strong>{' '}
        {issues.size > 0 ? 'Please correct the fields marked below.' : ''}
      </p>
      {issues.size === 0 && <ErrorMessage error={error} />}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map(([path, message]) => (
            <li key={path}>
              {path}: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
