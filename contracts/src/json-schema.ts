import { z } from 'zod';
import { EventEnvelopeSchema, EventMetadataSchema } from './envelope';
import { PublishedEventSchema } from './published-event';

/**
 * The schemas published to consumers (analytics teams, partners), by file name. Each is
 * generated from its zod contract; `npm run schemas -w @ebp/contracts` writes them to
 * contracts/schemas/, and a unit test fails when the committed files fall behind the code.
 */
const published = {
  'event-envelope.v1': EventEnvelopeSchema,
  'event-metadata.v1': EventMetadataSchema,
  'published-event.v1': PublishedEventSchema,
} satisfies Record<string, z.ZodType>;

export type PublishedSchemaName = keyof typeof published;

export function publishedJsonSchemas(): Record<PublishedSchemaName, Record<string, unknown>> {
  const entries = Object.entries(published).map(([name, schema]) => [
    name,
    {
      $id: `urn:ebp:schema:${name}`,
      ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }),
    },
  ]);
  return Object.fromEntries(entries) as Record<PublishedSchemaName, Record<string, unknown>>;
}
