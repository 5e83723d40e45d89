import type { FormEvent, ReactNode } from 'react';

/**
 * A filter form whose submission becomes the page's address: each named field with a value is
 * one query parameter, so a filtered list can be bookmarked, shared and reloaded.
 */
export function FilterForm({
  label,
  fields,
  apply,
  children,
}: {
  readonly label: string;
  readonly fields: readonly string[];
  readonly apply: (params: URLSearchParams) => void;
  readonly children: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of fields) {
      const value = form.get(key);
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    }
    apply(next);
  };
  return (
    <form className="filters" aria-label={label} onSubmit={submit}>
      {children}
    </form>
  );
}
