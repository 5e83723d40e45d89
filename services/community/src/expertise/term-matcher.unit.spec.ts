import { TermMatcher } from './term-matcher';

describe('matching the talent pool’s terms through the vocabularies', () => {
  it('matches methods in any spelling or synonym, and new ones by their key', () => {
    const methods = TermMatcher.forMethods();
    expect(methods.same('RCT', 'randomised controlled trials')).toBe(true);
    expect(methods.same('Photo-elicitation', 'photo elicitations')).toBe(true);
    expect(methods.same('RCT', 'cluster RCT')).toBe(false);
    expect(methods.same('', '')).toBe(false);
  });

  it('matches topics through every subject vocabulary', () => {
    const subjects = TermMatcher.forSubjects();
    expect(subjects.same('ASB', 'anti-social behavior')).toBe(true);
    expect(subjects.same('hot-spot policing', 'Hotspot policing')).toBe(true);
    expect(subjects.identity('trust in policing')).toBe('topics:public_confidence');
  });

  it('finds a term a text names in any spelling, and a new term by its whole words', () => {
    const mentions = TermMatcher.forSubjects().mentionsIn(
      'Hotspot policing of ASB around drone-based patrols',
    );
    expect(mentions.identityIfNamed('hot spots policing')).toBe('interventions:hot_spots_policing');
    expect(mentions.identityIfNamed('Anti-social behaviour')).toBe(
      'crime_problems:anti_social_behaviour',
    );
    expect(mentions.identityIfNamed('Drone based patrol')).toBe('text:dronebasedpatrol');
    expect(mentions.identityIfNamed('drone')).toBe('text:drone');
    // Not named: another term, a part of a word, nothing at all.
    expect(mentions.identityIfNamed('burglary')).toBeUndefined();
    expect(mentions.identityIfNamed('patro')).toBeUndefined();
    expect(mentions.identityIfNamed(' - ')).toBeUndefined();
  });
});
