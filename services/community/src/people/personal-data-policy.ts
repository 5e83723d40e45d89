import { community } from '@ebp/contracts';
import type { PersonalDataPolicy } from '@ebp/eventing';

const personal = {
  subject: (data: Record<string, unknown>) => String(data.personId),
  fields: community.PERSONAL_FIELDS,
};

/** The community events that carry personal fields, and whose they are (decision 0012). */
export const communityPersonalData: PersonalDataPolicy = {
  'community.person.registered': personal,
  'community.person.profile-updated': personal,
  // A citation is about the nominee: it is shredded with them.
  'community.award-round.nominated': {
    subject: (data: Record<string, unknown>) => String(data.nomineeId),
    fields: community.AWARD_PERSONAL_FIELDS,
  },
};
