import { describe, expect, it } from 'vitest';
import { classifyResponse, isValidEtag, requestHeaders, validatorFor } from '../../../src/core/dashboard/conditional';

const URL_A = 'https://d.io/api/reports/github.com/a/b/main';
const headers = (values: Record<string, string>) => (name: string): string | null => values[name] ?? null;

describe('the ETag logic', () => {
  it('sends a validator back only to the URL it came from', () => {
    expect(validatorFor(URL_A, { url: URL_A, etag: 'W/"1"' })).toBe('W/"1"');
    expect(validatorFor(URL_A, { url: `${URL_A}?module=x`, etag: 'W/"1"' })).toBeUndefined();
    expect(validatorFor(URL_A, { url: URL_A, etag: undefined })).toBeUndefined();
    expect(validatorFor(URL_A, undefined)).toBeUndefined();
  });

  it('asks for JSON, conditionally when there is a validator', () => {
    expect(requestHeaders('"abc"')).toEqual({ accept: 'application/json', 'if-none-match': '"abc"' });
    expect(requestHeaders(undefined)).toEqual({ accept: 'application/json' });
  });

  it('keeps a strong or weak quoted ETag and ignores anything else', () => {
    expect(classifyResponse(URL_A, 200, headers({ etag: ' W/"1f-abc" ' }), false)).toEqual({ kind: 'body', etag: 'W/"1f-abc"' });
    expect(classifyResponse(URL_A, 200, headers({ etag: '"x"' }), false)).toEqual({ kind: 'body', etag: '"x"' });
    expect(classifyResponse(URL_A, 200, headers({ etag: 'unquoted' }), false)).toEqual({ kind: 'body', etag: undefined });
    expect(classifyResponse(URL_A, 200, headers({}), false)).toEqual({ kind: 'body', etag: undefined });
    expect(isValidEtag('""')).toBe(true);
    expect(isValidEtag('"a"b"')).toBe(false);
    expect(isValidEtag('"a b"')).toBe(false);
    expect(isValidEtag('w/"a"')).toBe(false);
    expect(isValidEtag(`"${'a'.repeat(1022)}"`)).toBe(true);
    expect(isValidEtag(`"${'a'.repeat(1023)}"`)).toBe(false);
  });

  it('takes 304 as "the cached copy is current" only when a validator was sent', () => {
    expect(classifyResponse(URL_A, 304, headers({}), true)).toEqual({ kind: 'not-modified' });
    expect(classifyResponse(URL_A, 304, headers({}), false)).toEqual({ kind: 'error', status: 304, message: 'answered 304 Not Modified to a request that had no If-None-Match' });
  });

  it('follows a redirect only to the same origin', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      expect(classifyResponse(URL_A, status, headers({ location: '/api/reports/github.com/a/b/dev' }), false)).toEqual({ kind: 'redirect', location: 'https://d.io/api/reports/github.com/a/b/dev' });
    }
    expect(classifyResponse(URL_A, 302, headers({ location: 'https://evil.io/x' }), false)).toEqual({ kind: 'error', status: 302, message: 'redirected to another host (https://evil.io); not followed' });
    expect(classifyResponse(URL_A, 302, headers({ location: 'http://d.io/x' }), false)).toEqual({ kind: 'error', status: 302, message: 'redirected to another host (http://d.io); not followed' });
    expect(classifyResponse(URL_A, 302, headers({ location: 'https://d.io:8443/x' }), false)).toEqual({ kind: 'error', status: 302, message: 'redirected to another host (https://d.io:8443); not followed' });
    expect(classifyResponse(URL_A, 307, headers({ location: ' ' }), false)).toEqual({ kind: 'error', status: 307, message: 'answered HTTP 307 without a Location' });
    expect(classifyResponse(URL_A, 307, headers({}), false)).toEqual({ kind: 'error', status: 307, message: 'answered HTTP 307 without a Location' });
    expect(classifyResponse(URL_A, 307, headers({ location: 'http://[::1' }), false)).toEqual({ kind: 'error', status: 307, message: 'redirected to an invalid URL "http://[::1"' });
  });

  it('says what other statuses mean', () => {
    expect(classifyResponse(URL_A, 404, headers({}), true)).toEqual({ kind: 'error', status: 404, message: 'has no such report (HTTP 404)' });
    expect(classifyResponse(URL_A, 500, headers({}), false)).toEqual({ kind: 'error', status: 500, message: 'answered HTTP 500' });
    expect(classifyResponse(URL_A, 204, headers({}), false)).toEqual({ kind: 'error', status: 204, message: 'answered HTTP 204' });
    expect(classifyResponse(URL_A, 300, headers({ location: '/x' }), false)).toEqual({ kind: 'error', status: 300, message: 'answered HTTP 300' });
  });
});
