/**
 * Text the platform accepts from outside: Unicode without NUL characters or unpaired surrogates.
 * PostgreSQL cannot store either in `text` or `jsonb`, and no form or feed has a use for them, so
 * each HTTP entry refuses them as a validation error before they reach a service.
 */
export function isWellFormedText(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit === 0) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      // A high surrogate must be followed by a low one (NaN past the end fails the test).
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * The path (e.g. `variables.input.title`) of the first string in a parsed JSON value, keys
 * included, that is not well-formed text; undefined when all are. Iterative, so a deeply nested
 * body cannot exhaust the stack.
 */
export function illFormedTextPath(value: unknown, root = ''): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: root }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        if (!isWellFormedText(key)) return path || '(root)';
        pending.push({ value: item, path: at });
      }
    }
  }
  return undefined;
}

/** The plain-English reason given with the path. */
export const ILL_FORMED_TEXT_MESSAGE =
  'Remove NUL characters and unpaired surrogates: send well-formed Unicode text';
