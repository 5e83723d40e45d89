import { register } from '@ebp/contracts';
import type { ProjectStatus } from '../graphql/generated';

/** The register's statuses, in lifecycle order, as the graph spells them (from the contract). */
export const PROJECT_STATUSES: readonly ProjectStatus[] = register.ProjectStatusSchema.options;

/** Words for the graph's codes, as officers would say them. */
export const statusLabel = (status: string) => status.replace(/_/g, ' ');

export const formatDate = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : '—';

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
