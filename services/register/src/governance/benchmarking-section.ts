import { community } from '@ebp/contracts';
import { byText } from '../shared/ordering';
import type { OtherServicesRecord } from './other-services-record';

/** One question's headline share in the latest campaign beside the question set's baseline. */
export interface BenchmarkLine {
  readonly questionId: string;
  readonly headline: string;
  readonly baseline: number | null;
  /** Why the baseline has no figure: not published, or not asked. */
  readonly baselineMissing: string | null;
  readonly latest: number | null;
  /** Why the latest campaign has no figure: suppressed (too few answers), or not asked. */
  readonly latestMissing: string | null;
  readonly change: number | null;
}

/** How the use of evidence was last benchmarked, by the end of the report's day (decision 0038). */
export interface BenchmarkingSection {
  /** Campaigns closed by the day. */
  readonly campaignsClosed: number;
  readonly latest: {
    readonly campaignId: string;
    readonly title: string;
    readonly closedOn: string;
    /** Null when fewer than the minimum cell size answered: nothing is shown. */
    readonly respondents: number | null;
    readonly minimumCellSize: number;
    readonly baseline: string | null;
    readonly questions: readonly BenchmarkLine[];
  } | null;
}

/**
 * The latest closed campaign's headline figures against its question set's published baseline,
 * through the community's own results and comparison (the same minimum cell size and
 * suppression): only closed campaigns, whose results no later answer can change.
 */
export function benchmarkingSection(record: OtherServicesRecord): BenchmarkingSection {
  const closed = [...record.surveys]
    .filter(([, survey]) => survey.closedAt !== null)
    .sort(([a, x], [b, y]) => byText(x.closedAt!, y.closedAt!) || byText(a, b));
  const last = closed.at(-1);
  if (!last) return { campaignsClosed: 0, latest: null };
  const [campaignId, survey] = last;
  const results = community.campaignResults(
    survey.questionSet,
    survey.tally,
    survey.minimumCellSize,
  );
  const latest = community.campaignFigures(campaignId, survey.title, survey.questionSet, results);
  const baseline = community.baselineFigures(survey.questionSet);
  const comparison = baseline ? community.compareSurveys(baseline, latest) : undefined;
  return {
    campaignsClosed: closed.length,
    latest: {
      campaignId,
      title: survey.title,
      closedOn: survey.closedAt!.slice(0, 10),
      respondents: results.respondents,
      minimumCellSize: results.minimumCellSize,
      baseline: baseline?.label ?? null,
      questions: survey.questionSet.questions.map((question) => {
        const compared = comparison?.questions.find((q) => q.questionId === question.questionId);
        const shown = results.overall?.find((q) => q.questionId === question.questionId);
        const before = compared?.before ?? { percent: null, missing: 'not_published' };
        const after = compared?.after ?? {
          percent: shown?.headline.percent ?? null,
          missing: shown ? null : 'suppressed',
        };
        return {
          questionId: question.questionId,
          headline: question.headline.label,
          baseline: before.percent,
          baselineMissing: before.missing,
          latest: after.percent,
          latestMissing: after.missing,
          change: compared?.change ?? null,
        };
      }),
    },
  };
}
