import { register } from '@ebp/contracts';
import type { ProjectStatus } from '../graphql/generated';

/** The register's statuses, in lifecycle order, as the graph spells them (from the contract). */
export const PROJECT_STATUSES: readonly ProjectStatus[] = register.ProjectStatusSchema.options;

/** Words for the graph's codes, as officers would say them. */
export const statusLabel = (status: string) => status.replace(/_/g, ' ');

/** Days as dd/mm/yyyy and times in London, whatever the browser's locale (issue 21). */
export { formatDate, formatDateTime } from '../format/dates';
