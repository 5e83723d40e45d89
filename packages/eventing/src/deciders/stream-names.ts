/**
 * Projects and priorities share the register's event store, so each kind of stream has a prefix:
 * the stream of an aggregate, and the aggregate id of a stream (undefined for another kind).
 */
export function streamNames(prefix: string) {
  return {
    streamIdOf: (id: string): string => `${prefix}${id}`,
    idOf: (streamId: string): string | undefined =>
      streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined,
  };
}
