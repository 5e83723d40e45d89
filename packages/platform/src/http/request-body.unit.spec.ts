import { bodyErrorProblem, jsonBodyOptions } from './request-body';

/** An error as Express's body-parser raises it: http-errors with a status and a type. */
const bodyError = (status: number, type?: string, more: Record<string, unknown> = {}) =>
  Object.assign(new Error('raw parser message'), { status, expose: true, type, ...more });

describe('request body errors as problem documents (issue 17)', () => {
  it.each([
    ['malformed JSON', bodyError(400, 'entity.parse.failed'), 400, 'MALFORMED_JSON'],
    [
      'a body over the limit',
      bodyError(413, 'entity.too.large', { limit: 1024 }),
      413,
      'REQUEST_TOO_LARGE',
    ],
    [
      'an unsupported Content-Encoding',
      bodyError(415, 'encoding.unsupported'),
      415,
      'UNSUPPORTED_CONTENT_ENCODING',
    ],
    ['an unsupported charset', bodyError(415, 'charset.unsupported'), 415, 'UNSUPPORTED_CHARSET'],
    ['a body that is not UTF-8', bodyError(400, 'encoding.invalid'), 400, 'INVALID_ENCODING'],
    [
      'a body that does not decompress',
      bodyError(400, undefined, { code: 'Z_DATA_ERROR' }),
      400,
      'INVALID_ENCODING',
    ],
    ['too many parameters', bodyError(413, 'parameters.too.many'), 413, 'REQUEST_TOO_LARGE'],
    ['an aborted request', bodyError(400, 'request.aborted'), 400, 'BAD_REQUEST'],
  ])('%s', (_name, error, status, code) => {
    const problem = bodyErrorProblem(error);
    expect(problem).toMatchObject({ status, code });
    expect(problem?.title).toEqual(expect.any(String));
    expect(problem?.detail).toEqual(expect.any(String));
    // The parser's own words (and any stack) stay on the server.
    expect(JSON.stringify(problem)).not.toContain('raw parser message');
  });

  it('names the limit of a body that is too large', () => {
    expect(bodyErrorProblem(bodyError(413, 'entity.too.large', { limit: 1024 }))?.detail).toBe(
      'The body is larger than the 1024 bytes this endpoint accepts',
    );
  });

  it.each([
    ['an ordinary error', new Error('database down')],
    [
      'a server-side body error',
      Object.assign(new Error('x'), { status: 500, expose: false, type: 'stream.encoding.set' }),
    ],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('leaves %s to the 500 handler', (_name, error) => {
    expect(bodyErrorProblem(error)).toBeUndefined();
  });

  it('refuses a UTF-8 body that is not valid UTF-8, and lets other charsets through to their decoder', () => {
    const options = jsonBodyOptions('1mb');
    expect(options.limit).toBe('1mb');
    const call = (body: Buffer, encoding: string) => () =>
      options.verify({} as never, {} as never, body, encoding);
    expect(call(Buffer.from('{"a":"é"}'), 'utf-8')).not.toThrow();
    expect(call(Buffer.from([0x7b, 0xff, 0x7d]), 'utf-8')).toThrow('The body is not valid UTF-8');
    // A lone surrogate encoded as UTF-8 (CESU) is not UTF-8 either.
    expect(call(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), 'utf-8')).toThrow();
    expect(call(Buffer.from([0x7b, 0x00, 0x7d, 0x00]), 'utf-16le')).not.toThrow();
    try {
      call(Buffer.from([0xff]), 'utf-8')();
    } catch (error) {
      expect(bodyErrorProblem(error)).toMatchObject({ status: 400, code: 'INVALID_ENCODING' });
    }
  });
});
