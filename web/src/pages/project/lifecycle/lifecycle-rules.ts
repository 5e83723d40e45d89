// What a project's lifecycle offers whom, and the completion form's findings: plain logic, kept
// apart from the forms so that it can be tested without a browser. The register decides again.
import type {
  EffectDirection,
  EmmieRating,
  FindingsInput,
  ProjectStatus,
} from '../../../graphql/generated';

export type LifecycleAction =
  'start' | 'report-progress' | 'suspend' | 'resume' | 'stop' | 'complete' | 'withdraw';

/** The statuses a project can still be withdrawn from (the register's open statuses). */
const OPEN: readonly ProjectStatus[] = [
  'proposed',
  'submitted',
  'under_review',
  'approved',
  'deferred',
  'in_progress',
  'suspended',
];

/**
 * Each action, in the order the page offers it: the statuses it applies to and, besides the
 * project's lead and proposer, the roles that may take it (services/register access rules).
 */
const RULES: readonly (readonly [LifecycleAction, readonly ProjectStatus[], readonly string[]])[] =
  [
    ['start', ['approved'], ['admin']],
    ['report-progress', ['in_progress'], ['admin']],
    ['complete', ['in_progress'], ['admin']],
    ['resume', ['suspended'], ['committee', 'admin']],
    ['suspend', ['in_progress'], ['committee', 'admin']],
    ['stop', ['in_progress', 'suspended'], ['committee', 'admin']],
    ['withdraw', OPEN, ['admin']],
  ];

export interface Viewer {
  /** The signed-in person's id (person-…), or null when no one is signed in. */
  readonly personId: string | null;
  readonly roles: readonly string[];
}

/** The lifecycle actions the viewer may take on a project as it stands, in the page's order. */
export function lifecycleActionsFor(
  project: { readonly status: ProjectStatus; readonly leadId: string; readonly proposedBy: string },
  viewer: Viewer,
): LifecycleAction[] {
  const owns =
    viewer.personId !== null &&
    (project.leadId === viewer.personId || project.proposedBy === viewer.personId);
  return RULES.filter(
    ([, statuses, roles]) =>
      statuses.includes(project.status) &&
      (owns || roles.some((role) => viewer.roles.includes(role))),
  ).map(([action]) => action);
}

/** One outcome on the completion form: pre-registered (reported or not) or added by the lead. */
export interface OutcomeDraft {
  /** Stable across edits: the form's key and the link between the form and the server's issues. */
  readonly key: string;
  readonly name: string;
  readonly primary: boolean;
  readonly result: string;
  /** The pre-registered outcome's measure; null for an outcome the lead adds. */
  readonly measure: string | null;
  /** Whether the findings report it (a pre-registered outcome may be left unreported). */
  readonly reported: boolean;
}

export const EMMIE_DIMENSIONS = [
  ['effect', 'Effect', 'Did the intervention change the outcome, and by how much.'],
  ['mechanism', 'Mechanism', 'How the intervention works.'],
  ['moderators', 'Moderators', 'Where and for whom it works, or does not.'],
  ['implementation', 'Implementation', 'What it takes to implement it.'],
  ['economicCost', 'Economic cost', 'What it costs.'],
] as const;
export type EmmieDimensionName = (typeof EMMIE_DIMENSIONS)[number][0];
export type EmmieAspect = 'evidence' | 'quality';

/** The ratings, weakest last, as the page words them. */
export const EMMIE_RATINGS: readonly (readonly [EmmieRating, string])[] = [
  ['strong', 'Strong'],
  ['moderate', 'Moderate'],
  ['limited', 'Limited'],
  ['none', 'None'],
];

export const EFFECT_DIRECTIONS: readonly (readonly [EffectDirection, string])[] = [
  ['positive', 'Positive'],
  ['negative', 'Negative'],
  ['mixed', 'Mixed'],
  ['no_effect', 'No effect'],
  ['inconclusive', 'Inconclusive'],
];

/** The completion form as the lead fills it in; '' where nothing is chosen yet. */
export interface CompletionDraft {
  readonly summary: string;
  readonly effectDirection: EffectDirection | '';
  readonly achievedSmsLevel: string;
  readonly emmie: Record<EmmieDimensionName, Record<EmmieAspect, EmmieRating | ''>>;
  readonly outcomes: readonly OutcomeDraft[];
}

/**
 * A fresh form: every pre-registered outcome listed, reported, waiting for its result, and no
 * rating chosen (the lead judges each; nothing is pre-selected for them).
 */
export function completionDraft(preRegistered: {
  readonly primary: readonly { readonly name: string; readonly measure: string }[];
  readonly secondary: readonly { readonly name: string; readonly measure: string }[];
}): CompletionDraft {
  const listed =
    (primary: boolean) => (outcome: { name: string; measure: string }, index: number) => ({
      key: `${primary ? 'primary' : 'secondary'}-${index}`,
      name: outcome.name,
      primary,
      result: '',
      measure: outcome.measure,
      reported: true,
    });
  const unrated = { evidence: '', quality: '' } as const;
  return {
    summary: '',
    effectDirection: '',
    achievedSmsLevel: '',
    emmie: {
      effect: unrated,
      mechanism: unrated,
      moderators: unrated,
      implementation: unrated,
      economicCost: unrated,
    },
    outcomes: [
      ...preRegistered.primary.map(listed(true)),
      ...preRegistered.secondary.map(listed(false)),
    ],
  };
}

/** The path the register gives an outcome's field, e.g. reportedOutcomes[1].result. */
export const outcomePath = (index: number, field: 'name' | 'result' | 'primary') =>
  `reportedOutcomes[${index}].${field}`;

/**
 * What the form would send, and which outcome (by key) each reported outcome came from: the
 * register names an outcome's problems by its place among those sent.
 */
export function findingsFrom(draft: CompletionDraft): {
  readonly findings: FindingsInput;
  readonly sentKeys: readonly string[];
} {
  const sent = draft.outcomes.filter((outcome) => outcome.reported);
  const rating = (name: EmmieDimensionName) => ({
    evidence: draft.emmie[name].evidence as EmmieRating,
    quality: draft.emmie[name].quality as EmmieRating,
  });
  return {
    findings: {
      summary: draft.summary.trim(),
      effectDirection: draft.effectDirection as EffectDirection,
      achievedSmsLevel: Number(draft.achievedSmsLevel),
      emmie: {
        effect: rating('effect'),
        mechanism: rating('mechanism'),
        moderators: rating('moderators'),
        implementation: rating('implementation'),
        economicCost: rating('economicCost'),
      },
      reportedOutcomes: sent.map((outcome) => ({
        name: outcome.name.trim(),
        primary: outcome.primary,
        result: outcome.result.trim(),
      })),
    },
    sentKeys: sent.map((outcome) => outcome.key),
  };
}

/**
 * What must be chosen before the form can be sent, by the register's paths: the choices the
 * graph cannot take empty (direction, SMS level, ratings) and at least one reported outcome.
 * The words of the text fields are left to the register, which says what it needs of them.
 */
export function unchosen(draft: CompletionDraft): Map<string, string> {
  const problems = new Map<string, string>();
  if (draft.effectDirection === '')
    problems.set('effectDirection', 'Choose the direction of the effect.');
  if (draft.achievedSmsLevel === '')
    problems.set('achievedSmsLevel', 'Choose the SMS level the research achieved.');
  for (const [name, label] of EMMIE_DIMENSIONS)
    for (const aspect of ['evidence', 'quality'] as const)
      if (draft.emmie[name][aspect] === '')
        problems.set(
          `emmie.${name}.${aspect}`,
          `Rate the ${aspect === 'evidence' ? 'evidence' : 'quality of the evidence'} for ${label.toLowerCase()}.`,
        );
  if (!draft.outcomes.some((outcome) => outcome.reported))
    problems.set('reportedOutcomes', 'Report at least one outcome.');
  return problems;
}

/**
 * How the primary outcomes reported differ from those pre-registered, as the register compares
 * them (names, ignoring case and surrounding spaces): shown on the form before the lead sends it.
 */
export function switchedOutcomes(draft: CompletionDraft): {
  readonly dropped: readonly string[];
  readonly added: readonly string[];
} {
  const normal = (name: string) => name.trim().toLowerCase();
  const preRegistered = draft.outcomes.filter(
    (outcome) => outcome.measure !== null && outcome.primary,
  );
  const reported = draft.outcomes.filter(
    (outcome) => outcome.reported && outcome.primary && outcome.name.trim() !== '',
  );
  const has = (list: readonly OutcomeDraft[], name: string) =>
    list.some((outcome) => normal(outcome.name) === normal(name));
  return {
    dropped: preRegistered
      .filter((outcome) => !has(reported, outcome.name))
      .map((outcome) => outcome.name),
    added: reported
      .filter((outcome) => !has(preRegistered, outcome.name))
      .map((o) => o.name.trim()),
  };
}

/** The note a progress report carried (its event's summary), if the entry is one. */
export function progressNote(entry: {
  readonly type: string;
  readonly data: unknown;
}): string | null {
  if (entry.type !== 'register.project.progress-reported') return null;
  const { data } = entry;
  if (typeof data !== 'object' || data === null || !('summary' in data)) return null;
  return typeof data.summary === 'string' ? data.summary : null;
}

/**
 * The part a person played in an event of the project's timeline, to name them by where the
 * community withholds their name: the reviewer of a review, the committee for its decisions, the
 * proposer of the proposal, and otherwise whoever runs the project.
 */
export function timelineRole(type: string): string {
  const event = type.replace(/^register\.project\./, '');
  if (event === 'proposed') return 'proposer';
  if (event === 'review-recorded') return 'reviewer';
  if (['approved', 'rejected', 'deferred'].includes(event)) return 'committee member';
  return 'project team member';
}
