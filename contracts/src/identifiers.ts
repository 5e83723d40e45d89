import { z } from 'zod';

/**
 * The persistent identifiers the platform records: ORCID iDs for people, ROR ids for
 * organisations and DOIs for outputs. ORCID iDs and ROR ids carry check digits, so a mistyped
 * character is refused where it is entered instead of being published to national bodies.
 *
 * Each schema keeps its shape as a regular expression (so the published JSON Schema shows it as
 * a `pattern`) and adds the check-digit test as a refinement, run only on input of the right
 * shape, so a value gets one plain message, never two.
 */

/** What a form shows beside an ORCID iD that is not one. */
export const ORCID_MESSAGE =
  'must be an ORCID iD like 0000-0002-1825-0097 (its last character is a check digit)';

/** What a form shows beside a ROR id that is not one. */
export const ROR_ID_MESSAGE =
  'must be a ROR id like 013meh722 (its last two digits are a checksum)';

/** What a form shows beside a DOI that is not one. */
export const DOI_MESSAGE = 'must be a DOI like 10.1177/0011128720954578';

const ORCID_SHAPE = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** `0`, six characters of Crockford base 32 in lower case (no i, l, o or u), two digits. */
const ROR_SHAPE = /^0[a-hj-km-np-tv-z0-9]{6}\d{2}$/;

const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;

const CROCKFORD_BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * The check character of an ORCID iD (ISO/IEC 7064 MOD 11-2) from the 15 digits before it,
 * hyphens allowed: `orcidCheckDigit('0000-0002-1825-009')` is `'7'`. `'X'` stands for ten.
 * Throws a RangeError unless it is given exactly 15 digits.
 */
export function orcidCheckDigit(first15Digits: string): string {
  const digits = first15Digits.replaceAll('-', '');
  if (!/^\d{15}$/.test(digits))
    throw new RangeError('An ORCID check digit is computed from exactly 15 digits');
  let total = 0;
  for (const digit of digits) total = ((total + Number(digit)) * 2) % 11;
  const result = (12 - total) % 11;
  return result === 10 ? 'X' : String(result);
}

/** Whether a value is an ORCID iD: four groups of four, upper-case X, a matching check digit. */
export function isOrcid(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ORCID_SHAPE.test(value) &&
    orcidCheckDigit(value.slice(0, 18)) === value.slice(18)
  );
}

/**
 * Whether a ROR id's last two digits are its checksum: 98 minus the remainder of 100 times the
 * number its first seven characters spell in Crockford base 32, divided by 97 (ISO/IEC 7064
 * MOD 97-10, as ror.org computes it), as two digits. False for anything not shaped like a ROR id.
 */
export function rorChecksumValid(id: string): boolean {
  if (!ROR_SHAPE.test(id)) return false;
  let remainder = 0;
  for (const character of id.slice(0, 7))
    remainder = (remainder * 32 + CROCKFORD_BASE32.indexOf(character)) % 97;
  const checksum = 98 - ((remainder * 100) % 97);
  return String(checksum).padStart(2, '0') === id.slice(7);
}

/** An ORCID iD as orcid.org prints it without its address, e.g. `0000-0002-1825-0097`. */
export const OrcidSchema = z
  .string()
  .regex(ORCID_SHAPE, { error: ORCID_MESSAGE, abort: true })
  .refine(isOrcid, { error: ORCID_MESSAGE })
  .describe(
    'ORCID iD, e.g. 0000-0002-1825-0097; the last character is an ISO/IEC 7064 MOD 11-2 check digit (X for ten).',
  );

/** A ROR id as ror.org prints it without its address: `0` and eight characters, e.g. `013meh722`. */
export const RorIdSchema = z
  .string()
  .regex(ROR_SHAPE, { error: ROR_ID_MESSAGE, abort: true })
  .refine(rorChecksumValid, { error: ROR_ID_MESSAGE })
  .describe(
    'ROR id, e.g. 013meh722; the last two digits are an ISO/IEC 7064 MOD 97-10 checksum of the number that the Crockford base 32 characters before them stand for.',
  );

/** A DOI without its resolver: `10.`, the registrant's 4 to 9 digits, `/` and the suffix. */
export const DoiSchema = z
  .string()
  .regex(DOI_SHAPE, DOI_MESSAGE)
  .describe('DOI without its resolver, e.g. 10.1177/0011128720954578.');
