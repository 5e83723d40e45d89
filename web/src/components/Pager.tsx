/** Previous and next buttons over a paged list, and where in it the reader is. */
export function Pager({
  label,
  page,
  size,
  total,
  go,
}: {
  readonly label: string;
  readonly page: number;
  readonly size: number;
  readonly total: number;
  readonly go: (page: number) => void;
}) {
  return (
    <nav aria-label={label} className="pager">
      <button type="button" disabled={page === 0} onClick={() => go(page - 1)}>
        Previous
      </button>
      <span>
        Page {page + 1} of {Math.max(1, Math.ceil(total / size))}
      </span>
      <button type="button" disabled={(page + 1) * size >= total} onClick={() => go(page + 1)}>
        Next
      </button>
    </nav>
  );
}
