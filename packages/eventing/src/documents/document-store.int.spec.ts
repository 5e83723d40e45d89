import { logPosition } from '../event-store/log-position';
import { documentTargets } from '../testing/document-targets';
import { bodiesByKey, bodiesOf, type DocumentStore } from './document-store';

const at = (sequence: number) => logPosition(1000n, BigInt(sequence));

interface Project {
  title: string;
  status: string;
  sms: number;
  unit: { name: string };
  tags: string[];
  lead?: string | null;
}

const projects: [string, Project][] = [
  [
    'p1',
    {
      title: 'Hot-spot patrols',
      status: 'approved',
      sms: 5,
      unit: { name: 'Westminster' },
      tags: ['violence', 'patrol'],
    },
  ],
  [
    'p2',
    {
      title: 'Body-worn video',
      status: 'in_progress',
      sms: 3,
      unit: { name: 'Camden' },
      tags: ['trust'],
      lead: 'l-2',
    },
  ],
  [
    'p3',
    {
      title: 'Street lighting',
      status: 'approved',
      sms: 4,
      unit: { name: 'Westminster' },
      tags: ['burglary'],
      lead: null,
    },
  ],
  [
    'p4',
    {
      title: 'Knife arches',
      status: 'completed',
      sms: 2,
      unit: { name: 'Hackney' },
      tags: ['violence'],
    },
  ],
  [
    'p5',
    {
      title: 'Restorative justice',
      status: 'proposed',
      sms: 3,
      unit: { name: 'Camden' },
      tags: [],
    },
  ],
];

describe.each(documentTargets())('DocumentStore contract on $name', (target) => {
  let store: DocumentStore;

  beforeAll(async () => {
    store = await target.create();
    const collection = store.collection<Project>('projects');
    for (const [index, [id, body]] of projects.entries())
      await collection.applyAt(id, at(index + 1), body);
  });

  afterAll(async () => {
    await store.close();
  });

  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  it('gets a document with its position', async () => {
    expect(await store.collection<Project>('projects').get('p2')).toEqual({
      id: 'p2',
      body: projects[1]![1],
      position: at(2),
    });
    expect(await store.collection('projects').get('nope')).toBeUndefined();
  });

  it.each([
    ['equality', { status: 'approved' }, ['p1', 'p3']],
    ['a nested field', { 'unit.name': 'Camden' }, ['p2', 'p5']],
    ['$in', { status: { $in: ['completed', 'proposed'] } }, ['p4', 'p5']],
    ['$ne', { status: { $ne: 'approved' } }, ['p2', 'p4', 'p5']],
    ['a range', { sms: { $gte: 3, $lt: 5 } }, ['p2', 'p3', 'p5']],
    ['$contains on an array', { tags: { $contains: 'violence' } }, ['p1', 'p4']],
    [
      '$containsAny on an array',
      { tags: { $containsAny: ['burglary', 'trust', 'nothing'] } },
      ['p2', 'p3'],
    ],
    ['$containsAny with no values', { tags: { $containsAny: [] } }, []],
    // An object's keys are not its elements (PostgreSQL's `?|` would match them).
    ['$containsAny on an object field', { unit: { $containsAny: ['name'] } }, []],
    ['$containsAny on a scalar field', { sms: { $containsAny: [3, 5] } }, []],
    ['$containsAny with values of mixed types', { tags: { $containsAny: [3, 'trust'] } }, ['p2']],
    ['several fields', { status: 'approved', sms: { $gt: 4 } }, ['p1']],
    ['$includes, ignoring case', { title: { $includes: 'LIGHT' } }, ['p3']],
    [
      '$includes with characters that are special in LIKE and regular expressions',
      { title: { $includes: '%.*' } },
      [],
    ],
    ['equality with null, missing or null', { lead: null }, ['p1', 'p3', 'p4', 'p5']],
    ['no match', { status: 'withdrawn' }, []],
  ])('finds by %s', async (_label, filter, expected) => {
    const result = await store.collection('projects').find({ filter });
    expect(ids(result.items)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('sorts by fields with id as the final tie-breaker, and pages without overlap', async () => {
    const collection = store.collection('projects');
    const sorted = await collection.find({ sort: [{ field: 'sms', direction: 'desc' }] });
    expect(ids(sorted.items)).toEqual(['p1', 'p3', 'p2', 'p5', 'p4']);
    const byUnit = await collection.find({
      sort: [
        { field: 'unit.name', direction: 'asc' },
        { field: 'sms', direction: 'asc' },
      ],
    });
    expect(ids(byUnit.items)).toEqual(['p2', 'p5', 'p4', 'p3', 'p1']);
    const pages = [];
    for (let offset = 0; offset < 5; offset += 2) {
      pages.push(
        await collection.find({ sort: [{ field: 'title', direction: 'asc' }], limit: 2, offset }),
      );
    }
    expect(pages.map((page) => ids(page.items))).toEqual([['p2', 'p1'], ['p4', 'p5'], ['p3']]);
    expect(pages.every((page) => page.total === 5)).toBe(true);
  });

  it('leaves the count out when told, finding the same page', async () => {
    const collection = store.collection('projects');
    const options = { filter: { status: { $ne: 'completed' } }, limit: 2, offset: 1 } as const;
    const counted = await collection.find(options);
    const uncounted = await collection.find({ ...options, total: false });
    expect(counted.total).toBe(4);
    expect(uncounted).toEqual({ items: counted.items });
    expect('total' in uncounted).toBe(false);
    expect(await bodiesOf(collection, { filter: { status: 'approved' } })).toEqual([
      projects[0]![1],
      projects[2]![1],
    ]);
  });

  it('finds the documents of many keys in one read, grouped by key', async () => {
    const collection = store.collection<Project>('projects');
    const byUnit = await bodiesByKey(
      collection,
      ['Camden', 'Westminster', 'Nowhere', 'Camden'],
      { field: 'unit.name', match: 'value', keysOf: (body) => [body.unit.name] },
      { sort: [{ field: 'sms', direction: 'desc' }] },
    );
    const titles = (found: Map<string, Project[]>) =>
      Object.fromEntries([...found].map(([key, bodies]) => [key, bodies.map((b) => b.title)]));
    expect(titles(byUnit)).toEqual({
      Camden: ['Body-worn video', 'Restorative justice'],
      Westminster: ['Hot-spot patrols', 'Street lighting'],
      Nowhere: [],
    });
    const byTag = await bodiesByKey(
      collection,
      ['violence', 'trust'],
      { field: 'tags', match: 'element', keysOf: (body) => body.tags },
      { filter: { sms: { $gte: 3 } } },
    );
    expect(titles(byTag)).toEqual({
      violence: ['Hot-spot patrols'],
      trust: ['Body-worn video'],
    });
    expect(
      await bodiesByKey(collection, [], { field: 'tags', match: 'element', keysOf: (b) => b.tags }),
    ).toEqual(new Map());
  });

  it('refuses field paths that are not dotted identifiers', async () => {
    await expect(
      store.collection('projects').find({ filter: { "title') or true --": 'x' } }),
    ).rejects.toThrow(/Invalid field path/);
  });

  describe('writes guarded by event position', () => {
    it('applies a newer event, and skips the same or an older one', async () => {
      const docs = store.collection<{ n: number }>('guarded');
      expect(await docs.applyAt('d', at(10), { n: 10 })).toBe('applied');
      expect(await docs.applyAt('d', at(10), { n: 999 })).toBe('skipped');
      expect(await docs.applyAt('d', at(9), { n: 9 })).toBe('skipped');
      expect(await docs.applyAt('d', at(11), { n: 11 })).toBe('applied');
      expect(await docs.get('d')).toEqual({ id: 'd', body: { n: 11 }, position: at(11) });
    });

    it('keeps a tombstone so that an older event cannot bring a deleted document back', async () => {
      const docs = store.collection<{ n: number }>('tombstones');
      await docs.applyAt('d', at(1), { n: 1 });
      expect(await docs.applyAt('d', at(5), null)).toBe('applied');
      expect(await docs.get('d')).toBeUndefined();
      expect(await docs.applyAt('d', at(3), { n: 3 })).toBe('skipped');
      expect((await docs.find()).total).toBe(0);
      expect(await docs.applyAt('d', at(6), { n: 6 })).toBe('applied');
      expect(await docs.get('d')).toMatchObject({ body: { n: 6 } });
    });

    it('evolves a document from its current body, once per position', async () => {
      const docs = store.collection<{ count: number }>('counters');
      const increment = (current: { count: number } | null) => ({
        count: (current?.count ?? 0) + 1,
      });
      expect(await docs.evolveAt('c', at(1), increment)).toBe('applied');
      expect(await docs.evolveAt('c', at(2), increment)).toBe('applied');
      expect(await docs.evolveAt('c', at(2), increment)).toBe('skipped');
      expect(await docs.evolveAt('c', at(1), increment)).toBe('skipped');
      expect((await docs.get('c'))?.body).toEqual({ count: 2 });
    });

    it('keeps every increment when writers race on one document', async () => {
      const docs = store.collection<{ seen: number[] }>('racing');
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          docs.evolveAt('r', at(100 + index), (current) => ({
            seen: [...(current?.seen ?? []), index],
          })),
        ),
      );
      // Writes at lower positions after a higher one are skipped by design; whatever was applied is consistent.
      const final = await docs.get('r');
      expect(final?.body.seen.length).toBeGreaterThan(0);
      expect(final?.position).toBe(at(100 + Math.max(...final!.body.seen)));
    });
  });

  it('points an alias at a versioned collection and switches it', async () => {
    expect(await store.resolveAlias('projects-view')).toBeUndefined();
    await store.setAlias('projects-view', 'projects_v1');
    expect(await store.resolveAlias('projects-view')).toBe('projects_v1');
    await store.setAlias('projects-view', 'projects_v2');
    expect(await store.resolveAlias('projects-view')).toBe('projects_v2');
  });

  it('drops a collection', async () => {
    const docs = store.collection<{ n: number }>('droppable');
    await docs.applyAt('x', at(1), { n: 1 });
    await docs.drop();
    expect((await docs.find()).total).toBe(0);
  });
});

describe.each(documentTargets())('DocumentStore batched writes on $name', (target) => {
  let store: DocumentStore;

  beforeAll(async () => {
    store = await target.create();
  });

  afterAll(async () => {
    await store.close();
  });

  it('reads several documents, tombstones included, and writes them compare-and-set', async () => {
    const docs = store.collection<{ n: number }>('batched');
    await docs.applyAt('a', at(1), { n: 1 });
    await docs.applyAt('b', at(2), { n: 2 });
    await docs.applyAt('gone', at(3), null);
    const states = await docs.getMany(['a', 'b', 'gone', 'missing']);
    expect(Object.fromEntries(states)).toEqual({
      a: { body: { n: 1 }, position: at(1) },
      b: { body: { n: 2 }, position: at(2) },
      gone: { body: null, position: at(3) },
    });

    await docs.applyAt('b', at(5), { n: 5 }); // b moves on after it was read
    const { conflicts } = await docs.writeMany([
      { id: 'a', position: at(10), body: { n: 10 }, expected: at(1) },
      { id: 'b', position: at(10), body: { n: 10 }, expected: at(2) },
      { id: 'new', position: at(10), body: { n: 10 }, expected: undefined },
      { id: 'gone', position: at(10), body: { n: 10 }, expected: undefined },
    ]);
    expect(conflicts.sort()).toEqual(['b', 'gone']);
    expect((await docs.get('a'))?.body).toEqual({ n: 10 });
    expect((await docs.get('b'))?.body).toEqual({ n: 5 });
    expect((await docs.get('new'))?.body).toEqual({ n: 10 });
    expect(await docs.get('gone')).toBeUndefined();
    expect(await docs.getMany([])).toEqual(new Map());
  });
});
