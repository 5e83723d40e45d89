import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on its first visit, from its own chunk. Pages are named exports, which
 * `React.lazy` cannot take directly; this picks the named component out of the module.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}
