import { loadEngineSettings } from '@ebp/platform';

export { loadEngineSettings as engineSettings };

/** A name no earlier run used, so reruns against kept data never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
