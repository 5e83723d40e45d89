import type { CombinedError } from 'urql';
import { fieldIssues } from '../../components/FieldErrors';
import { refusalIssues } from './outcome-draft';

/**
 * The issue to show beside a form's one reason field. The partners service refuses a reason too
 * short with its own input error and no field path; the reason is all such a form sends, so that
 * message is the reason's.
 */
export function reasonIssues(error: CombinedError | undefined): Map<string, string> {
  const issues = fieldIssues(error);
  if (issues.has('reason')) return issues;
  const refused = error?.graphQLErrors.find(
    (graphError) => graphError.extensions?.code === 'INVALID_PARTNER_INPUT',
  );
  if (refused) issues.set('reason', refused.message);
  return issues;
}

/**
 * The issues of a refused correction, by field: the graph's own field issues, and those the
 * partners service names in its message when the corrected outcome breaks the contract.
 */
export function correctionIssues(error: CombinedError | undefined): Map<string, string> {
  const issues = fieldIssues(error);
  for (const graphError of error?.graphQLErrors ?? [])
    for (const [path, message] of refusalIssues(graphError.message))
      if (!issues.has(path)) issues.set(path, message);
  return issues;
}
