import { illFormedTextPath, isWellFormedText } from './well-formed-text';

describe('well-formed text (issue 17)', () => {
  it.each([
    ['plain text', 'Hot-spot patrols', true],
    ['accents and other scripts', 'Café – Łódź – 東京', true],
    ['a surrogate pair (an emoji)', 'evidence 🔬 base', true],
    ['the empty string', '', true],
    ['a NUL character', 'a\u0000b', false],
    ['a NUL at the end', 'abc\u0000', false],
    ['a lone high surrogate', '\ud800x', false],
    ['a high surrogate at the end', 'abc\ud83d', false],
    ['a lone low surrogate', 'x\udc00', false],
    ['two high surrogates', '\ud83d\ud83d\ude00', false],
    ['a pair in the wrong order', '\ude00\ud83d', false],
  ])('%s: %s', (_name, text, wellFormed) => {
    expect(isWellFormedText(text)).toBe(wellFormed);
  });

  it.each<[string, unknown, string | undefined]>([
    ['well-formed JSON', { input: { title: 'ok', tags: ['a', 'b'], n: 1, no: null } }, undefined],
    ['a NUL in a nested string', { input: { title: 'a\u0000' } }, 'variables.input.title'],
    ['a lone surrogate in a list', { tags: ['fine', '\ud800'] }, 'variables.tags[1]'],
    ['a NUL in a key', { input: { 'ti\u0000tle': 'x' } }, 'variables.input'],
    ['a bare string', '\udfff', 'variables'],
  ])('finds %s', (_name, value, path) => {
    expect(illFormedTextPath(value, 'variables')).toBe(path);
  });

  it('walks a deeply nested value without exhausting the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(illFormedTextPath(deep)).toMatch(/^(\[0\]){100000}$/);
  });
});
