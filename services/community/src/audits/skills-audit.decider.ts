import { community, parseOrThrow } from '@ebp/contracts';
import { DomainError, type Decider } from '@ebp/eventing';
import { evolveAudit, initialAuditState, type AuditEvent, type AuditState } from './skills-audit';

export class AuditAlreadyLaunched extends DomainError {
  readonly code = 'AUDIT_ALREADY_LAUNCHED';
}
export class AuditNotFound extends DomainError {
  readonly code = 'AUDIT_NOT_FOUND';
}
export class AuditNotOpen extends DomainError {
  readonly code = 'AUDIT_NOT_OPEN';
}
export class NotInAuditScope extends DomainError {
  readonly code = 'NOT_IN_AUDIT_SCOPE';
}
export class InvalidAuditInput extends DomainError {
  readonly code = 'INVALID_AUDIT_INPUT';
}

export type AuditCommand =
  | { type: 'launch'; auditId: string; audit: unknown; by: string }
  | {
      type: 'answer';
      personId: string;
      /** The person's unit now, from their profile: who is in scope. */
      unit: string;
      answers: unknown;
      today: string;
    }
  | { type: 'close'; by: string };

const parse = <Schema extends Parameters<typeof parseOrThrow>[0]>(
  schema: Schema,
  input: unknown,
  what: string,
) => parseOrThrow(schema, input, what, InvalidAuditInput);

export function decideAudit(command: AuditCommand, state: AuditState): AuditEvent[] {
  if (command.type === 'launch') {
    if (state.status !== 'none')
      throw new AuditAlreadyLaunched(`Audit ${command.auditId} was already launched`);
    const audit = parse(community.SkillsAuditSchema, command.audit, 'audit');
    return [
      {
        type: 'community.audit.launched',
        data: { auditId: command.auditId, audit, launchedBy: command.by },
      },
    ];
  }
  if (state.status === 'none') throw new AuditNotFound('No such skills audit');
  if (command.type === 'close') {
    if (state.status === 'closed') throw new AuditNotOpen('The audit is already closed');
    return [
      { type: 'community.audit.closed', data: { auditId: state.auditId, closedBy: command.by } },
    ];
  }
  const { audit } = state;
  if (state.status === 'closed' || command.today < audit.opensOn || command.today > audit.closesOn)
    throw new AuditNotOpen(
      `The audit takes answers from ${audit.opensOn} to ${audit.closesOn}, while it is open`,
    );
  if (!audit.targetUnits.includes(command.unit))
    throw new NotInAuditScope(`The audit does not cover ${command.unit}`);
  const answers = parse(community.AuditAnswerSchema.array().min(1), command.answers, 'answers');
  const known = new Set(audit.questions.map((question) => question.questionId));
  const unknown = answers.filter((answer) => !known.has(answer.questionId));
  if (unknown.length > 0)
    throw new InvalidAuditInput(
      `No such question: ${unknown.map((answer) => answer.questionId).join(', ')}`,
    );
  if (new Set(answers.map((answer) => answer.questionId)).size !== answers.length)
    throw new InvalidAuditInput('Each question is answered once');
  return [
    {
      type: 'community.audit.answered',
      data: { auditId: state.auditId, personId: command.personId, unit: command.unit, answers },
    },
  ];
}

export const auditDecider: Decider<AuditCommand, AuditEvent, AuditState> = {
  decide: decideAudit,
  evolve: evolveAudit,
  initialState: initialAuditState,
};
