import { z } from 'zod';
import {
  DOI_MESSAGE,
  DoiSchema,
  ORCID_MESSAGE,
  OrcidSchema,
  ROR_ID_MESSAGE,
  RorIdSchema,
  isOrcid,
  orcidCheckDigit,
  rorChecksumValid,
} from './identifiers';
import { community, partners } from './index';
import { plainEnglish } from './plain-english';

const messagesOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value, { error: plainEnglish }).error?.issues.map((issue) => issue.message);

describe('ORCID iDs are checked with their ISO 7064 MOD 11-2 check digit (issue 18)', () => {
  it.each([
    // Examples published by ORCID, and real iDs.
    ['0000-0002-1825-0097', true],
    ['0000-0001-5109-3700', true],
    ['0000-0002-1694-233X', true],
    ['0000-0003-1415-9269', true],
    ['0000-0002-9079-593X', true],
    ['0000-0002-1825-0096', false], // wrong check digit
    ['0000-0002-1825-009X', false], // X where the check digit is 7
    ['0000-0001-5109-3070', false], // two digits swapped
    ['0000-0002-1852-0097', false], // two digits swapped
    ['0000-0002-1694-233x', false], // lower-case x
    ['0000000218250097', false], // no hyphens
    ['0000 0002 1825 0097', false], // spaces for hyphens
    ['0000-0002-1825-009', false], // too short
    ['0000-0002-1825-00970', false], // too long
    ['000-00002-1825-0097', false], // groups in the wrong places
    ['X000-0002-1825-0097', false], // X anywhere but last
    ['https://orcid.org/0000-0002-1825-0097', false], // the address, not the iD
    [' 0000-0002-1825-0097', false],
    ['', false],
  ])('%p: %s', (value, accepted) => {
    expect(OrcidSchema.safeParse(value).success).toBe(accepted);
    expect(isOrcid(value)).toBe(accepted);
  });

  it.each([
    ['000000021825009', '7'],
    ['0000-0002-1825-009', '7'],
    ['000000015109370', '0'],
    ['000000021694233', 'X'],
    ['000000031415926', '9'],
  ])('the check digit after %s is %s', (digits, check) => {
    expect(orcidCheckDigit(digits)).toBe(check);
  });

  it.each(['00000002182500', '0000000218250097', '00000002182500X', 'abcdefghijklmno', ''])(
    'computes no check digit from %p',
    (digits) => {
      expect(() => orcidCheckDigit(digits)).toThrow(RangeError);
    },
  );

  it('says what is wrong once, in plain English, whether the shape or the check digit is wrong', () => {
    expect(messagesOf(OrcidSchema, '0000-0002-1825-0096')).toEqual([ORCID_MESSAGE]);
    expect(messagesOf(OrcidSchema, '0000-0002-1694-233x')).toEqual([ORCID_MESSAGE]);
    expect(ORCID_MESSAGE).toBe(
      'must be an ORCID iD like 0000-0002-1825-0097 (its last character is a check digit)',
    );
  });

  it('is not fooled by anything but a string', () => {
    for (const value of [undefined, null, 16, ['0000-0002-1825-0097']]) {
      expect(OrcidSchema.safeParse(value).success).toBe(false);
      expect(isOrcid(value)).toBe(false);
    }
  });
});

describe('ROR ids are checked with their checksum (issue 18)', () => {
  it.each([
    // Real ids: Cambridge, Oxford, UCL, Bristol, York.
    ['013meh722', true],
    ['052gg0110', true],
    ['02jx3x895', true],
    ['0524sp257', true],
    ['04m01e293', true],
    ['013meh723', false], // wrong checksum
    ['013meh701', false], // a checksum ror.org never makes
    ['013meh799', false], // a checksum ror.org never makes
    ['031meh722', false], // two characters swapped
    ['013mhe722', false], // two characters swapped
    ['013MEH722', false], // upper case
    ['0i3meh722', false], // i is not Crockford base 32
    ['01lmeh722', false], // nor is l
    ['013meo722', false], // nor is o
    ['0u3meh722', false], // nor is u
    ['113meh722', false], // does not start with 0
    ['013meh72', false], // too short
    ['013meh7222', false], // too long
    ['013meh7a2', false], // checksum not digits
    ['https://ror.org/013meh722', false], // the address, not the id
    ['', false],
  ])('%p: %s', (value, accepted) => {
    expect(RorIdSchema.safeParse(value).success).toBe(accepted);
    expect(rorChecksumValid(value)).toBe(accepted);
  });

  it('says what is wrong once, in plain English, whether the shape or the checksum is wrong', () => {
    expect(messagesOf(RorIdSchema, '013meh723')).toEqual([ROR_ID_MESSAGE]);
    expect(messagesOf(RorIdSchema, '0i3meh722')).toEqual([ROR_ID_MESSAGE]);
    expect(ROR_ID_MESSAGE).toBe(
      'must be a ROR id like 013meh722 (its last two digits are a checksum)',
    );
  });
});

describe('DOIs are checked by their shape (issue 18)', () => {
  it.each([
    ['10.1177/0011128720954578', true],
    ['10.1371/journal.pone.0123456', true],
    ['10.1000/xyz123', true],
    ['10.123456789/a(b)c;d', true],
    ['1177/0011128720954578', false], // no 10. prefix
    ['doi:10.1177/0011128720954578', false], // a scheme in front
    ['https://doi.org/10.1177/0011128720954578', false], // the address, not the DOI
    ['10.117/0011128720954578', false], // registrant too short
    ['10.1234567890/x', false], // registrant too long
    ['11.1177/0011128720954578', false],
    ['10.1177/', false], // no suffix
    ['10.1177', false], // no slash
    ['10.1177/with space', false],
    ['', false],
  ])('%p: %s', (value, accepted) => {
    expect(DoiSchema.safeParse(value).success).toBe(accepted);
  });

  it('says what is wrong in plain English', () => {
    expect(messagesOf(DoiSchema, '1177/0011128720954578')).toEqual([DOI_MESSAGE]);
  });
});

describe('the contracts use the shared identifier schemas', () => {
  it('keeps the old names working', () => {
    expect(community.OrcidSchema).toBe(OrcidSchema);
    expect(partners.RorIdSchema).toBe(RorIdSchema);
  });

  it.each([
    ['a person’s ORCID iD', community.PersonProfileSchema.shape.orcid, '0000-0002-1825-0096'],
    ['an academic’s ORCID iD', partners.AcademicSchema.shape.orcid, '0000-0002-1825-0096'],
    ['an organisation’s ROR id', partners.OrganisationSchema.shape.rorId, '013meh723'],
  ])('checks %s', (_what, schema, wrong) => {
    expect(schema.safeParse(undefined).success).toBe(true);
    expect(schema.safeParse(wrong).success).toBe(false);
  });

  it('publishes the shapes as JSON Schema patterns, with the check explained', () => {
    for (const schema of [OrcidSchema, RorIdSchema, DoiSchema]) {
      const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
      expect(json).toEqual(
        expect.objectContaining({
          type: 'string',
          pattern: expect.any(String) as string,
          description: expect.any(String) as string,
        }),
      );
    }
  });
});
