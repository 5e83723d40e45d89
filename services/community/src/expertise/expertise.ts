import type { PersonEntry } from '../people/projections/person-directory.projection';
import { TermMatcher } from './term-matcher';

/** What the expertise finder is asked for. */
export interface ExpertiseQuery {
  readonly methods?: readonly string[];
  readonly topics?: readonly string[];
  readonly unit?: string;
  /** Only people at or above this level in every requested method. */
  readonly minimumLevel?: number;
}

export interface RankedPerson {
  readonly personId: string;
  readonly score: number;
  /** Why they rank: the methods and topics that matched, with the level counted. */
  readonly matched: { readonly methods: Record<string, number>; readonly topics: string[] };
}

/** A verified level counts in full; a self-assessed one a little less. */
const SELF_ASSESSED_WEIGHT = 0.8;
const TOPIC_SCORE = 1;
const SAME_UNIT_SCORE = 0.5;

const normalise = (value: string) => value.trim().toLowerCase();

/**
 * A person's level in a method, matched through the research methods vocabulary ("RCT" is
 * "randomised controlled trials"); the best level if their profile names it twice.
 */
export function levelIn(
  person: PersonEntry,
  method: string,
  methods: TermMatcher = TermMatcher.forMethods(),
): number {
  let best = 0;
  for (const skill of person.skills)
    if (methods.same(skill.method, method))
      best = Math.max(best, skill.verified ?? skill.selfAssessed * SELF_ASSESSED_WEIGHT);
  return best;
}

/** Only people who are active, have agreed to be listed and are willing to contribute. */
export function findable(person: PersonEntry): boolean {
  return (
    person.status === 'active' &&
    person.consent?.listedInExpertiseFinder === true &&
    person.availability?.willing === true
  );
}

/**
 * The expertise finder: people ranked by method levels, topics and unit; ties by person id.
 * Methods and topics are matched through the shared vocabularies (a topic may name a topic, a
 * crime problem, an intervention or a method), and free text by its term key.
 */
export function rankExperts(people: readonly PersonEntry[], query: ExpertiseQuery): RankedPerson[] {
  const methods = query.methods ?? [];
  const topics = query.topics ?? [];
  const methodTerms = TermMatcher.forMethods();
  const subjectTerms = TermMatcher.forSubjects();
  return people
    .filter(findable)
    .map((person) => {
      const methodLevels = Object.fromEntries(
        methods.map((method) => [method, levelIn(person, method, methodTerms)]),
      );
      const matchedTopics = person.topics.filter((topic) =>
        topics.some((asked) => subjectTerms.same(topic, asked)),
      );
      const score =
        Object.values(methodLevels).reduce((sum, level) => sum + level, 0) +
        matchedTopics.length * TOPIC_SCORE +
        (query.unit && person.unit === query.unit ? SAME_UNIT_SCORE : 0);
      return {
        person,
        ranked: {
          personId: person.personId,
          score: Math.round(score * 100) / 100,
          matched: {
            methods: Object.fromEntries(
              Object.entries(methodLevels).filter(([, level]) => level > 0),
            ),
            topics: matchedTopics,
          },
        },
      };
    })
    .filter(({ ranked }) => {
      if (ranked.score <= 0) return false;
      if (query.minimumLevel === undefined) return true;
      return methods.every(
        (method) => (ranked.matched.methods[method] ?? 0) >= query.minimumLevel!,
      );
    })
    .sort(
      (a, b) =>
        b.ranked.score - a.ranked.score || a.ranked.personId.localeCompare(b.ranked.personId),
    )
    .map(({ ranked }) => ranked);
}

export interface TeamNeed {
  readonly methods: readonly string[];
  readonly topics: readonly string[];
  readonly unit: string;
  readonly size?: number;
}

/** What the community knows of a register project when asked to suggest its team. */
export interface ProjectBrief {
  readonly methods: readonly string[];
  readonly owningUnit: string;
  /** The project's title, summary and design: where its topic is stated. */
  readonly text: string;
}

/**
 * A project's need, from its brief: the methods it plans, its owning unit, and as topics the
 * talent pool's topics of interest that the project's own words mention, through the shared
 * vocabularies (each term once, in the spelling the pool first uses).
 */
export function teamNeedOf(
  brief: ProjectBrief,
  people: readonly PersonEntry[],
  size?: number,
): TeamNeed {
  const mentions = TermMatcher.forSubjects().mentionsIn(brief.text);
  const named = new Map<string, string>();
  for (const topic of people.flatMap((person) => person.topics.map(normalise))) {
    const identity = mentions.identityIfNamed(topic);
    if (identity !== undefined && !named.has(identity)) named.set(identity, topic);
  }
  return {
    methods: brief.methods,
    topics: [...named.values()].sort(),
    unit: brief.owningUnit,
    ...(size === undefined ? {} : { size }),
  };
}

export interface TeamMember {
  readonly personId: string;
  readonly role: 'researcher' | 'analyst' | 'champion';
  readonly covers: string[];
}

/**
 * Suggests a team for a research project: for each method the design needs, the strongest
 * available person not already chosen; then the EBP champion of the owning unit, if any.
 */
export function suggestTeam(people: readonly PersonEntry[], need: TeamNeed): TeamMember[] {
  const size = need.size ?? 4;
  const team: TeamMember[] = [];
  const chosen = new Set<string>();
  for (const method of need.methods) {
    if (team.length >= size) break;
    const [best] = rankExperts(
      people.filter((person) => !chosen.has(person.personId)),
      { methods: [method], topics: need.topics, unit: need.unit },
    ).filter((ranked) => (ranked.matched.methods[method] ?? 0) > 0);
    if (!best) continue;
    chosen.add(best.personId);
    team.push({
      personId: best.personId,
      role: /analysis|statistic/i.test(method) ? 'analyst' : 'researcher',
      covers: [method],
    });
  }
  const champion = people.find(
    (person) =>
      findable(person) &&
      !chosen.has(person.personId) &&
      person.championships.some((championship) => championship.area === need.unit),
  );
  if (champion && team.length < size)
    team.push({ personId: champion.personId, role: 'champion', covers: [need.unit] });
  return team;
}
