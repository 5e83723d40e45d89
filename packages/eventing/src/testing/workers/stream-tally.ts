import type { ProjectionDefinition } from '../../projections/projection';

/** Per stream: how many events, their versions in order, and the sum of their data values. */
export interface StreamTally {
  count: number;
  versions: number[];
  sum: number;
}

export const streamTally: ProjectionDefinition<StreamTally> = {
  name: 'stream-tally',
  version: 1,
  handles: ['test.load.happened'],
  documentId: (event) => event.streamId,
  evolve: (current, event) => ({
    count: (current?.count ?? 0) + 1,
    versions: [...(current?.versions ?? []), event.streamVersion],
    sum: (current?.sum ?? 0) + Number(event.data.value ?? 0),
  }),
};
