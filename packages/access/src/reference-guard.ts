import { highestClassification, type Classification } from '@ebp/contracts';
import type { DocumentCollection } from '@ebp/eventing';
import type { AudienceView } from './audience-view';
import { canRead, type Reader } from './reader-keys';

/**
 * Applies the owner's rule to references held by another service (DESIGN.md §5): a reference the
 * caller may not see is left out, and a write that names it fails exactly as for an entity that
 * does not exist. A miss is checked again after the audience view has caught up with the owner's
 * events, whether the entity was unknown or hidden, so neither answer comes faster than the other.
 */
export class ReferenceGuard {
  constructor(
    private readonly audiences: () => Promise<DocumentCollection<AudienceView>>,
    private readonly catchUp: () => Promise<unknown> = () => Promise.resolve(),
  ) {}

  /** The ids among these that exist and the caller may see. */
  async visibleIds(reader: Reader, ids: Iterable<string>): Promise<Set<string>> {
    return this.idsWhere(ids, (view) => canRead(reader, view.readers));
  }

  /**
   * The ids among these that exist and the caller may not see: for input that names entities
   * without being bound to them (a partner's raw feed input), where a name of nothing is harmless
   * but a name of a hidden entity is that entity's data.
   */
  async hiddenIds(reader: Reader, ids: Iterable<string>): Promise<Set<string>> {
    return this.idsWhere(ids, (view) => !canRead(reader, view.readers));
  }

  /** The ids among these that exist and whose audience passes the test, in one read. */
  private async idsWhere(
    ids: Iterable<string>,
    test: (view: AudienceView) => boolean,
  ): Promise<Set<string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Set();
    const found = await (await this.audiences()).getMany(wanted);
    return new Set(
      wanted.filter((id) => {
        const view = found.get(id)?.body;
        return view !== undefined && view !== null && test(view);
      }),
    );
  }

  /** The items whose reference the caller may see, in their order; the others are left out. */
  async visible<Item>(
    reader: Reader,
    items: readonly Item[],
    idOf: (item: Item) => string,
  ): Promise<Item[]> {
    const visible = await this.visibleIds(reader, items.map(idOf));
    return items.filter((item) => visible.has(idOf(item)));
  }

  /** Whether the caller may see this entity (false when it does not exist). */
  async canSee(reader: Reader, id: string): Promise<boolean> {
    if ((await this.visibleIds(reader, [id])).has(id)) return true;
    await this.catchUp();
    return (await this.visibleIds(reader, [id])).has(id);
  }

  /** Throws `missing()` unless the entity exists and the caller may see it. */
  async requireVisible(reader: Reader, id: string, missing: () => Error): Promise<void> {
    if (!(await this.canSee(reader, id))) throw missing();
  }

  /** Throws `missing()` unless every one of these entities exists and the caller may see it. */
  async requireAllVisible(
    reader: Reader,
    ids: Iterable<string>,
    missing: () => Error,
  ): Promise<void> {
    const wanted = [...new Set(ids)];
    const visible = await this.visibleIds(reader, wanted);
    for (const id of wanted) if (!visible.has(id)) await this.requireVisible(reader, id, missing);
  }

  /**
   * How sensitive data about these entities is, by their owners' audiences: the label a
   * referencing service gives its own events about them. An entity not known (or an absent id)
   * counts as OFFICIAL-SENSITIVE: it fails closed; naming no entity at all is OFFICIAL. Unless one
   * is already known to be OFFICIAL-SENSITIVE, the view is caught up first, so that a restriction
   * the owner has recorded is seen: all-in-one at once, distributed as far as the owner's topic
   * has brought it.
   */
  async classificationOf(...ids: readonly (string | undefined)[]): Promise<Classification> {
    if (ids.length === 0) return 'OFFICIAL';
    if (ids.includes(undefined)) return 'OFFICIAL_SENSITIVE';
    const wanted = [...new Set(ids.filter((id): id is string => id !== undefined))];
    const read = async () => {
      const found = await (await this.audiences()).getMany(wanted);
      return wanted.map((id) => found.get(id)?.body?.classification);
    };
    // Sensitive already: the label stays so (a release not yet seen would only have lowered it).
    if ((await read()).includes('OFFICIAL_SENSITIVE')) return 'OFFICIAL_SENSITIVE';
    await this.catchUp();
    const current = await read();
    return current.includes(undefined) ? 'OFFICIAL_SENSITIVE' : highestClassification(...current);
  }

  /** Whether the entity exists at all (for integrity checks that no caller's answer depends on). */
  async exists(id: string): Promise<boolean> {
    const known = async () => {
      const view = (await (await this.audiences()).get(id))?.body;
      return view !== undefined && view !== null;
    };
    if (await known()) return true;
    await this.catchUp();
    return known();
  }
}
