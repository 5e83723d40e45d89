import { readAhead } from './read-ahead';

describe('reading ahead', () => {
  const pagesOf = (items: readonly number[], size: number) => {
    const requested: (number | undefined)[] = [];
    const readPage = (after: number | undefined) => {
      requested.push(after);
      const start = after === undefined ? 0 : items.indexOf(after) + 1;
      return Promise.resolve(items.slice(start, start + size));
    };
    return { readPage, requested };
  };

  it('yields every page in order and has the next one requested before the caller folds', async () => {
    const { readPage, requested } = pagesOf([1, 2, 3, 4, 5], 2);
    const seen: number[][] = [];
    for await (const page of readAhead(readPage)) {
      // The page after this one is already asked for.
      expect(requested.at(-1)).toBe(page.at(-1));
      seen.push([...page]);
    }
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
    expect(requested).toEqual([undefined, 2, 4, 5]);
  });

  it('passes a failed read on, and a caller that stops early leaves no unhandled failure', async () => {
    let calls = 0;
    const failing = (after: number | undefined) => {
      calls += 1;
      return calls === 1 ? Promise.resolve([after ?? 0, 1]) : Promise.reject(new Error('lost'));
    };
    const pages = readAhead(failing);
    expect((await pages.next()).value).toEqual([0, 1]);
    await expect(pages.next()).rejects.toThrow('lost');

    calls = 0;
    for await (const page of readAhead(failing)) {
      expect(page).toEqual([0, 1]);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
  });
});
