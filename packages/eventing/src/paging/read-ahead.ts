/**
 * The pages of a long read, one page ahead: while the caller folds a page, the next one is already
 * on its way from the database, so a replay costs the larger of the two, not their sum. The read
 * stops at the first empty page. `readPage` gets the last item of the previous page (none first).
 */
export async function* readAhead<Item>(
  readPage: (after: Item | undefined) => Promise<readonly Item[]>,
): AsyncGenerator<readonly Item[]> {
  let pending = readPage(undefined);
  for (;;) {
    const page = await pending;
    if (page.length === 0) return;
    pending = readPage(page.at(-1));
    // Awaited on the next turn; if the caller stops first, its failure must not go unhandled.
    pending.catch(() => undefined);
    yield page;
  }
}
