// The four national bodies as real HTTP servers for the end-to-end scenarios.
import type { dissemination } from '@ebp/contracts';
import { NationalBodyEndpoint } from '@ebp/dissemination';

export type NationalBodies = Record<dissemination.TargetId, NationalBodyEndpoint>;

/**
 * The four national bodies: the Research Map acknowledges with a reference, the National Police
 * Library accepts for later, Knowledge Hub starts down, and the What Works toolkit refuses items
 * with no EMMIE effect rating.
 */
export async function openNationalBodies(): Promise<NationalBodies> {
  let reference = 0;
  return {
    'research-map': await NationalBodyEndpoint.open(() => ({
      status: 201,
      reference: `RM-${(reference += 1)}`,
    })),
    'national-police-library': await NationalBodyEndpoint.open(() => ({ status: 202 })),
    'knowledge-hub': await NationalBodyEndpoint.open(
      () => ({ status: 201, reference: `KH-${(reference += 1)}` }),
      { down: true },
    ),
    'what-works-toolkit': await NationalBodyEndpoint.open((delivery) =>
      delivery.body.includes('EMMIE effect evidence')
        ? { status: 201, reference: `WW-${(reference += 1)}` }
        : { status: 422, detail: 'The toolkit takes only items with an EMMIE effect rating' },
    ),
  };
}

/** EBP_DISSEMINATION_TARGETS for these endpoints. */
export const targetsSetting = (bodies: NationalBodies): string =>
  Object.entries(bodies)
    .map(([id, endpoint]) => `${id}=${endpoint.url}`)
    .join(',');

export async function closeNationalBodies(bodies: NationalBodies): Promise<void> {
  for (const endpoint of Object.values(bodies)) await endpoint.down();
}
