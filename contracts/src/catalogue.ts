import { z } from 'zod';
import { currentSchemaVersion } from './respelling';
import * as community from './community';
import * as dissemination from './dissemination';
import * as partners from './partners';
import * as register from './register';

/**
 * The catalogue of what the platform publishes for other services and analysts: every topic,
 * every event type and version on it, the JSON Schema of its data and an example payload, all
 * generated from the zod contracts. `npm run catalogue -w @ebp/contracts` writes it to
 * docs/events/; a unit test fails when the committed files fall behind the contracts.
 */
export interface CatalogueEvent {
  readonly type: string;
  readonly version: number;
  readonly schema: Record<string, unknown>;
  readonly example: unknown;
}

export interface CatalogueTopic {
  readonly topic: string;
  readonly producer: string;
  readonly description: string;
  readonly events: readonly CatalogueEvent[];
}

/** Every topic: keyed by stream id (so one entity's events stay in order), at least once. */
export const DELIVERY_GUARANTEES = [
  'Messages are keyed by stream id (`register.project` events by `project:<id>`, and so on): the events of one entity keep their order within a partition; there is no order across entities.',
  'Delivery is at least once: a message may arrive again after a producer or consumer restart. Deduplicate by the event `id` (or by stream id and stream version).',
  'Every message is a published event (`contracts/schemas/published-event.v1.schema.json`): the envelope, its `data`, and `streamId`, `streamVersion` and `position` (the producer log position, zero-padded, comparable as strings within one topic). Headers repeat the id, type, version, stream, correlation and classification.',
  'A new shape of an event is a new `schemaVersion`; consumers read the version before the data.',
] as const;

const TOPICS: readonly {
  topic: string;
  producer: string;
  description: string;
  data: Readonly<Record<string, z.ZodType>>;
}[] = [
  {
    topic: register.REGISTER_TOPIC,
    producer: 'register',
    description:
      'Research projects through their lifecycle (proposals, reviews, committee decisions, progress, findings, amendments), the Research Plan (its priorities, and a plan for each year agreed by the EBP Committee) and the EBP Programme (work streams and their milestones).',
    data: {
      ...register.projectEventData,
      ...register.priorityEventData,
      ...register.programmeEventData,
      ...register.meetingEventData,
    },
  },
  {
    topic: community.COMMUNITY_TOPIC,
    producer: 'community',
    description:
      'The talent pool: people, skills, champions, training, skills audits, involvement in projects, the award round. Personal fields are sealed (`{ "sealedWith": … }`) and read as `{ "redacted": true }` once a person is erased; only the community can open them.',
    data: community.communityEventData,
  },
  {
    topic: partners.PARTNERS_TOPIC,
    producer: 'partners',
    description:
      'The research network (organisations, academics, agreements, collaborations, engagements) and partner outcomes through moderation.',
    data: partners.partnersEventData,
  },
  {
    topic: dissemination.DISSEMINATION_TOPIC,
    producer: 'dissemination',
    description:
      'The Research and Learning Library (drafts, published versions, releases), deliveries to national bodies, master classes and attendance, Local Learning Networks, subscriptions.',
    data: dissemination.disseminationEventData,
  },
];

/** Example values for the string patterns the contracts use (a new pattern needs one here). */
const PATTERN_EXAMPLES: Readonly<Record<string, string>> = {
  '^0[a-hj-km-np-tv-z0-9]{6}\\d{2}$': '013meh722',
  '^[0-9a-f]{64}$': 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a',
  '^(https:\\/\\/\\S+|\\/library\\/[A-Za-z0-9-]{1,100})$': '/library/item-7',
  '^10\\.\\d{4,9}\\/\\S+$': '10.1177/0011128720954578',
  '^[a-z0-9][a-z0-9-]{1,99}$': 'university-of-cambridge',
  '^\\+?[0-9 ()-]{6,20}$': '+44 20 7230 1212',
  '^\\d{20}-\\d{20}$': '00000000000000000042-00000000000000000001',
  '^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$': '0000-0002-1825-0097',
  '^(everyone|(person|role|partner|cleared-partner):[^\\s]{1,200})$': 'everyone',
  '^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$': 'procedural_justice_and_legitimacy',
};

type JsonSchema = Record<string, unknown>;

/**
 * A deterministic example that satisfies a JSON Schema as zod exports it: every property filled
 * (optional ones too, to show the whole shape), the first choice of unions and enums, the
 * smallest arrays allowed (at least one item), and dates and times that increase as they are
 * generated, so that "end after start" refinements hold.
 */
export function exampleOf(schema: JsonSchema): unknown {
  let moment = Date.parse('2026-01-05T09:00:00.000Z');
  const next = () => new Date((moment += 86_400_000));
  const build = (node: JsonSchema, name: string): unknown => {
    if ('const' in node) return node.const;
    if (Array.isArray(node.enum)) return node.enum[0];
    const choice = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
    if (choice?.[0]) return build(choice[0], name);
    if (Array.isArray(node.allOf) && node.allOf[0]) return build(node.allOf[0] as JsonSchema, name);
    switch (node.type) {
      case 'object': {
        const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
        const names = (node.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined;
        if (Object.keys(properties).length === 0 && node.additionalProperties) {
          const keys = names ?? ['example'];
          return Object.fromEntries(
            keys.map((key) => [key, build(node.additionalProperties as JsonSchema, key)]),
          );
        }
        return Object.fromEntries(
          Object.entries(properties).map(([key, child]) => [key, build(child, key)]),
        );
      }
      case 'array': {
        const items = (node.items ?? {}) as JsonSchema;
        const count = Math.max(1, Number(node.minItems ?? 0));
        return Array.from({ length: count }, (_, index) => build(items, `${name}${index}`));
      }
      case 'integer':
      case 'number':
        return Math.max(Number(node.minimum ?? 1), Number(node.exclusiveMinimum ?? 0) + 1);
      case 'boolean':
        return false;
      case 'string': {
        if (node.format === 'date') return next().toISOString().slice(0, 10);
        if (node.format === 'date-time') return next().toISOString();
        if (node.format === 'email') return 'someone@met.example';
        if (node.format === 'uri') return 'https://example.org/resource';
        if (node.format === 'uuid') return '0b6f4f7e-8a51-4c2e-9a39-2f1f0f6d1a11';
        if (typeof node.pattern === 'string') {
          const example = PATTERN_EXAMPLES[node.pattern];
          if (example === undefined) throw new Error(`No example for the pattern ${node.pattern}`);
          return example;
        }
        const text = `An example ${name}`;
        const min = Number(node.minLength ?? 0);
        return text.length >= min ? text : text.padEnd(min, '.');
      }
      default:
        return null;
    }
  };
  return build(schema, 'value');
}

export function eventCatalogue(): CatalogueTopic[] {
  return TOPICS.map(({ topic, producer, description, data }) => ({
    topic,
    producer,
    description,
    events: Object.entries(data)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, schema]) => {
        const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
        const version = currentSchemaVersion(type);
        return {
          type,
          version,
          schema: { $id: `urn:ebp:event:${type}.v${version}`, ...json },
          example: exampleOf(json),
        };
      }),
  }));
}
