import { z } from 'zod';
import { ClassificationSchema } from '../envelope';
import { HttpUrlSchema } from '../http-url';
import { DoiSchema } from '../identifiers';
import { EbpLevelSchema, EmmieSchema, FindingsSchema, SmsLevelSchema } from '../register/project';

const text = (max: number) => z.string().trim().min(2).max(max);
const id = z.string().min(1).max(100);
const tag = z.string().trim().toLowerCase().min(2).max(80);
const tags = z.array(tag).max(20).default([]);

export const LibraryItemKindSchema = z
  .enum([
    'research_report',
    'evidence_summary',
    'toolkit',
    'master_class_materials',
    'what_works_briefing',
    'partner_outcome',
  ])
  .describe('What kind of item: a research report, an evidence summary, a toolkit, and so on.');
export type LibraryItemKind = z.infer<typeof LibraryItemKindSchema>;

/** What the evidence behind an item is worth: SMS level, EMMIE ratings, direction of effect. */
export const EvidenceSchema = z
  .object({
    smsLevel: SmsLevelSchema.optional().describe('Maryland Scientific Methods Scale, 1 to 5.'),
    emmie: EmmieSchema.optional(),
    effectDirection: FindingsSchema.shape.effectDirection.optional(),
    ebpLevel: EbpLevelSchema.optional(),
  })
  .strict()
  .describe(
    'What the evidence behind an item is worth: SMS level, EMMIE ratings, direction of effect.',
  );
export type Evidence = z.infer<typeof EvidenceSchema>;

/** The facets 'What Works' searches by. Tags are stored lower case. */
export const LibraryTagsSchema = z
  .object({
    crimeProblems: tags.describe('Crime problems the item is about, e.g. burglary.'),
    interventions: tags.describe('Interventions it covers, e.g. hot spots policing.'),
    populations: tags.describe('Populations it concerns, e.g. young people.'),
    settings: tags.describe('Settings it concerns, e.g. a town centre.'),
    methods: tags.describe('Research methods it reports on, e.g. randomised controlled trial.'),
    topics: tags.describe('Broader research topics it concerns, e.g. public trust and confidence.'),
  })
  .strict()
  .describe(
    "The facets 'What Works' searches by: crime problems, interventions, populations, settings, research methods and topics. Crime problems, interventions, methods and topics are matched through the shared vocabularies.",
  );
export type LibraryTags = z.infer<typeof LibraryTagsSchema>;

/**
 * One version of a library item as editors write it and readers see it once published. Its link
 * is `http` or `https` only: a `javascript:` link would run in the reader's browser.
 */
export const LibraryContentSchema = z
  .object({
    kind: LibraryItemKindSchema,
    title: text(300).describe('The title, 2 to 300 characters.'),
    summary: z
      .string()
      .trim()
      .min(20)
      .max(5_000)
      .describe('A plain-English summary for busy readers, 20 to 5,000 characters.'),
    body: z
      .string()
      .trim()
      .max(100_000)
      .optional()
      .describe('The full text, if the library holds it.'),
    /** The year the research or guidance is from, the 'year' facet. */
    year: z
      .int()
      .min(1990)
      .max(2100)
      .describe("The year the research or guidance is from (the 'year' facet)."),
    evidence: EvidenceSchema.default({}),
    tags: LibraryTagsSchema.default({
      crimeProblems: [],
      interventions: [],
      populations: [],
      settings: [],
      methods: [],
      topics: [],
    }),
    projectIds: z
      .array(id)
      .max(20)
      .default([])
      .describe('The register projects the item is about.'),
    doi: DoiSchema.optional(),
    url: HttpUrlSchema.optional().describe('A link to the item: http or https only.'),
    classification: ClassificationSchema,
    /** People (ids) who may read an OFFICIAL-SENSITIVE item besides editors. */
    needToKnow: z
      .array(id)
      .max(200)
      .optional()
      .describe('People (ids) who may read an OFFICIAL-SENSITIVE item besides editors.'),
  })
  .strict()
  .describe(
    'One version of a library item, as editors write it and readers see it once published.',
  );
export type LibraryContent = z.infer<typeof LibraryContentSchema>;

/**
 * A version as the events record it: versions recorded before links had to be `http` or `https`
 * keep theirs, so reading history never fails on them (pages check links before showing them).
 */
export const RecordedLibraryContentSchema = LibraryContentSchema.safeExtend({
  url: z.url().optional(),
});
export type LibraryContentInput = z.input<typeof LibraryContentSchema>;

/** Where a draft came from: a completed register project, a partner's outcome, or an editor. */
export const ItemSourceSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('project'),
        projectId: id.describe('The completed register project the draft was drawn from.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('partner_outcome'),
        submissionId: id.describe('The partner’s outcome submission the draft was drawn from.'),
        organisationId: id.describe('The partner organisation that published the outcome.'),
      })
      .strict(),
    z.object({ kind: z.literal('editor') }).strict(),
  ])
  .describe(
    "Where a draft came from: a completed register project (its id), a partner's outcome (the submission and the organisation), or an editor.",
  );
export type ItemSource = z.infer<typeof ItemSourceSchema>;
