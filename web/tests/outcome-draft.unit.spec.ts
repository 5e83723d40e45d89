// The quarantine's correction form: it starts from what the partner sent, sends only what was
// given, and shows the partners service's refusal beside the fields it names.
import {
  EMPTY_DRAFT,
  draftFromReceived,
  outcomeInput,
  refusalIssues,
} from '../src/pages/moderation/outcome-draft';

describe('correcting a held outcome', () => {
  it('starts from the fields the partner sent, leaving out what is not text or not a kind', () => {
    const received = JSON.stringify({
      projectId: 'p-1',
      kind: 'publication',
      title: 'Working paper',
      publishedOn: '2026-11-02',
      doi: 42,
      extra: 'ignored',
    });
    expect(draftFromReceived(received)).toEqual({
      ...EMPTY_DRAFT,
      projectId: 'p-1',
      kind: 'publication',
      title: 'Working paper',
      publishedOn: '2026-11-02',
    });
    expect(draftFromReceived(JSON.stringify({ kind: 'rumour', title: 'T' }))).toEqual({
      ...EMPTY_DRAFT,
      title: 'T',
    });
  });

  it('starts empty from input that is not a JSON object', () => {
    expect(draftFromReceived('{"title": "cut at the size li')).toEqual(EMPTY_DRAFT);
    expect(draftFromReceived('["a list"]')).toEqual(EMPTY_DRAFT);
    expect(draftFromReceived('null')).toEqual(EMPTY_DRAFT);
  });

  it('sends the corrected outcome trimmed, without the optional fields left blank', () => {
    expect(
      outcomeInput({
        projectId: ' p-1 ',
        kind: 'publication',
        title: ' Working paper ',
        summary: '  ',
        doi: ' 10.1177/wp ',
        url: '',
        publishedOn: '2026-11-02',
      }),
    ).toEqual({
      projectId: 'p-1',
      kind: 'publication',
      title: 'Working paper',
      doi: '10.1177/wp',
      publishedOn: '2026-11-02',
    });
  });

  it('reads the fields a refusal names out of its message, and none from one naming no field', () => {
    expect(
      refusalIssues(
        'The corrected outcome was not accepted: The outcome is not valid: doi: A publication needs its DOI; title: Too short: at least 2 characters',
      ),
    ).toEqual(
      new Map([
        ['doi', 'A publication needs its DOI'],
        ['title', 'Too short: at least 2 characters'],
      ]),
    );
    expect(refusalIssues('No such research project')).toEqual(new Map());
    expect(refusalIssues('The outcome is not valid: (outcome): Expected an object')).toEqual(
      new Map(),
    );
  });
});
