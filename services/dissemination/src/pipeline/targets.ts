import { dissemination } from '@ebp/contracts';

/** A national body the platform is configured to deliver to. */
export interface DeliveryTarget {
  readonly id: dissemination.TargetId;
  readonly name: string;
  readonly format: dissemination.DeliveryFormat;
  readonly url: string;
}

/**
 * Parses EBP_DISSEMINATION_TARGETS: comma-separated `target-id=url` pairs, one per national body
 * (`research-map`, `national-police-library`, `knowledge-hub`, `what-works-toolkit`).
 */
export function parseDeliveryTargets(value: string | undefined): DeliveryTarget[] {
  const targets: DeliveryTarget[] = [];
  for (const pair of (value ?? '').split(',').map((part) => part.trim())) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const id = pair.slice(0, separator).trim();
    const url = pair.slice(separator + 1).trim();
    const known = dissemination.TargetIdSchema.safeParse(id);
    if (separator < 1 || !known.success)
      throw new Error(
        `EBP_DISSEMINATION_TARGETS: ${JSON.stringify(pair)} is not target-id=url with a target among ${dissemination.TargetIdSchema.options.join(', ')}`,
      );
    if (!/^https?:\/\//.test(url) || !URL.canParse(url))
      throw new Error(
        `EBP_DISSEMINATION_TARGETS: the URL of ${id} must start with http:// or https://`,
      );
    if (targets.some((target) => target.id === known.data))
      throw new Error(`EBP_DISSEMINATION_TARGETS: ${id} is configured twice`);
    targets.push({ id: known.data, url, ...dissemination.NATIONAL_BODIES[known.data] });
  }
  return targets;
}
