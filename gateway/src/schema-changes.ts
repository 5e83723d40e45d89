import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { z } from 'zod';
import { gatewayRoot } from './composition';

/**
 * Breaking changes to the graph are deliberate (decision 0022). `api-schema.baseline.graphql` is
 * the graph as clients last relied on it; every change that could break one of them (a type,
 * field, argument or enum value removed or changed, an argument made required) must be listed in
 * `breaking-changes.json` with the reason, in the same commit that makes it. A test fails on any
 * unacknowledged change, and on an acknowledgement that no longer matches a change.
 */
export const BASELINE_FILE = 'api-schema.baseline.graphql';
export const ACKNOWLEDGEMENTS_FILE = 'breaking-changes.json';

const AcknowledgementsSchema = z
  .object({
    acknowledged: z.array(
      z
        .object({
          change: z.string().min(1),
          why: z.string().min(10, 'say why the change is worth breaking clients for'),
        })
        .strict(),
    ),
  })
  .strict();
export type Acknowledgements = z.infer<typeof AcknowledgementsSchema>;

/** Each change that could break a client, as one line: "<kind>: <description>". */
export function breakingChanges(baselineSdl: string, currentSdl: string): string[] {
  return findBreakingChanges(buildSchema(baselineSdl), buildSchema(currentSdl))
    .map((change) => `${change.type}: ${change.description}`)
    .sort();
}

export interface SchemaChangeReview {
  /** Breaking changes no entry in breaking-changes.json acknowledges. */
  readonly unacknowledged: readonly string[];
  /** Entries that match no breaking change any more (remove them). */
  readonly stale: readonly string[];
}

export function reviewSchemaChanges(
  changes: readonly string[],
  acknowledgements: Acknowledgements,
): SchemaChangeReview {
  const acknowledged = new Set(acknowledgements.acknowledged.map((entry) => entry.change));
  return {
    unacknowledged: changes.filter((change) => !acknowledged.has(change)),
    stale: [...acknowledged].filter((change) => !changes.includes(change)),
  };
}

export function readAcknowledgements(root = gatewayRoot): Acknowledgements {
  const file = join(root, ACKNOWLEDGEMENTS_FILE);
  if (!existsSync(file)) return { acknowledged: [] };
  return AcknowledgementsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The committed API schema against its baseline and the acknowledgements. */
export function reviewCommittedSchema(root = gatewayRoot): SchemaChangeReview {
  const changes = breakingChanges(
    readFileSync(join(root, BASELINE_FILE), 'utf8'),
    readFileSync(join(root, 'api-schema.graphql'), 'utf8'),
  );
  return reviewSchemaChanges(changes, readAcknowledgements(root));
}
