import type { PartnerOutcomeInput, PartnerOutcomeKind } from '../../graphql/generated';

/** The kinds of outcome a partner may send, in the order the form offers them. */
export const OUTCOME_KINDS: readonly PartnerOutcomeKind[] = [
  'findings',
  'publication',
  'dataset',
  'presentation',
];

/** A correction of a held outcome as the form holds it: every field as text. */
export interface OutcomeDraft {
  readonly projectId: string;
  readonly kind: PartnerOutcomeKind | '';
  readonly title: string;
  readonly summary: string;
  readonly doi: string;
  readonly url: string;
  readonly publishedOn: string;
}

export const EMPTY_DRAFT: OutcomeDraft = {
  projectId: '',
  kind: '',
  title: '',
  summary: '',
  doi: '',
  url: '',
  publishedOn: '',
};

const isKind = (value: unknown): value is PartnerOutcomeKind =>
  OUTCOME_KINDS.some((kind) => kind === value);

/**
 * The form's starting point for correcting a held item: what the partner sent, field by field,
 * so the administrator changes only what is wrong. Input that is not a JSON object (or a field
 * that is not text) starts that field empty.
 */
export function draftFromReceived(received: string): OutcomeDraft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(received);
  } catch {
    return EMPTY_DRAFT;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return EMPTY_DRAFT;
  const sent = parsed as Record<string, unknown>;
  const text = (name: keyof OutcomeDraft) => {
    const value = sent[name];
    return typeof value === 'string' ? value : '';
  };
  return {
    projectId: text('projectId'),
    kind: isKind(sent.kind) ? sent.kind : '',
    title: text('title'),
    summary: text('summary'),
    doi: text('doi'),
    url: text('url'),
    publishedOn: text('publishedOn'),
  };
}

/**
 * The corrected outcome as the graph takes it, once a kind is chosen: optional fields left blank
 * are left out, rather than sent empty (which the contract refuses).
 */
export function outcomeInput(
  draft: OutcomeDraft & { readonly kind: PartnerOutcomeKind },
): PartnerOutcomeInput {
  const optional = (name: 'summary' | 'doi' | 'url') =>
    draft[name].trim() ? { [name]: draft[name].trim() } : {};
  return {
    projectId: draft.projectId.trim(),
    kind: draft.kind,
    title: draft.title.trim(),
    publishedOn: draft.publishedOn.trim(),
    ...optional('summary'),
    ...optional('doi'),
    ...optional('url'),
  };
}

const ISSUE_PATH = /^[A-Za-z][\w.[\]]*$/;

/**
 * The field issues in a refusal's message. The partners service checks a corrected outcome as it
 * checks a partner's, and says what is wrong in its message ("… is not valid: doi: …; title: …")
 * rather than in field issues; this reads them back out, by field, so the form can show each beside
 * its field. A message that names no field gives none.
 */
export function refusalIssues(message: string): Map<string, string> {
  const issues = new Map<string, string>();
  const marker = 'is not valid: ';
  const at = message.lastIndexOf(marker);
  if (at < 0) return issues;
  for (const part of message.slice(at + marker.length).split('; ')) {
    const colon = part.indexOf(': ');
    if (colon < 0) continue;
    const path = part.slice(0, colon).trim();
    const text = part.slice(colon + 2).trim();
    if (ISSUE_PATH.test(path) && text && !issues.has(path)) issues.set(path, text);
  }
  return issues;
}
