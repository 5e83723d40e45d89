import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { inKeyOrder, loaderKind, requestLoader, type LoaderHolder } from './request-loaders';
import { selectsField } from './selection';

describe('requestLoader', () => {
  const doubled = loaderKind<number, number>('doubled');

  it('loads the keys asked for together in one batch, per request', async () => {
    const batches: number[][] = [];
    const load = (keys: readonly number[]) => {
      batches.push([...keys]);
      return Promise.resolve(keys.map((key) => key * 2));
    };
    const request: LoaderHolder = {};
    const answers = await Promise.all(
      [1, 2, 3, 2].map((key) => requestLoader(request, doubled, load).load(key)),
    );
    expect(answers).toEqual([2, 4, 6, 4]);
    expect(batches).toEqual([[1, 2, 3]]);
    // Another request has its own loader: nothing is shared between callers.
    await requestLoader({}, doubled, load).load(1);
    expect(batches).toEqual([[1, 2, 3], [1]]);
  });

  it('compares object keys by their cache key', async () => {
    const kind = loaderKind<{ id: string; purpose: string }, string>(
      'byPurpose',
      (key) => `${key.purpose}:${key.id}`,
    );
    let calls = 0;
    const load = (keys: readonly { id: string; purpose: string }[]) => {
      calls += 1;
      return Promise.resolve(keys.map((key) => `${key.id} for ${key.purpose}`));
    };
    const request: LoaderHolder = {};
    const [a, b] = await Promise.all([
      requestLoader(request, kind, load).load({ id: 'p1', purpose: 'x' }),
      requestLoader(request, kind, load).load({ id: 'p1', purpose: 'x' }),
    ]);
    expect([a, b, calls]).toEqual(['p1 for x', 'p1 for x', 1]);
  });

  it('refuses a batch that does not answer every key', async () => {
    const load = () => Promise.resolve([1]);
    const request: LoaderHolder = {};
    await expect(
      Promise.all([1, 2].map((key) => requestLoader(request, doubled, load).load(key))),
    ).rejects.toThrow('Loader doubled answered 1 of 2 keys');
  });

  it('answers missing keys with the given value', () => {
    expect(inKeyOrder(['a', 'b'], new Map([['b', 1]]), 0)).toEqual([0, 1]);
  });
});

describe('selectsField', () => {
  const infoOf = (query: string) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    )!;
    const fragments = Object.fromEntries(
      document.definitions
        .filter(
          (definition): definition is FragmentDefinitionNode =>
            definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    const list = operation.selectionSet.selections[0]!;
    if (list.kind !== Kind.FIELD) throw new Error('expected a field');
    return { fieldNodes: [list], fragments };
  };

  it.each([
    ['directly', '{ list { items { id } total } }', true],
    ['not at all', '{ list { items { id total } } }', false],
    ['in an inline fragment', '{ list { ... on Page { total } } }', true],
    ['in a fragment spread', '{ list { ...counted } } fragment counted on Page { total }', true],
  ])('sees a selected field %s', (_label, query, expected) => {
    expect(selectsField(infoOf(query), 'total')).toBe(expected);
  });
});
