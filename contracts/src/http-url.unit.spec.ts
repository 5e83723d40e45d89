import { HTTP_URL_MESSAGE, HttpUrlSchema, isHttpUrl } from './http-url';
import { plainEnglish } from './plain-english';

describe('links are http or https only (issue 17)', () => {
  it.each([
    ['https://www.college.police.uk/research/hot-spots', true],
    ['http://intranet.met.example/ebp/report.pdf', true],
    ['HTTPS://EXAMPLE.ORG/CAPITALS', true],
    ['http://localhost:8080/a', true],
    ['javascript:alert(document.cookie)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['file:///etc/passwd', false],
    ['ftp://files.example.org/report.pdf', false],
    ['mailto:someone@example.org', false],
    ['//example.org/protocol-relative', false],
    ['/relative/path', false],
    ['https://', false],
    ['not a url', false],
    [`https://example.org/${'a'.repeat(2_000)}`, false],
  ])('%s: %s', (value, accepted) => {
    expect(HttpUrlSchema.safeParse(value).success).toBe(accepted);
    expect(isHttpUrl(value)).toBe(accepted);
  });

  it('says what is wrong in plain English, whatever the error map', () => {
    const refused = HttpUrlSchema.safeParse('javascript:alert(1)', { error: plainEnglish });
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([HTTP_URL_MESSAGE]);
    expect(HTTP_URL_MESSAGE).toBe('Enter a web address starting with http:// or https://');
  });

  it('is not fooled by anything but a string', () => {
    for (const value of [undefined, null, 42, { href: 'https://example.org' }])
      expect(isHttpUrl(value)).toBe(false);
  });
});
