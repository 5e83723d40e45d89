import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { community, dissemination, partners, register } from './index';
import { eventCatalogue } from './catalogue';
import { catalogueMarkdown } from './catalogue-markdown';

const everyDataSchema = {
  ...register.projectEventData,
  ...register.priorityEventData,
  ...register.programmeEventData,
  ...register.meetingEventData,
  ...community.communityEventData,
  ...partners.partnersEventData,
  ...dissemination.disseminationEventData,
};

describe('the event catalogue', () => {
  const catalogue = eventCatalogue();

  it('lists every event type of every service’s topic, once', () => {
    const listed = catalogue.flatMap((topic) => topic.events.map((event) => event.type));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(everyDataSchema).sort());
  });

  it('gives examples that both the published JSON Schema and the zod contract accept', () => {
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    for (const topic of catalogue)
      for (const event of topic.events) {
        const validate = ajv.compile(event.schema);
        expect([event.type, validate(event.example), validate.errors ?? null]).toEqual([
          event.type,
          true,
          null,
        ]);
        const parsed = everyDataSchema[event.type as keyof typeof everyDataSchema].safeParse(
          event.example,
        );
        expect([event.type, parsed.success, parsed.error?.issues ?? null]).toEqual([
          event.type,
          true,
          null,
        ]);
      }
  });

  it('docs/events/catalogue.md is up to date with the contracts (run `npm run catalogue -w @ebp/contracts`)', () => {
    const committed = readFileSync(
      join(__dirname, '..', '..', 'docs', 'events', 'catalogue.md'),
      'utf8',
    );
    expect(committed).toBe(catalogueMarkdown(catalogue));
  });
});
