import type { Identity } from '@ebp/platform';
import type { ApplicationState, NominationState } from '../awards/award-round';
import { mayReadCitations, maySeeApplication, maySeeNomination } from './award-access';

const who = (id: string, roles: Identity['roles']): Identity => ({
  actor: { kind: 'person', id },
  name: id,
  roles,
  clearances: ['OFFICIAL'],
});
const committee = who('person-cat', ['committee']);
const nominator = who('person-sam', ['researcher']);
const nominee = who('person-alex', ['viewer']);
const anyone = who('person-vic', ['viewer']);
const nomination = (outcome?: NominationState['outcome']): NominationState => ({
  nomineeId: 'person-alex',
  nominatedBy: 'person-sam',
  projectIds: [],
  ...(outcome ? { outcome } : {}),
});
const application = (outcome?: ApplicationState['outcome']): ApplicationState => ({
  applicantId: 'person-rae',
  application: { title: 'A trial', summary: 'A summary', amountRequested: 100 },
  ...(outcome ? { outcome } : {}),
});

describe('award access', () => {
  it('shows undecided nominations to the panel and the nominator only, not to the nominee', () => {
    expect(maySeeNomination(committee, nomination())).toBe(true);
    expect(maySeeNomination(nominator, nomination())).toBe(true);
    expect(maySeeNomination(nominee, nomination())).toBe(false);
    expect(maySeeNomination(anyone, nomination())).toBe(false);
  });

  it('shows the awarded and the commended to everyone, not those not awarded', () => {
    expect(maySeeNomination(anyone, nomination('awarded'))).toBe(true);
    expect(maySeeNomination(anyone, nomination('commended'))).toBe(true);
    expect(maySeeNomination(anyone, nomination('not_awarded'))).toBe(false);
    expect(maySeeNomination(nominator, nomination('not_awarded'))).toBe(true);
  });

  it('shows funded applications to everyone, others to the panel and the applicant', () => {
    expect(maySeeApplication(anyone, application('funded'))).toBe(true);
    expect(maySeeApplication(anyone, application('declined'))).toBe(false);
    expect(maySeeApplication(anyone, application())).toBe(false);
    expect(maySeeApplication(who('person-rae', ['viewer']), application('declined'))).toBe(true);
    expect(maySeeApplication(committee, application())).toBe(true);
  });

  it('lets only the panel read citations', () => {
    expect(mayReadCitations(committee)).toBe(true);
    expect(mayReadCitations(who('person-ada', ['admin']))).toBe(true);
    expect(mayReadCitations(nominator)).toBe(false);
    expect(mayReadCitations(nominee)).toBe(false);
  });
});
