import { z } from 'zod';
import { RESEARCH_METHODS } from '../vocabularies/research-methods';

/**
 * Benchmarking the use of evidence (issue 20, decision 0038): survey campaigns built from
 * versioned question sets, answered anonymously, with results by rank band and business area
 * shown only where enough people answered, and comparisons between campaigns and the published
 * 2012/13 baseline. Everything here is pure, so the community's resolvers and the register's
 * governance report (folding its copy of the survey events) compute the same figures.
 */

/** No campaign may show a group of fewer people than this, whatever it is launched with. */
export const MINIMUM_CELL_FLOOR = 5;
/** The minimum cell size a campaign gets when its launcher names none. */
export const DEFAULT_MINIMUM_CELL_SIZE = 10;

/** Ids of questions and options: spelt as the shared vocabularies spell their terms. */
const slug = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'must be lower case words joined by underscores');
const questionSetId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,99}$/);
const text = (max: number) => z.string().trim().min(2).max(max);

/**
 * Coarse rank bands, derived from the rank or grade in a person's profile. Chief officers are in
 * the superintendent band: there are too few of them to be a group of their own.
 */
export const RankBandSchema = z
  .enum([
    'constable_sergeant',
    'inspector_chief_inspector',
    'superintendent_and_above',
    'police_staff',
    'withheld',
  ])
  .describe(
    'A coarse rank band; withheld when the rank is unknown or too few people share the band and business area to record it.',
  );
export type RankBand = z.infer<typeof RankBandSchema>;

/** Coarse business areas of the force, derived from the unit in a person's profile. */
export const BusinessAreaSchema = z
  .enum([
    'frontline_policing',
    'met_operations',
    'specialist_operations',
    'professionalism',
    'met_headquarters',
    'withheld',
  ])
  .describe(
    'A coarse business area; withheld when the unit is unknown or too few people share the rank band and business area to record it.',
  );
export type BusinessArea = z.infer<typeof BusinessAreaSchema>;

export const SurveyQuestionKindSchema = z
  .enum([
    'research_design_willingness',
    'source_frequency',
    'ebp_understanding',
    'training_practice',
  ])
  .describe(
    'What a question measures: willingness to use a research design, how often a source of knowledge is used, understanding of EBP, or how far evidence leads a provider’s training.',
  );

export const SurveyOptionSchema = z
  .object({ optionId: slug, label: text(200) })
  .strict()
  .describe('One answer a question offers.');

export const SurveyQuestionSchema = z
  .object({
    questionId: slug,
    kind: SurveyQuestionKindSchema,
    text: text(500),
    /** The shared vocabulary term the question is about (a research design), where there is one. */
    termId: z.string().min(1).max(100).optional(),
    options: z.array(SurveyOptionSchema).min(2).max(12),
    /** The share reported as the question's headline figure, e.g. "daily or weekly". */
    headline: z.object({ label: text(200), optionIds: z.array(slug).min(1) }).strict(),
  })
  .strict()
  .describe('One question of a question set.');
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

export const PublishedFigureSchema = z
  .object({
    questionId: slug,
    percent: z
      .number()
      .min(0)
      .max(100)
      .describe("The published share for the question's headline."),
  })
  .strict();

/** Figures published from an earlier run of the instrument: a baseline nobody answers here. */
export const PublishedBaselineSchema = z
  .object({
    label: text(300),
    fieldwork: text(50),
    population: text(200),
    respondents: z.int().min(1),
    source: text(500),
    figures: z.array(PublishedFigureSchema),
  })
  .strict();
export type PublishedBaseline = z.infer<typeof PublishedBaselineSchema>;

export const QuestionSetSchema = z
  .object({
    questionSetId,
    version: z.int().min(1),
    title: text(300),
    questions: z.array(SurveyQuestionSchema).min(1).max(100),
    baseline: PublishedBaselineSchema.optional(),
  })
  .strict()
  .describe('A versioned set of survey questions, with the figures published from it, if any.');
export type QuestionSet = z.infer<typeof QuestionSetSchema>;

/**
 * What is wrong with a question set beyond its shape: repeated ids, a headline naming an option
 * the question lacks, a published figure of a question it does not ask. None for a sound set.
 */
export function questionSetProblems(set: QuestionSet): string[] {
  const problems: string[] = [];
  const ids = set.questions.map((question) => question.questionId);
  if (new Set(ids).size !== ids.length) problems.push('question ids must be unique');
  for (const question of set.questions) {
    const options = new Set(question.options.map((option) => option.optionId));
    if (options.size !== question.options.length)
      problems.push(`${question.questionId}: options repeat`);
    if (question.headline.optionIds.some((id) => !options.has(id)))
      problems.push(`${question.questionId}: the headline names an option the question lacks`);
  }
  for (const figure of set.baseline?.figures ?? [])
    if (!ids.includes(figure.questionId))
      problems.push(
        `the baseline has a figure for ${figure.questionId}, which the set does not ask`,
      );
  return problems;
}

export const SurveyAnswerSchema = z
  .object({
    questionId: slug.describe('The question answered.'),
    optionId: slug.describe('The option chosen, one of the question’s.'),
  })
  .strict()
  .describe('The option chosen for one question.');
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

/** What the launcher of a campaign says; the question set is named by id and version. */
export const SurveyCampaignSchema = z
  .object({
    title: text(300).describe('What the campaign is called, e.g. EBP survey of staff 2026.'),
    questionSetId: questionSetId.describe('The question set it asks.'),
    questionSetVersion: z.int().min(1).describe('The version of the question set.'),
    opensOn: z.iso.date().describe('The first day it takes answers (YYYY-MM-DD).'),
    closesOn: z.iso.date().describe('The last day it takes answers (YYYY-MM-DD).'),
    minimumCellSize: z
      .int()
      .min(MINIMUM_CELL_FLOOR)
      .max(1000)
      .optional()
      .describe('The fewest answers a group may have to be shown (at least 5; 10 if not given).'),
  })
  .strict()
  .refine((campaign) => campaign.closesOn >= campaign.opensOn, {
    message: 'closesOn must not be before opensOn',
    path: ['closesOn'],
  })
  .describe('A survey campaign: which question set, when it takes answers, how it protects them.');
export type SurveyCampaign = z.infer<typeof SurveyCampaignSchema>;

function soundQuestionSet(input: QuestionSet): QuestionSet {
  const set = QuestionSetSchema.parse(input);
  const problems = questionSetProblems(set);
  if (problems.length > 0)
    throw new Error(`Question set ${set.questionSetId}: ${problems.join('; ')}`);
  return set;
}

/** The framework's own instrument ------------------------------------------------------------ */

const FREQUENCY_OPTIONS = [
  { optionId: 'daily', label: 'Daily' },
  { optionId: 'weekly', label: 'Weekly' },
  { optionId: 'monthly', label: 'Monthly' },
  { optionId: 'less_often', label: 'Less often' },
  { optionId: 'never', label: 'Never' },
];
const DAILY_OR_WEEKLY = { label: 'Daily or weekly', optionIds: ['daily', 'weekly'] };

/** The research designs the 2012/13 instrument asks about, from the shared vocabulary. */
const SURVEYED_DESIGNS = [
  'randomised_controlled_trial',
  'multi_site_controlled_comparison',
  'controlled_before_and_after_study',
  'before_and_after_study',
  'cross_sectional_study',
  'case_study',
] as const;

function designQuestion(termId: (typeof SURVEYED_DESIGNS)[number]): SurveyQuestion {
  const term = RESEARCH_METHODS.terms.find((candidate) => candidate.id === termId);
  if (!term) throw new Error(`No research method ${termId} in the shared vocabulary`);
  return {
    questionId: `design_${termId}`,
    kind: 'research_design_willingness',
    text: `Would you be willing to use a ${term.label.toLowerCase()} to find out whether a policing tactic works?`,
    termId,
    options: [
      { optionId: 'yes', label: 'Yes' },
      { optionId: 'maybe', label: 'Maybe' },
      { optionId: 'no', label: 'No' },
    ],
    headline: { label: 'Willing', optionIds: ['yes'] },
  };
}

function sourceQuestion(questionId: string, source: string): SurveyQuestion {
  return {
    questionId,
    kind: 'source_frequency',
    text: `How often do you use ${source} to decide how to police?`,
    options: FREQUENCY_OPTIONS,
    headline: DAILY_OR_WEEKLY,
  };
}

/**
 * The framework's 2012/13 survey instrument, as the first question set. Its baseline holds the
 * only figures the framework publishes (senior staff using each source daily or weekly, n=250);
 * every other question has no published figure, and comparisons say so.
 */
export const EBP_SURVEY_2012_13: QuestionSet = soundQuestionSet({
  questionSetId: 'ebp-survey-2012-13',
  version: 1,
  title: "The EBP framework's survey of staff (2012/13 instrument)",
  questions: [
    ...SURVEYED_DESIGNS.map(designQuestion),
    sourceQuestion('source_professional_experience', 'your own professional experience'),
    sourceQuestion('source_local_staff_views', 'the views of local staff'),
    sourceQuestion('source_newspapers', 'newspapers'),
    sourceQuestion('source_academic_journals', 'academic journals'),
    {
      questionId: 'understanding_ebp',
      kind: 'ebp_understanding',
      text: 'How well do you understand what evidence-based policing means?',
      options: [
        { optionId: 'very_well', label: 'Very well' },
        { optionId: 'fairly_well', label: 'Fairly well' },
        { optionId: 'not_very_well', label: 'Not very well' },
        { optionId: 'not_at_all', label: 'Not at all' },
      ],
      headline: { label: 'Very or fairly well', optionIds: ['very_well', 'fairly_well'] },
    },
  ],
  baseline: {
    label: 'Survey of senior staff, 2012/13 (published figures)',
    fieldwork: '2012/13',
    population: 'Senior staff of the Metropolitan Police Service',
    respondents: 250,
    source:
      'The MPS evidence-based policing framework: sources of knowledge senior staff use daily or weekly',
    figures: [
      { questionId: 'source_professional_experience', percent: 99 },
      { questionId: 'source_local_staff_views', percent: 85 },
      { questionId: 'source_newspapers', percent: 62 },
      { questionId: 'source_academic_journals', percent: 7 },
    ],
  },
});

/** One question of the training providers' self-assessment, its headline the options named. */
function practiceQuestion(
  questionId: string,
  questionText: string,
  options: readonly (readonly [string, string])[],
  headline: { label: string; optionIds: string[] },
): SurveyQuestion {
  return {
    questionId,
    kind: 'training_practice',
    text: questionText,
    options: options.map(([optionId, label]) => ({ optionId, label })),
    headline,
  };
}

/**
 * The training providers' self-assessment (issue 20, decision 0040): how far best evidence leads
 * the training they provide. The framework asks for it but publishes no instrument and no figures,
 * so this set is the platform's own and has no baseline: campaigns of it are compared with each
 * other, and its first campaign is the baseline of those that follow.
 */
export const TRAINING_PROVIDER_SELF_ASSESSMENT: QuestionSet = soundQuestionSet({
  questionSetId: 'training-provider-self-assessment',
  version: 1,
  title: "Training providers' self-assessment: does best evidence lead our training?",
  questions: [
    practiceQuestion(
      'training_checked_against_evidence',
      'How much of the training you provide has been checked against the best available research evidence?',
      [
        ['all', 'All of it'],
        ['most', 'Most of it'],
        ['some', 'Some of it'],
        ['none', 'None of it'],
        ['do_not_know', 'I do not know'],
      ],
      { label: 'All or most', optionIds: ['all', 'most'] },
    ),
    practiceQuestion(
      'library_consulted_when_designing',
      'When you design or revise a course, how often do you consult the Research and Learning Library or other summaries of research?',
      [
        ['every_time', 'Every time'],
        ['often', 'Often'],
        ['sometimes', 'Sometimes'],
        ['never', 'Never'],
      ],
      { label: 'Every time or often', optionIds: ['every_time', 'often'] },
    ),
    practiceQuestion(
      'evidence_cited_to_learners',
      'Do your course materials tell learners which research supports what they are taught?',
      [
        ['always', 'Always'],
        ['usually', 'Usually'],
        ['sometimes', 'Sometimes'],
        ['never', 'Never'],
      ],
      { label: 'Always or usually', optionIds: ['always', 'usually'] },
    ),
    practiceQuestion(
      'gaps_in_evidence_known',
      'Do you know where the evidence for a tactic you teach is weak or missing?',
      [
        ['known_and_recorded', 'Yes, and we record it'],
        ['known_not_recorded', 'Yes, but we do not record it'],
        ['not_known', 'No'],
      ],
      { label: 'Known and recorded', optionIds: ['known_and_recorded'] },
    ),
    practiceQuestion(
      'training_effect_evaluated',
      'How is the effect of your training on practice evaluated?',
      [
        ['comparison_group', 'Against a comparison group'],
        ['before_and_after', 'Before and after, without a comparison group'],
        ['feedback_only', "By learners' feedback only"],
        ['not_evaluated', 'It is not evaluated'],
      ],
      { label: 'Against a comparison group', optionIds: ['comparison_group'] },
    ),
    practiceQuestion(
      'research_skills_taught',
      'Does your training teach officers and staff to find, read or use research?',
      [
        ['yes', 'Yes'],
        ['partly', 'Partly'],
        ['no', 'No'],
      ],
      { label: 'Yes', optionIds: ['yes'] },
    ),
  ],
});

/** Every question set by id and version; a new version is a new entry, never an edit. */
export const QUESTION_SETS: readonly QuestionSet[] = [
  EBP_SURVEY_2012_13,
  TRAINING_PROVIDER_SELF_ASSESSMENT,
];

export const questionSetOf = (id: string, version: number): QuestionSet | undefined =>
  QUESTION_SETS.find((set) => set.questionSetId === id && set.version === version);

/** Coarse attributes ---------------------------------------------------------------------- */

/** The rank band of a rank or grade as people write it in their profile. */
export function rankBandOf(rankOrGrade: string | null | undefined): RankBand {
  const rank = ` ${(rankOrGrade ?? '').toLowerCase().replace(/[^a-z ]/g, ' ')} `;
  if (/ (commissioner|commander|superintendent|supt|ch supt) /.test(rank))
    return 'superintendent_and_above';
  if (/ (inspector|insp|ch insp|ci) /.test(rank)) return 'inspector_chief_inspector';
  if (/ (constable|sergeant|pc|ps|dc|ds|pcso) /.test(rank)) return 'constable_sergeant';
  if (
    / (band [a-f]|grade|staff|analyst|statistician|researcher|manager|officer|director) /.test(rank)
  )
    return 'police_staff';
  return 'withheld';
}

const AREA_RULES: readonly (readonly [RegExp, BusinessArea])[] = [
  [
    /specialist operations|counter terror|protection command|royalty|security/,
    'specialist_operations',
  ],
  [
    /specialist crime|public protection|roads|transport|taskforce|met operations|intelligence|criminal justice|forensic|custody|firearms|aviation|dog/,
    'met_operations',
  ],
  [
    /\bbcu\b|borough|neighbourhood|response|safer|local policing|frontline|youth/,
    'frontline_policing',
  ],
  [
    /professional standards|professionalism|training|learning|leadership|academy/,
    'professionalism',
  ],
  [
    /strategy|insight|finance|people|\bhr\b|digital|technology|commercial|property|headquarters|corporate|media|communications|legal|research/,
    'met_headquarters',
  ],
];

/** The business area of a unit as people write it in their profile. */
export function businessAreaOf(unit: string | null | undefined): BusinessArea {
  const name = (unit ?? '').toLowerCase();
  return AREA_RULES.find(([pattern]) => pattern.test(name))?.[1] ?? 'withheld';
}

export interface CoarseAttributes {
  readonly rankBand: RankBand;
  readonly businessArea: BusinessArea;
}

/**
 * What an answer records of who gave it: the band and area only when at least `minimumCellSize`
 * people of the known population share both, else neither. So no stored answer narrows its
 * author to fewer than that many people, and "withheld" hides among everyone not recorded,
 * including all staff the community does not know.
 */
export function recordedAttributes(
  person: CoarseAttributes,
  population: readonly CoarseAttributes[],
  minimumCellSize: number,
): CoarseAttributes {
  const withheld: CoarseAttributes = { rankBand: 'withheld', businessArea: 'withheld' };
  if (person.rankBand === 'withheld' || person.businessArea === 'withheld') return withheld;
  const sharing = population.filter(
    (other) => other.rankBand === person.rankBand && other.businessArea === person.businessArea,
  ).length;
  return sharing >= minimumCellSize ? person : withheld;
}

/** Tallies -------------------------------------------------------------------------------- */

export const SurveyTallySchema = z
  .object({
    respondents: z.array(
      z
        .object({
          rankBand: RankBandSchema,
          businessArea: BusinessAreaSchema,
          count: z.int().min(0),
        })
        .strict(),
    ),
    choices: z.array(
      z
        .object({
          questionId: slug,
          optionId: slug,
          rankBand: RankBandSchema,
          businessArea: BusinessAreaSchema,
          count: z.int().min(0),
        })
        .strict(),
    ),
  })
  .strict();
/** How many answers each (band, area) gave, and each option each (band, area) chose. */
export type SurveyTally = z.infer<typeof SurveyTallySchema>;

export const emptyTally = (): SurveyTally => ({ respondents: [], choices: [] });

/** One answer added to a tally (pure: a new tally). */
export function tallyAnswer(
  tally: SurveyTally,
  answer: CoarseAttributes & { readonly answers: readonly SurveyAnswer[] },
): SurveyTally {
  const { rankBand, businessArea } = answer;
  const respondents = tally.respondents.map((row) => ({ ...row }));
  const group = respondents.find(
    (row) => row.rankBand === rankBand && row.businessArea === businessArea,
  );
  if (group) group.count += 1;
  else respondents.push({ rankBand, businessArea, count: 1 });
  const choices = tally.choices.map((row) => ({ ...row }));
  for (const { questionId, optionId } of answer.answers) {
    const cell = choices.find(
      (row) =>
        row.questionId === questionId &&
        row.optionId === optionId &&
        row.rankBand === rankBand &&
        row.businessArea === businessArea,
    );
    if (cell) cell.count += 1;
    else choices.push({ questionId, optionId, rankBand, businessArea, count: 1 });
  }
  return { respondents, choices };
}

/** Results -------------------------------------------------------------------------------- */

const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

export interface OptionShare {
  readonly optionId: string;
  readonly label: string;
  readonly percent: number;
}

export interface QuestionResult {
  readonly questionId: string;
  readonly kind: SurveyQuestion['kind'];
  readonly text: string;
  readonly options: readonly OptionShare[];
  readonly headline: { readonly label: string; readonly percent: number };
}

/**
 * A group's headline share of one question, or that it is withheld: shown only when at least the
 * minimum cell size of the group chose the headline's options and at least as many did not.
 */
export interface GroupHeadline {
  readonly label: string;
  /** Null when withheld. */
  readonly percent: number | null;
  readonly withheld: boolean;
}

/** How a group answered one question: its headline share only, never one option's. */
export interface GroupQuestionResult {
  readonly questionId: string;
  readonly kind: SurveyQuestion['kind'];
  readonly text: string;
  readonly headline: GroupHeadline;
}

export interface GroupResult {
  readonly group: string;
  /**
   * Null when suppressed: the group is shown only with at least the minimum cell size. A group
   * nobody of answered is listed as suppressed too, so 0 cannot be told from 1 to minimum - 1.
   */
  readonly respondents: number | null;
  readonly suppressed: boolean;
  readonly questions: readonly GroupQuestionResult[] | null;
}

export interface CampaignResults {
  readonly minimumCellSize: number;
  /** Null when fewer than the minimum answered at all. */
  readonly respondents: number | null;
  readonly suppressed: boolean;
  readonly overall: readonly QuestionResult[] | null;
  /** Every rank band, in `RankBandSchema`'s order, shown or suppressed. */
  readonly byRankBand: readonly GroupResult[];
  /** Every business area, in `BusinessAreaSchema`'s order, shown or suppressed. */
  readonly byBusinessArea: readonly GroupResult[];
}

/**
 * The groups of one breakdown not to show: every group of fewer than the minimum, and, when those
 * together are fewer than the minimum, the smallest shown groups as well until they are not. A
 * suppressed group's figures are then never the difference between the total and the shown
 * groups: the most subtraction gives is the suppressed groups together, at least the minimum.
 */
export function suppressedGroups(
  sizes: ReadonlyMap<string, number>,
  minimumCellSize: number,
  /** Groups hidden for another reason (`crossSuppressed`), to be hidden with the small ones. */
  forced: ReadonlySet<string> = new Set(),
): Set<string> {
  const groups = [...sizes].filter(([, size]) => size > 0);
  const suppressed = new Set(
    groups.filter(([g, size]) => size < minimumCellSize || forced.has(g)).map(([g]) => g),
  );
  let hidden = groups.filter(([group]) => suppressed.has(group)).reduce((sum, [, n]) => sum + n, 0);
  const shown = groups
    .filter(([group]) => !suppressed.has(group))
    .sort(([a, m], [b, n]) => m - n || a.localeCompare(b));
  while (suppressed.size > 0 && hidden < minimumCellSize && shown.length > 0) {
    const [group, size] = shown.shift()!;
    suppressed.add(group);
    hidden += size;
  }
  return suppressed;
}

function questionResults(
  questionSet: QuestionSet,
  choices: readonly SurveyTally['choices'][number][],
  respondents: number,
): QuestionResult[] {
  return questionSet.questions.map((question) => {
    const countOf = (optionId: string) =>
      choices
        .filter((row) => row.questionId === question.questionId && row.optionId === optionId)
        .reduce((sum, row) => sum + row.count, 0);
    const headline = question.headline.optionIds.reduce((sum, id) => sum + countOf(id), 0);
    return {
      questionId: question.questionId,
      kind: question.kind,
      text: question.text,
      options: question.options.map((option) => ({
        optionId: option.optionId,
        label: option.label,
        percent: percentOf(countOf(option.optionId), respondents),
      })),
      headline: { label: question.headline.label, percent: percentOf(headline, respondents) },
    };
  });
}

const headlineCountOf = (
  question: SurveyQuestion,
  choices: readonly SurveyTally['choices'][number][],
): number =>
  choices
    .filter(
      (row) =>
        row.questionId === question.questionId &&
        question.headline.optionIds.includes(row.optionId),
    )
    .reduce((sum, row) => sum + row.count, 0);

/**
 * The shown groups of one breakdown whose headline share of one question is withheld: every
 * group where fewer than the minimum chose the headline's options or fewer than the minimum did
 * not (so no share shows that all, none or a few of a group answered one way), and, while the
 * groups not showing a headline (these and the suppressed ones) together still have fewer than
 * the minimum either way, the smallest shown groups as well. Total minus the shown headlines
 * then never tells that all, none or a few of the rest answered one way: the overall headline is
 * the one figure left that may (decision 0038).
 */
export function withheldHeadlines(
  shown: readonly { readonly group: string; readonly size: number; readonly headline: number }[],
  suppressed: { readonly size: number; readonly headline: number },
  minimumCellSize: number,
): Set<string> {
  const unsafe = (headline: number, size: number) =>
    headline < minimumCellSize || size - headline < minimumCellSize;
  const withheld = new Set(
    shown.filter((group) => unsafe(group.headline, group.size)).map((group) => group.group),
  );
  let rest = { ...suppressed };
  for (const group of shown.filter((candidate) => withheld.has(candidate.group)))
    rest = { size: rest.size + group.size, headline: rest.headline + group.headline };
  const showing = shown
    .filter((group) => !withheld.has(group.group))
    .sort((a, b) => a.size - b.size || a.group.localeCompare(b.group));
  while (rest.size > 0 && unsafe(rest.headline, rest.size) && showing.length > 0) {
    const group = showing.shift()!;
    withheld.add(group.group);
    rest = { size: rest.size + group.size, headline: rest.headline + group.headline };
  }
  return withheld;
}

/**
 * One breakdown: every group of `order` (all of them, so that a group's presence tells nothing),
 * each shown with its headline shares or suppressed. Groups nobody answered from are suppressed
 * exactly like those of 1 to minimum - 1.
 */
function breakdown(
  questionSet: QuestionSet,
  tally: SurveyTally,
  groupOf: (row: CoarseAttributes) => string,
  order: readonly string[],
  sizes: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  minimumCellSize: number,
): GroupResult[] {
  const sizeOf = (group: string) => sizes.get(group) ?? 0;
  const isSuppressed = (group: string) => hidden.has(group) || sizeOf(group) === 0;
  const choicesOf = (group: string) => tally.choices.filter((row) => groupOf(row) === group);
  const shownGroups = order.filter((group) => !isSuppressed(group));
  const hiddenGroups = order.filter(isSuppressed);
  const withheldBy = new Map(
    questionSet.questions.map((question) => {
      const hiddenChoices = tally.choices.filter((row) => hiddenGroups.includes(groupOf(row)));
      return [
        question.questionId,
        withheldHeadlines(
          shownGroups.map((group) => ({
            group,
            size: sizeOf(group),
            headline: headlineCountOf(question, choicesOf(group)),
          })),
          {
            size: hiddenGroups.reduce((sum, group) => sum + sizeOf(group), 0),
            headline: headlineCountOf(question, hiddenChoices),
          },
          minimumCellSize,
        ),
      ] as const;
    }),
  );
  return order.map((group) => {
    if (isSuppressed(group)) return { group, respondents: null, suppressed: true, questions: null };
    const size = sizeOf(group);
    const choices = choicesOf(group);
    return {
      group,
      respondents: size,
      suppressed: false,
      questions: questionSet.questions.map((question) => {
        const withheld = withheldBy.get(question.questionId)!.has(group);
        return {
          questionId: question.questionId,
          kind: question.kind,
          text: question.text,
          headline: {
            label: question.headline.label,
            percent: withheld ? null : percentOf(headlineCountOf(question, choices), size),
            withheld,
          },
        };
      }),
    };
  });
}

const sizesBy = (tally: SurveyTally, groupOf: (row: CoarseAttributes) => string) => {
  const sizes = new Map<string, number>();
  for (const row of tally.respondents)
    sizes.set(groupOf(row), (sizes.get(groupOf(row)) ?? 0) + row.count);
  return sizes;
};

/**
 * The groups of both breakdowns to hide so that neither subtracting a shown band from a shown
 * area (or the reverse) nor knowing that one lies within the other yields fewer than the minimum:
 * for every shown band and shown area, the people in both, in the band only and in the area only
 * are each none or at least the minimum; where not, the smaller group is hidden too, and
 * complementary suppression runs again in its breakdown.
 */
export function crossSuppressed(
  tally: SurveyTally,
  minimumCellSize: number,
): { readonly bands: Set<string>; readonly areas: Set<string> } {
  const bandSizes = sizesBy(tally, (row) => row.rankBand);
  const areaSizes = sizesBy(tally, (row) => row.businessArea);
  const both = (band: string, area: string) =>
    tally.respondents
      .filter((row) => row.rankBand === band && row.businessArea === area)
      .reduce((sum, row) => sum + row.count, 0);
  const unsafe = (count: number) => count > 0 && count < minimumCellSize;
  let bands = suppressedGroups(bandSizes, minimumCellSize);
  let areas = suppressedGroups(areaSizes, minimumCellSize);
  for (;;) {
    const shownBands = [...bandSizes.keys()].filter((band) => !bands.has(band));
    const shownAreas = [...areaSizes.keys()].filter((area) => !areas.has(area));
    const clash = shownBands
      .flatMap((band) => shownAreas.map((area) => [band, area] as const))
      .find(([band, area]) => {
        const inBoth = both(band, area);
        return (
          unsafe(inBoth) ||
          unsafe(bandSizes.get(band)! - inBoth) ||
          unsafe(areaSizes.get(area)! - inBoth)
        );
      });
    if (!clash) return { bands, areas };
    const [band, area] = clash;
    if (bandSizes.get(band)! <= areaSizes.get(area)!)
      bands = suppressedGroups(bandSizes, minimumCellSize, new Set([...bands, band]));
    else areas = suppressedGroups(areaSizes, minimumCellSize, new Set([...areas, area]));
  }
}

/**
 * A campaign's results: each option's share of the answers overall; by rank band and by
 * business area, every group listed, each shown only with at least `minimumCellSize` answers,
 * with complementary suppression within a breakdown (`suppressedGroups`) and across the two
 * (`crossSuppressed`), and a shown group gives headline shares only, each withheld where few,
 * none or all of the group chose it (`withheldHeadlines`); nothing at all below the minimum
 * overall. Every answer answers every question, so one group's size holds for all its questions.
 */
export function campaignResults(
  questionSet: QuestionSet,
  tally: SurveyTally,
  minimumCellSize: number,
): CampaignResults {
  const floor = Math.max(minimumCellSize, MINIMUM_CELL_FLOOR);
  const total = tally.respondents.reduce((sum, row) => sum + row.count, 0);
  const tooFew = total < floor;
  const bandSizes = sizesBy(tally, (row) => row.rankBand);
  const areaSizes = sizesBy(tally, (row) => row.businessArea);
  const hidden = tooFew
    ? { bands: new Set(bandSizes.keys()), areas: new Set(areaSizes.keys()) }
    : crossSuppressed(tally, floor);
  return {
    minimumCellSize: floor,
    respondents: tooFew ? null : total,
    suppressed: tooFew,
    overall: tooFew ? null : questionResults(questionSet, tally.choices, total),
    byRankBand: breakdown(
      questionSet,
      tally,
      (row) => row.rankBand,
      RankBandSchema.options,
      bandSizes,
      hidden.bands,
      floor,
    ),
    byBusinessArea: breakdown(
      questionSet,
      tally,
      (row) => row.businessArea,
      BusinessAreaSchema.options,
      areaSizes,
      hidden.areas,
      floor,
    ),
  };
}

/** Comparison ----------------------------------------------------------------------------- */

/** Why a side of a comparison has no figure. */
export type MissingFigure = 'not_published' | 'suppressed' | 'not_asked';

/** One side of a comparison: a campaign's overall results, or a published baseline. */
export interface SurveyFigures {
  readonly kind: 'campaign' | 'published_baseline';
  readonly id: string;
  readonly label: string;
  readonly questionSet: QuestionSet;
  readonly respondents: number | null;
  /** A campaign's overall results (null when suppressed); none for a published baseline. */
  readonly overall: readonly QuestionResult[] | null;
}

export const campaignFigures = (
  id: string,
  label: string,
  questionSet: QuestionSet,
  results: CampaignResults,
): SurveyFigures => ({
  kind: 'campaign',
  id,
  label,
  questionSet,
  respondents: results.respondents,
  overall: results.overall,
});

/** A question set's published baseline as one side of a comparison; none if it has none. */
export function baselineFigures(questionSet: QuestionSet): SurveyFigures | undefined {
  const baseline = questionSet.baseline;
  if (!baseline) return undefined;
  return {
    kind: 'published_baseline',
    id: questionSet.questionSetId,
    label: baseline.label,
    questionSet,
    respondents: baseline.respondents,
    overall: null,
  };
}

export interface Figure {
  readonly percent: number | null;
  readonly missing: MissingFigure | null;
}

export interface QuestionComparison {
  readonly questionId: string;
  readonly text: string;
  readonly headline: string;
  readonly before: Figure;
  readonly after: Figure;
  /** After minus before, in percentage points; null unless both are there. */
  readonly change: number | null;
  readonly options: readonly {
    readonly optionId: string;
    readonly label: string;
    readonly before: Figure;
    readonly after: Figure;
  }[];
}

export interface SurveyComparison {
  readonly before: Pick<SurveyFigures, 'kind' | 'id' | 'label' | 'respondents'>;
  readonly after: Pick<SurveyFigures, 'kind' | 'id' | 'label' | 'respondents'>;
  readonly questions: readonly QuestionComparison[];
}

function headlineFigure(side: SurveyFigures, questionId: string): Figure {
  if (!side.questionSet.questions.some((question) => question.questionId === questionId))
    return { percent: null, missing: 'not_asked' };
  if (side.kind === 'published_baseline') {
    const published = side.questionSet.baseline?.figures.find(
      (figure) => figure.questionId === questionId,
    );
    return published
      ? { percent: published.percent, missing: null }
      : { percent: null, missing: 'not_published' };
  }
  const result = side.overall?.find((question) => question.questionId === questionId);
  return result
    ? { percent: result.headline.percent, missing: null }
    : { percent: null, missing: 'suppressed' };
}

function optionFigure(side: SurveyFigures, questionId: string, optionId: string): Figure {
  const asked = side.questionSet.questions.find((question) => question.questionId === questionId);
  if (!asked?.options.some((option) => option.optionId === optionId))
    return { percent: null, missing: 'not_asked' };
  // A baseline publishes headline shares only, never the share of one option.
  if (side.kind === 'published_baseline') return { percent: null, missing: 'not_published' };
  const result = side.overall?.find((question) => question.questionId === questionId);
  const option = result?.options.find((candidate) => candidate.optionId === optionId);
  return option
    ? { percent: option.percent, missing: null }
    : { percent: null, missing: 'suppressed' };
}

/**
 * Two surveys side by side, question by question (the questions of both, the later's wording
 * first): each headline share before and after and the change in percentage points, and each
 * option's share. A figure that is not there says why: not published (a baseline publishes a few
 * headlines only), suppressed (too few answers), or not asked by that question set.
 */
export function compareSurveys(before: SurveyFigures, after: SurveyFigures): SurveyComparison {
  const questions = [
    ...after.questionSet.questions,
    ...before.questionSet.questions.filter(
      (question) =>
        !after.questionSet.questions.some((other) => other.questionId === question.questionId),
    ),
  ];
  const side = ({ kind, id, label, respondents }: SurveyFigures) => ({
    kind,
    id,
    label,
    respondents,
  });
  return {
    before: side(before),
    after: side(after),
    questions: questions.map((question) => {
      const was = headlineFigure(before, question.questionId);
      const is = headlineFigure(after, question.questionId);
      return {
        questionId: question.questionId,
        text: question.text,
        headline: question.headline.label,
        before: was,
        after: is,
        change:
          was.percent !== null && is.percent !== null
            ? Math.round((is.percent - was.percent) * 10) / 10
            : null,
        options: question.options.map((option) => ({
          optionId: option.optionId,
          label: option.label,
          before: optionFigure(before, question.questionId, option.optionId),
          after: optionFigure(after, question.questionId, option.optionId),
        })),
      };
    }),
  };
}
