import type { community } from '@ebp/contracts';
import type { AuditResponse } from './projections/audit-responses.projection';

/** A level of 3 (proficient) or more counts as capability in a skill. */
export const CAPABLE_LEVEL = 3;

export interface SkillCoverage {
  readonly unit: string;
  readonly skill: string;
  readonly respondents: number;
  readonly meanLevel: number;
  /** Respondents at the capable level or above. */
  readonly capable: number;
}

export interface AuditReport {
  readonly auditId: string;
  readonly responsesByUnit: Readonly<Record<string, number>>;
  readonly coverage: readonly SkillCoverage[];
  /** Unit and skill pairs where nobody who answered is capable: where training or hiring is needed. */
  readonly gaps: readonly { readonly unit: string; readonly skill: string }[];
  /** Target units with no response at all. */
  readonly silentUnits: readonly string[];
}

/** The skills audit report: coverage and gaps by unit and skill. Pure. */
export function auditReport(
  auditId: string,
  audit: community.SkillsAudit,
  responses: readonly AuditResponse[],
): AuditReport {
  const skillOf = new Map(audit.questions.map((question) => [question.questionId, question.skill]));
  const skills = [...new Set(audit.questions.map((question) => question.skill))];
  const responsesByUnit: Record<string, number> = {};
  for (const response of responses)
    responsesByUnit[response.unit] = (responsesByUnit[response.unit] ?? 0) + 1;
  const coverage: SkillCoverage[] = [];
  for (const unit of audit.targetUnits) {
    const unitResponses = responses.filter((response) => response.unit === unit);
    for (const skill of skills) {
      // A person's level in a skill is their best answer among the questions about it.
      const levels = unitResponses.map((response) =>
        Math.max(
          0,
          ...response.answers
            .filter((answer) => skillOf.get(answer.questionId) === skill)
            .map((answer) => answer.level),
        ),
      );
      const total = levels.reduce((sum, level) => sum + level, 0);
      coverage.push({
        unit,
        skill,
        respondents: levels.length,
        meanLevel: levels.length ? Math.round((total / levels.length) * 100) / 100 : 0,
        capable: levels.filter((level) => level >= CAPABLE_LEVEL).length,
      });
    }
  }
  return {
    auditId,
    responsesByUnit,
    coverage,
    gaps: coverage
      .filter((row) => row.respondents > 0 && row.capable === 0)
      .map(({ unit, skill }) => ({ unit, skill })),
    silentUnits: audit.targetUnits.filter((unit) => !responsesByUnit[unit]),
  };
}
