// Training and evidence end to end through the gateway, against either run mode (issue 20): an
// editor records two courses and a third with nothing cited, cites published library items for
// parts of them, and the evidence map shows where evidence leads training and where the gaps are:
// a part with no evidence, a course with none, and strong evidence no course teaches. A citation
// of an OFFICIAL-SENSITIVE item is seen only by those who may read the item. Training providers
// assess themselves through a survey of its own question set, answered like the staff survey.
import { randomUUID } from 'node:crypto';
import type { GraphResponse } from '../graph-client';
import { DRAFT, PUBLISH } from './dissemination-scenario';
import { callers, type PlatformUnderTest } from './platform-under-test';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

interface Course {
  id: string;
  title: string;
  provider: string;
  status: string;
  updatedAt: string;
  parts: { id: string; title: string; evidence: { item: { id: string }; note: string | null }[] }[];
}
interface EvidenceMap {
  minimumSmsLevel: number;
  courses: number;
  parts: number;
  partsWithEvidence: number;
  coursesWithoutEvidence: { id: string }[];
  partsWithoutEvidence: { course: { id: string }; partId: string; title: string }[];
  taught: {
    item: { id: string };
    strong: boolean;
    citedBy: { course: { id: string }; partIds: string[] }[];
  }[];
  strongEvidenceTaughtNowhere: { id: string }[];
}

const COURSE = `id title provider status updatedAt parts { id title evidence { item { id } note } }`;
const REGISTER = `mutation($c: CourseInput!) { registerCourse(course: $c) { course { ${COURSE} } } }`;
const LINK = `mutation($id: ID!, $e: CourseEvidenceInput!) { linkCourseEvidence(courseId: $id, evidence: $e) {
  course { ${COURSE} } } }`;
const UNLINK = `mutation($id: ID!, $part: ID!, $item: ID!, $why: String!) {
  unlinkCourseEvidence(courseId: $id, partId: $part, itemId: $item, reason: $why) { course { ${COURSE} } } }`;
const RETIRE = `mutation($id: ID!, $why: String!) { retireCourse(id: $id, reason: $why) { course { ${COURSE} } } }`;
const ONE = `query($id: ID!) { course(id: $id) { ${COURSE} } }`;
const LIST = `query($provider: String) { courses(provider: $provider) { id } }`;
const SETS = `{ surveyQuestionSets { id version baseline { respondents }
  questions { questionId kind options { optionId } } } }`;
const LAUNCH = `mutation($c: SurveyCampaignInput!) { launchSurveyCampaign(campaign: $c) {
  campaign { id questionSetId } } }`;
const ANSWER = `mutation($id: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(campaignId: $id, answers: $a) {
  campaign { responses } } }`;
const MAP = `query($level: Int) { trainingEvidenceMap(minimumSmsLevel: $level) {
  minimumSmsLevel courses parts partsWithEvidence coursesWithoutEvidence { id }
  partsWithoutEvidence { course { id } partId title }
  taught { item { id } strong citedBy { course { id } partIds } }
  strongEvidenceTaughtNowhere { id } } }`;

export function trainingScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);
  const provider = `Met Learning and Development ${run}`;

  /** Publishes an item with the evidence's SMS level and returns its id. */
  async function published(
    editor: string,
    name: string,
    smsLevel: number,
    classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE' = 'OFFICIAL',
  ): Promise<string> {
    const itemId = `e2e-training-${name}-${run}`;
    const client = await as(editor);
    await client.must(DRAFT, {
      id: itemId,
      c: {
        kind: 'evidence_summary',
        title: `${name} ${run}`,
        summary: 'What the research found, in plain English for busy trainers.',
        year: 2025,
        evidence: { smsLevel },
        classification,
      },
    });
    await client.must(PUBLISH, { id: itemId });
    return itemId;
  }

  async function course(title: string, parts: [string, string][]): Promise<Course> {
    const { registerCourse } = await (
      await as('rob')
    ).must<{ registerCourse: { course: Course } }>(REGISTER, {
      c: {
        title: `${title} ${run}`,
        provider,
        audience: 'Student officers',
        parts: parts.map(([partId, partTitle]) => ({ partId, title: partTitle })),
      },
    });
    return registerCourse.course;
  }

  const mapOf = async (user: string, level?: number) =>
    (await (await as(user)).must<{ trainingEvidenceMap: EvidenceMap }>(MAP, { level }))
      .trainingEvidenceMap;

  it('maps two courses to evidence and shows the gaps: a part and a course with none, and strong evidence taught nowhere', async () => {
    const justice = await published('rob', 'procedural-justice', 4);
    const arches = await published('rob', 'knife-arches', 2);
    const untaught = await published('rob', 'hot-spots', 5);
    const stopSearch = await course('Stop and search', [
      ['grounds', 'Reasonable grounds'],
      ['encounter', 'Procedural justice in the encounter'],
    ]);
    const knives = await course('Knife crime', [['arches', 'Knife arches at stations']]);
    const briefing = await course('Briefing skills', [['briefing', 'Giving a briefing']]);
    expect(stopSearch.status).toBe('active');

    const rob = await as('rob');
    const { linkCourseEvidence } = await rob.must<{ linkCourseEvidence: { course: Course } }>(
      LINK,
      {
        id: stopSearch.id,
        e: { partId: 'encounter', itemId: justice, note: 'Fair treatment raises compliance.' },
      },
    );
    expect(linkCourseEvidence.course.parts).toEqual([
      { id: 'grounds', title: 'Reasonable grounds', evidence: [] },
      {
        id: 'encounter',
        title: 'Procedural justice in the encounter',
        evidence: [{ item: { id: justice }, note: 'Fair treatment raises compliance.' }],
      },
    ]);
    await rob.must(LINK, { id: knives.id, e: { partId: 'arches', itemId: arches } });

    // Anyone on staff reads the map; it counts only active courses and evidence they may read.
    const map = await mapOf('vic');
    expect(map.minimumSmsLevel).toBe(3);
    expect(map.partsWithoutEvidence).toContainEqual({
      course: { id: stopSearch.id },
      partId: 'grounds',
      title: 'Reasonable grounds',
    });
    expect(map.partsWithoutEvidence.map((gap) => gap.course.id)).not.toContain(knives.id);
    expect(map.coursesWithoutEvidence.map((each) => each.id)).toEqual(
      expect.arrayContaining([briefing.id]),
    );
    expect(map.coursesWithoutEvidence.map((each) => each.id)).not.toContain(stopSearch.id);
    const taught = (itemId: string) => map.taught.find((entry) => entry.item.id === itemId);
    expect(taught(justice)).toEqual({
      item: { id: justice },
      strong: true,
      citedBy: [{ course: { id: stopSearch.id }, partIds: ['encounter'] }],
    });
    expect(taught(arches)?.strong).toBe(false);
    const nowhere = map.strongEvidenceTaughtNowhere.map((each) => each.id);
    expect(nowhere).toContain(untaught);
    expect(nowhere).not.toContain(justice);
    expect(nowhere).not.toContain(arches);
    expect(map.partsWithEvidence).toBeLessThan(map.parts);

    // A stricter level: level 4 evidence is no longer strong; level 5 still is.
    const strict = await mapOf('vic', 5);
    expect(strict.taught.find((entry) => entry.item.id === justice)?.strong).toBe(false);
    expect(strict.strongEvidenceTaughtNowhere.map((each) => each.id)).toContain(untaught);

    // Teaching the untaught evidence closes that gap; retiring a course takes it off the map.
    await rob.must(LINK, { id: stopSearch.id, e: { partId: 'grounds', itemId: untaught } });
    await rob.must(RETIRE, { id: briefing.id, why: 'Replaced by the new leadership programme.' });
    const after = await mapOf('vic');
    expect(after.strongEvidenceTaughtNowhere.map((each) => each.id)).not.toContain(untaught);
    expect(after.partsWithoutEvidence.map((gap) => gap.course.id)).not.toContain(stopSearch.id);
    expect(after.coursesWithoutEvidence.map((each) => each.id)).not.toContain(briefing.id);
    const listed = await (await as('vic')).must<{ courses: { id: string }[] }>(LIST, { provider });
    expect(listed.courses.map((each) => each.id).sort()).toEqual([knives.id, stopSearch.id].sort());

    // Unlinking needs a reason; a retired course takes no more changes.
    expect(
      codes(await rob.request(UNLINK, { id: knives.id, part: 'arches', item: arches, why: 'no' })),
    ).toEqual(['INVALID_DISSEMINATION_INPUT']);
    await rob.must(UNLINK, {
      id: knives.id,
      part: 'arches',
      item: arches,
      why: 'The arches study was too weak to teach from.',
    });
    expect(
      codes(
        await rob.request(LINK, { id: briefing.id, e: { partId: 'briefing', itemId: arches } }),
      ),
    ).toEqual(['ILLEGAL_TRANSITION']);
  });

  it('shows a citation of an OFFICIAL-SENSITIVE item only to those who may read the item, and refuses the rest as a missing item', async () => {
    const covert = await published('cat', 'covert-tactics', 5, 'OFFICIAL_SENSITIVE');
    const tactics = await course('Covert tactics', [['surveillance', 'Surveillance']]);
    // Rob edits courses but may not read the item (written by an editor, no place on its list).
    const rob = await as('rob');
    expect((await mapOf('cat')).strongEvidenceTaughtNowhere.map((each) => each.id)).toContain(
      covert,
    );
    expect((await mapOf('rob')).strongEvidenceTaughtNowhere.map((each) => each.id)).not.toContain(
      covert,
    );
    const hidden = await rob.request(LINK, {
      id: tactics.id,
      e: { partId: 'surveillance', itemId: covert },
    });
    const missing = await rob.request(LINK, {
      id: tactics.id,
      e: { partId: 'surveillance', itemId: `${covert}-missing` },
    });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(hidden.errors?.[0]?.message).toBe(
      missing.errors?.[0]?.message.replace(`${covert}-missing`, covert),
    );

    const seenBy = async (user: string) =>
      (await (await as(user)).must<{ course: Course }>(ONE, { id: tactics.id })).course;
    const before = await seenBy('rob');
    await (
      await as('cat')
    ).must(LINK, { id: tactics.id, e: { partId: 'surveillance', itemId: covert } });
    // Not even the time of the change tells Rob that a citation was made.
    expect((await seenBy('rob')).updatedAt).toBe(before.updatedAt);
    expect((await seenBy('cat')).parts[0]?.evidence).toEqual([
      { item: { id: covert }, note: null },
    ]);
    expect((await seenBy('rob')).parts[0]?.evidence).toEqual([]);
    expect((await seenBy('vic')).parts[0]?.evidence).toEqual([]);
    // For those who may not read it, the part is a gap, and the item is nowhere on their map.
    const robs = await mapOf('rob');
    expect(robs.partsWithoutEvidence.map((gap) => gap.course.id)).toContain(tactics.id);
    expect(robs.taught.map((entry) => entry.item.id)).not.toContain(covert);
    const cats = await mapOf('cat');
    expect(cats.taught.map((entry) => entry.item.id)).toContain(covert);
    expect(cats.strongEvidenceTaughtNowhere.map((each) => each.id)).not.toContain(covert);
    expect(
      codes(
        await rob.request(UNLINK, {
          id: tactics.id,
          part: 'surveillance',
          item: covert,
          why: 'Trying to learn whether it is cited.',
        }),
      ),
    ).toEqual(['NOT_FOUND']);

    // A part takes 20 citations of those the editor may read: Cat's hidden one is not counted.
    const visible = await Promise.all(
      Array.from({ length: 21 }, (_, n) => published('rob', `limit-${n}`, 1)),
    );
    for (const itemId of visible.slice(0, 20))
      await rob.must(LINK, { id: tactics.id, e: { partId: 'surveillance', itemId } });
    const full = await rob.request(LINK, {
      id: tactics.id,
      e: { partId: 'surveillance', itemId: visible[20] },
    });
    expect(codes(full)).toEqual(['ILLEGAL_TRANSITION']);
    expect(full.errors?.[0]?.message).toContain('cites 20 items');

    // Only editors change courses; partners do not read them at all, whatever roles they claim.
    const partnerClaimingCommittee = {
      actor: { kind: 'partner' as const, id: 'demo-org-cambridge' },
      name: 'A partner whose token claims a staff role',
      roles: ['partner' as const, 'committee' as const],
      clearances: ['OFFICIAL' as const],
    };
    const claimed = await as(partnerClaimingCommittee);
    expect(codes(await claimed.request(LIST, {}))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await claimed.request(REGISTER, {
          c: {
            title: 'Theirs',
            provider,
            audience: 'Us',
            parts: [{ partId: 'a', title: 'A part' }],
          },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await (
          await as('vic')
        ).request(REGISTER, {
          c: { title: 'Mine', provider, audience: 'Me', parts: [{ partId: 'a', title: 'A part' }] },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await (await as('uni')).request(LIST, {}))).toEqual(['FORBIDDEN']);
  });

  it("runs the training providers' self-assessment as a survey of its own question set, answered anonymously", async () => {
    const { surveyQuestionSets } = await (
      await as('vic')
    ).must<{
      surveyQuestionSets: {
        id: string;
        version: number;
        baseline: unknown;
        questions: { questionId: string; kind: string; options: { optionId: string }[] }[];
      }[];
    }>(SETS);
    const set = surveyQuestionSets.find((each) => each.id === 'training-provider-self-assessment');
    expect(set?.baseline).toBeNull();
    expect(new Set(set?.questions.map((question) => question.kind))).toEqual(
      new Set(['training_practice']),
    );
    const today = new Date().toISOString().slice(0, 10);
    const { launchSurveyCampaign } = await (
      await as('rob')
    ).must<{ launchSurveyCampaign: { campaign: { id: string; questionSetId: string } } }>(LAUNCH, {
      c: {
        title: `Training providers' self-assessment ${run}`,
        questionSetId: set!.id,
        questionSetVersion: set!.version,
        opensOn: today,
        closesOn: '2099-12-31',
      },
    });
    const campaignId = launchSurveyCampaign.campaign.id;
    const answers = set!.questions.map((question) => ({
      questionId: question.questionId,
      optionId: question.options[0]!.optionId,
    }));
    const rae = await as('rae');
    const answered = await rae.must<{ answerSurvey: { campaign: { responses: number | null } } }>(
      ANSWER,
      { id: campaignId, a: answers },
    );
    expect(answered.answerSurvey.campaign.responses).toBeNull();
    expect(codes(await rae.request(ANSWER, { id: campaignId, a: answers }))).toEqual([
      'SURVEY_ALREADY_ANSWERED',
    ]);
  });
}
