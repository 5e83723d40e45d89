import type { ReactNode } from 'react';

/** A titled section listing things, or saying in words that there are none. */
export function ListSection<Item>({
  id,
  title,
  items,
  empty,
  keyOf,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly items: readonly Item[];
  readonly empty: string;
  readonly keyOf: (item: Item, index: number) => string;
  readonly children: (item: Item) => ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="plain">
          {items.map((item, index) => (
            <li key={keyOf(item, index)}>{children(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
