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
