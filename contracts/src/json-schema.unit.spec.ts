import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { publishedJsonSchemas } from './json-schema';

const schemasDir = join(__dirname, '..', 'schemas');

describe('published JSON Schemas', () => {
  const schemas = publishedJsonSchemas();

  it.each(Object.keys(schemas))(
    'contracts/schemas/%s.schema.json is up to date with the zod contract',
    (name) => {
      const committed: unknown = JSON.parse(
        readFileSync(join(schemasDir, `${name}.schema.json`), 'utf8'),
      );
      // When this fails, run `npm run schemas -w @ebp/contracts` and commit the result.
      expect(committed).toEqual(schemas[name as keyof typeof schemas]);
    },
  );

  it('lets a consumer without zod validate envelopes with a standard JSON Schema validator', () => {
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    const validate = ajv.compile(schemas['event-envelope.v1']);
    const envelope = {
      id: '0b6f4f7e-8a51-4c2e-9a39-2f1f0f6d1a11',
      type: 'community.person.joined-project',
      schemaVersion: 3,
      data: { personId: 'person-1' },
      metadata: {
        correlationId: '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        causationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        actor: { kind: 'service', id: 'community' },
        recordedAt: '2026-01-02T03:04:05Z',
        classification: 'OFFICIAL_SENSITIVE',
      },
    };
    expect(validate(envelope)).toBe(true);
    expect(
      validate({ ...envelope, metadata: { ...envelope.metadata, classification: 'TOP SECRET' } }),
    ).toBe(false);
    expect(validate({ ...envelope, id: 'x' })).toBe(false);
    expect(validate({ ...envelope, extra: true })).toBe(false);
  });
});
