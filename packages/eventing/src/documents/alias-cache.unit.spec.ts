import { AliasCache } from './alias-cache';

describe('AliasCache', () => {
  let now = 0;
  let stored: Record<string, string | undefined> = {};
  let reads = 0;
  const cacheWith = (ttlMs: number) =>
    new AliasCache(
      (alias) => {
        reads += 1;
        return Promise.resolve(stored[alias]);
      },
      ttlMs,
      () => now,
    );

  beforeEach(() => {
    now = 0;
    stored = { view: 'view_v1' };
    reads = 0;
  });

  it('reads an alias once within its time-to-live, absent ones included', async () => {
    const cache = cacheWith(1_000);
    expect(await Promise.all([cache.resolve('view'), cache.resolve('view')])).toEqual([
      'view_v1',
      'view_v1',
    ]);
    expect(await cache.resolve('none')).toBeUndefined();
    now = 999;
    expect(await cache.resolve('view')).toBe('view_v1');
    expect(await cache.resolve('none')).toBeUndefined();
    expect(reads).toBe(2);
  });

  it("follows another process's switch once the time-to-live has passed", async () => {
    const cache = cacheWith(1_000);
    await cache.resolve('view');
    stored.view = 'view_v2';
    expect(await cache.resolve('view')).toBe('view_v1');
    now = 1_000;
    expect(await cache.resolve('view')).toBe('view_v2');
  });

  it('follows a switch made through its own store at once', async () => {
    const cache = cacheWith(60_000);
    await cache.resolve('view');
    cache.switched('view', 'view_v3');
    expect(await cache.resolve('view')).toBe('view_v3');
    expect(reads).toBe(1);
  });

  it('does not remember a failed read', async () => {
    let fail = true;
    const cache = new AliasCache(
      () => (fail ? Promise.reject(new Error('engine down')) : Promise.resolve('view_v1')),
      60_000,
      () => now,
    );
    await expect(cache.resolve('view')).rejects.toThrow('engine down');
    fail = false;
    expect(await cache.resolve('view')).toBe('view_v1');
  });
});
