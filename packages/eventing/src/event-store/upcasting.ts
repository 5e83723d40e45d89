import type { Upcaster } from '@ebp/contracts';
import { UpcastError } from './errors';

/**
 * The upcasters of every event type (defined in contracts/), applied on read: an event stored at version n is lifted
 * n → n+1 → … until no upcaster is left. A new shape is always a new version, never an edit.
 */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const versions = this.byType.get(upcaster.type) ?? new Map<number, Upcaster>();
    if (versions.has(upcaster.fromVersion)) {
      throw new UpcastError(
        `Two upcasters for ${upcaster.type} from version ${upcaster.fromVersion}`,
      );
    }
    versions.set(upcaster.fromVersion, upcaster);
    this.byType.set(upcaster.type, versions);
    return this;
  }

  upcast(
    type: string,
    schemaVersion: number,
    data: Record<string, unknown>,
  ): { schemaVersion: number; data: Record<string, unknown> } {
    const versions = this.byType.get(type);
    let version = schemaVersion;
    let current = data;
    for (let next = versions?.get(version); next; next = versions?.get(version)) {
      try {
        current = next.upcast(current);
      } catch (error) {
        throw new UpcastError(`Upcasting ${type} from version ${version} failed`, { cause: error });
      }
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
