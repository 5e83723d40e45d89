/** Words for the graph's codes, as officers would say them. */
export const statusLabel = (status: string) => status.replace(/_/g, ' ');

/** Days as dd/mm/yyyy and times in London, whatever the browser's locale (issue 21). */
export { formatDate, formatDateTime } from '../format/dates';
