import { z } from 'zod';

/**
 * The national bodies findings are shared with. Each has one format; where it lives is
 * configuration (EBP_DISSEMINATION_TARGETS), so a test can stand up a real HTTP server for each.
 */
export const NATIONAL_BODIES = {
  'research-map': {
    name: 'College of Policing Research Map',
    format: 'scholarly-article',
  },
  'national-police-library': { name: 'National Police Library', format: 'csv' },
  'knowledge-hub': { name: 'Knowledge Hub', format: 'atom' },
  'what-works-toolkit': {
    name: 'What Works Centre for Crime Reduction toolkit',
    format: 'scholarly-article',
  },
} as const;
export type TargetId = keyof typeof NATIONAL_BODIES;
export const TargetIdSchema = z.enum(Object.keys(NATIONAL_BODIES) as [TargetId, ...TargetId[]]);
/** schema.org ScholarlyArticle JSON-LD, CSV rows with a header, or one Atom entry. */
export type DeliveryFormat = (typeof NATIONAL_BODIES)[TargetId]['format'];

export const DeliveryStateSchema = z
  .enum(['pending', 'sent', 'acknowledged', 'failed', 'retrying'])
  .describe(
    'Where a delivery to a national body stands: pending, sent (taken, to be processed), acknowledged, failed (given up) or retrying.',
  );
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;
