import { NO_SUCH_PROJECT } from '@ebp/access';
import {
  commandContextFor,
  type CommandContext,
  type DocumentCollection,
  type EventStore,
  type SqlEventArchive,
} from '@ebp/eventing';
import { ForbiddenError, hasRole, type Identity, type Role } from '@ebp/platform';
import {
  authorisePriorityAction,
  authoriseProjectAction,
  canRead,
  readableBy,
} from '../access/register-access';
import type { ProjectCommand } from '../projects/project.decider';
import { ProjectNotFound } from '../projects/project.errors';
import { ProjectCommands, type ProposeResult } from '../projects/project.handler';
import type { ProjectSummary } from '../projects/projections/project-summary.projection';
import type { PriorityCommand } from '../priorities/priority.decider';
import { PriorityCommands } from '../priorities/priority.handler';
import type { PrioritySummary } from '../priorities/projections/priority-summary.projection';
import type {
  ResearchPlanEntry,
  WorkstreamEntry,
} from '../programme/projections/programme.projections';
import type { MeetingEntry } from '../meetings/projections/meetings.projection';
import { deadlinesOf, type Deadline } from '../register-reads/deadlines';
import { projectRecord, type ProjectRecord } from '../register-reads/project-record';
import {
  coverage,
  listProjects,
  matchesFilter,
  type RegisterFilter,
  type RegisterPage,
  type RegisterQuery,
} from '../register-reads/register-queries';
import { registerAsOf } from '../register-reads/time-travel';
import { buildGovernanceReport } from '../governance/governance-report';
import { scopeToReader } from '../governance/report-scope';
import { newProjectId } from '../projects/project-ids';
import { InvalidReportDate, replayGovernance } from '../governance/governance-replay';
import { compareGovernanceReports, comparisonMarkdown } from '../governance/governance-comparison';
import { renderReport, type ReportFormat } from '../governance/report-formats';

/** Who reads governance reports (with OFFICIAL-SENSITIVE clearance). */
const GOVERNANCE: readonly Role[] = ['reviewer', 'committee', 'admin'];

/** What the register needs from its composition root (all-in-one or distributed). */
export interface RegisterStores {
  readonly store: EventStore;
  readonly projects: () => Promise<DocumentCollection<ProjectSummary>>;
  readonly priorities: () => Promise<DocumentCollection<PrioritySummary>>;
  readonly researchPlans: () => Promise<DocumentCollection<ResearchPlanEntry>>;
  readonly workstreams: () => Promise<DocumentCollection<WorkstreamEntry>>;
  readonly meetings: () => Promise<DocumentCollection<MeetingEntry>>;
  /** Brings the read models up to date, so that a client reads its own writes. */
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
  /** The other services' events kept for governance reports, and how to bring them up to date. */
  readonly governance?: {
    readonly archive: SqlEventArchive;
    readonly catchUp: () => Promise<void>;
  };
}

export type ProjectActionCommand = Exclude<ProjectCommand, { type: 'propose' }>;
/** A command as a client sends it: who acts comes from the verified identity, never the client. */
export type ProjectRequest = ProjectActionCommand extends infer Command
  ? Command extends ProjectActionCommand
    ? Omit<Command, 'by' | 'today'>
    : never
  : never;
export type PriorityRequest = PriorityCommand extends infer Command
  ? Command extends PriorityCommand
    ? Omit<Command, 'by'>
    : never
  : never;

/** What a command changed: the entity's id and its stream version after the change. */
export interface CommandOutcome {
  readonly id: string;
  readonly version: number;
}

/**
 * The register's use cases with authorisation applied on every path: a project the caller may not
 * read does not exist for them (NOT_FOUND, never FORBIDDEN, so its existence does not leak), and
 * an action the caller's role does not allow is FORBIDDEN. Resolvers only translate to the graph.
 */
export class RegisterApplication {
  private readonly projectCommands: ProjectCommands;
  private readonly priorityCommands: PriorityCommands;

  constructor(private readonly stores: RegisterStores) {
    this.projectCommands = new ProjectCommands(stores.store, stores.projects);
    this.priorityCommands = new PriorityCommands(stores.store);
  }

  private context(
    identity: Identity,
    classification: CommandContext['classification'],
  ): CommandContext {
    return commandContextFor(identity.actor, this.stores.now(), classification);
  }

  /** Reads ----------------------------------------------------------------------------------- */

  async listProjects(identity: Identity, query: RegisterQuery): Promise<RegisterPage> {
    return listProjects(await this.stores.projects(), query, readableBy(identity));
  }

  async project(identity: Identity, projectId: string): Promise<ProjectSummary | undefined> {
    return (await this.projectsByIds(identity, [projectId])).get(projectId);
  }

  /** `project` for many ids: read together, each under the same need-to-know rule. */
  async projectsByIds(
    identity: Identity,
    projectIds: readonly string[],
  ): Promise<Map<string, ProjectSummary>> {
    const found = await (await this.stores.projects()).getMany([...new Set(projectIds)]);
    const readable = new Map<string, ProjectSummary>();
    for (const [id, { body }] of found)
      if (body && canRead(identity, body.readers)) readable.set(id, body);
    return readable;
  }

  /** The project folded from its stream, now or as of a date; undefined if unreadable then. */
  async record(
    identity: Identity,
    projectId: string,
    asOf?: Date,
  ): Promise<ProjectRecord | undefined> {
    const record = await projectRecord(this.stores.store, projectId, asOf);
    return record && canRead(identity, record.summary.readers) ? record : undefined;
  }

  /** The register as it stood at the end of `asOf`, as the caller may see it. */
  async registerAsOf(
    identity: Identity,
    asOf: Date,
    filter: RegisterFilter = {},
  ): Promise<ProjectSummary[]> {
    const projects = await registerAsOf(this.stores.store, asOf);
    return projects.filter(
      (project) => canRead(identity, project.readers) && matchesFilter(project, filter),
    );
  }

  async priorities(identity: Identity, includeRetired = false): Promise<PrioritySummary[]> {
    void identity; // the Research Plan is OFFICIAL: every signed-in caller may read it
    const found = await (
      await this.stores.priorities()
    ).find({
      filter: includeRetired ? {} : { status: 'active' },
      sort: [{ field: 'title', direction: 'asc' }],
    });
    return found.items.map((item) => item.body);
  }

  async priority(priorityId: string): Promise<PrioritySummary | undefined> {
    return (await this.prioritiesByIds([priorityId])).get(priorityId);
  }

  /** Research priorities by id, read together (the Research Plan is OFFICIAL). */
  async prioritiesByIds(priorityIds: readonly string[]): Promise<Map<string, PrioritySummary>> {
    const found = await (await this.stores.priorities()).getMany([...new Set(priorityIds)]);
    const present = new Map<string, PrioritySummary>();
    for (const [id, { body }] of found) if (body) present.set(id, body);
    return present;
  }

  /**
   * The quarterly EBP governance report as the register stood at the end of `asOf`, rebuilt by
   * replaying its log. It counts every project, sensitive ones included, so it is for the EBP
   * Committee, the EBP Delivery Team and administrators with OFFICIAL-SENSITIVE clearance.
   */
  async governanceReport(identity: Identity, asOf: string, format: ReportFormat): Promise<string> {
    return renderReport(await this.reportAsOf(identity, asOf), format);
  }

  /** What changed between two dates (e.g. the committee's last two meetings), same readers. */
  async governanceComparison(
    identity: Identity,
    from: string,
    to: string,
    format: 'json' | 'markdown',
  ): Promise<string> {
    const earlier = await this.reportAsOf(identity, from);
    const later = await this.reportAsOf(identity, to);
    if (earlier.asOf >= later.asOf)
      throw new InvalidReportDate(`from (${from}) must be before to (${to})`);
    const comparison = compareGovernanceReports(earlier, later);
    return format === 'json'
      ? `${JSON.stringify(comparison, null, 2)}\n`
      : comparisonMarkdown(comparison);
  }

  private async reportAsOf(identity: Identity, asOf: string) {
    if (!hasRole(identity, GOVERNANCE) || !identity.clearances.includes('OFFICIAL_SENSITIVE'))
      throw new ForbiddenError(
        'Only the EBP Committee, the EBP Delivery Team and administrators, cleared for OFFICIAL-SENSITIVE, may read governance reports',
      );
    const { governance } = this.stores;
    await governance?.catchUp();
    const readable = new Set(
      (await this.readableProjects(identity)).map((project) => project.projectId),
    );
    const history = await replayGovernance(
      { log: this.stores.store, ...(governance ? { archive: governance.archive } : {}) },
      asOf,
    );
    return buildGovernanceReport(scopeToReader(history, (projectId) => readable.has(projectId)));
  }

  /** Research Plan coverage, counting only the projects the caller may read. */
  async coverage(identity: Identity) {
    const [priorities, projects] = await Promise.all([
      this.priorities(identity),
      this.readableProjects(identity),
    ]);
    return coverage(priorities, projects);
  }

  /** Missed and imminent deadlines across the register on `today` (YYYY-MM-DD). */
  async overdue(
    identity: Identity,
    today = this.stores.now().toISOString().slice(0, 10),
  ): Promise<(Deadline & { project: ProjectSummary })[]> {
    const projects = await this.readableProjects(identity);
    return projects
      .flatMap((project) =>
        deadlinesOf(project, today).map((deadline) => ({ ...deadline, project })),
      )
      .sort((a, b) => a.due.localeCompare(b.due) || a.projectId.localeCompare(b.projectId));
  }

  private async readableProjects(identity: Identity): Promise<ProjectSummary[]> {
    const found = await (await this.stores.projects()).find({ filter: readableBy(identity) });
    return found.items.map((item) => item.body);
  }

  /** Writes ---------------------------------------------------------------------------------- */

  /**
   * Proposes a project under an id the server makes (no id can be probed). With an idempotency
   * key the id is derived from the caller and the key, so a retried proposal finds the project
   * its first attempt created instead of making another.
   */
  async propose(
    identity: Identity,
    proposal: unknown,
    idempotencyKey?: string,
  ): Promise<ProposeResult & { readonly projectId: string }> {
    const projectId = newProjectId(identity.actor.id, idempotencyKey);
    const classification = classificationOf(proposal);
    authoriseProjectAction(identity, 'propose', {
      leadId: identity.actor.id,
      proposedBy: identity.actor.id,
      classification,
    });
    const result = await this.projectCommands.propose(
      projectId,
      proposal,
      this.context(identity, classification),
      // The duplicate warning must not reveal projects the proposer may not read.
      readableBy(identity),
    );
    await this.stores.catchUp();
    return { ...result, projectId };
  }

  async act(
    identity: Identity,
    projectId: string,
    request: ProjectRequest,
    expectedVersion?: number,
  ): Promise<CommandOutcome> {
    const project = await this.project(identity, projectId);
    if (!project) throw new ProjectNotFound(NO_SUCH_PROJECT);
    authoriseProjectAction(identity, request.type, project);
    const command = {
      ...request,
      by: identity.actor.id,
      ...(request.type === 'start' ? { today: this.stores.now().toISOString().slice(0, 10) } : {}),
    } as ProjectActionCommand;
    const result = await this.projectCommands.execute(
      projectId,
      command,
      this.context(identity, project.classification),
      expectedVersion,
    );
    await this.stores.catchUp();
    return { id: projectId, version: result.streamVersion };
  }

  async changePriority(
    identity: Identity,
    priorityId: string,
    request: PriorityRequest,
    expectedVersion?: number,
  ): Promise<CommandOutcome> {
    authorisePriorityAction(identity);
    const result = await this.priorityCommands.execute(
      priorityId,
      { ...request, by: identity.actor.id },
      this.context(identity, 'OFFICIAL'),
      expectedVersion,
    );
    await this.stores.catchUp();
    return { id: priorityId, version: result.streamVersion };
  }
}

/** The classification a proposal claims; an invalid proposal is refused later by the decider. */
function classificationOf(proposal: unknown): CommandContext['classification'] {
  const claimed =
    typeof proposal === 'object' && proposal !== null
      ? (proposal as { classification?: unknown }).classification
      : undefined;
  return claimed === 'OFFICIAL_SENSITIVE' ? 'OFFICIAL_SENSITIVE' : 'OFFICIAL';
}
