import { auditReport } from './audit-report';

const audit = {
  title: 'EBP skills audit 2026',
  questions: [
    { questionId: 'q1', skill: 'crime-analysis', text: 'Analysing crime patterns' },
    { questionId: 'q2', skill: 'randomised-controlled-trial', text: 'Running a trial' },
    { questionId: 'q3', skill: 'crime-analysis', text: 'Mapping hot spots' },
  ],
  targetUnits: ['North BCU', 'South BCU', 'East BCU'],
  opensOn: '2026-05-01',
  closesOn: '2026-06-30',
};

const response = (personId: string, unit: string, answers: [string, number][]) => ({
  auditId: 'a1',
  personId,
  unit,
  answers: answers.map(([questionId, level]) => ({ questionId, level })),
  answeredAt: '2026-05-10T10:00:00.000Z',
});

describe('skills audit report', () => {
  it('reports coverage by unit and skill, the gaps, and the units that did not answer', () => {
    const report = auditReport('a1', audit, [
      response('p1', 'North BCU', [
        ['q1', 2],
        ['q3', 4],
        ['q2', 1],
      ]),
      response('p2', 'North BCU', [
        ['q1', 1],
        ['q2', 0],
      ]),
      response('p3', 'South BCU', [
        ['q1', 2],
        ['q2', 3],
      ]),
    ]);
    expect(report.responsesByUnit).toEqual({ 'North BCU': 2, 'South BCU': 1 });
    expect(report.coverage).toEqual([
      { unit: 'North BCU', skill: 'crime-analysis', respondents: 2, meanLevel: 2.5, capable: 1 },
      {
        unit: 'North BCU',
        skill: 'randomised-controlled-trial',
        respondents: 2,
        meanLevel: 0.5,
        capable: 0,
      },
      { unit: 'South BCU', skill: 'crime-analysis', respondents: 1, meanLevel: 2, capable: 0 },
      {
        unit: 'South BCU',
        skill: 'randomised-controlled-trial',
        respondents: 1,
        meanLevel: 3,
        capable: 1,
      },
      { unit: 'East BCU', skill: 'crime-analysis', respondents: 0, meanLevel: 0, capable: 0 },
      {
        unit: 'East BCU',
        skill: 'randomised-controlled-trial',
        respondents: 0,
        meanLevel: 0,
        capable: 0,
      },
    ]);
    expect(report.gaps).toEqual([
      { unit: 'North BCU', skill: 'randomised-controlled-trial' },
      { unit: 'South BCU', skill: 'crime-analysis' },
    ]);
    expect(report.silentUnits).toEqual(['East BCU']);
  });
});
