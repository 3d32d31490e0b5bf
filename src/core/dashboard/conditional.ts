/**
 * Conditional requests: the ETag a server sent with the report is sent back as `If-None-Match`;
 * `304 Not Modified` then means the cached body is still the report. (The Dashboard answers through
 * Express, whose `res.json` sets a weak ETag and answers 304 to a matching If-None-Match.)
 */
export interface CachedValidator {
  /** The URL the cached body came from: a validator is only sent back to the same URL. */
  readonly url: string;
  readonly etag: string | undefined;
}

/** A quoted entity tag, optionally weak (RFC 9110 §8.8.3), of visible ASCII only, at most 1 KiB. */
export function isValidEtag(value: string): boolean {
  return value.length <= 1024 && /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/.test(value);
}

/** The ETag to send back for `url`: only the one that came from that same URL. */
export function validatorFor(url: string, cached: CachedValidator | undefined): string | undefined {
  return cached?.url === url ? cached.etag : undefined;
}

export function requestHeaders(etag: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (etag !== undefined) headers['if-none-match'] = etag;
  return headers;
}

export type ResponseKind =
  | { readonly kind: 'body'; readonly etag: string | undefined }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'error'; readonly status: number; readonly message: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * What a response means. A redirect is followed only to the same origin (scheme, host and port);
 * a 304 only counts when a validator was sent.
 */
export function classifyResponse(url: string, status: number, header: (name: string) => string | null, sentValidator: boolean): ResponseKind {
  if (status === 200) {
    const etag = header('etag')?.trim();
    return { kind: 'body', etag: etag !== undefined && isValidEtag(etag) ? etag : undefined };
  }
  if (status === 304) {
    return sentValidator ? { kind: 'not-modified' } : { kind: 'error', status, message: 'answered 304 Not Modified to a request that had no If-None-Match' };
  }
  if (REDIRECTS.has(status)) return redirect(url, status, header('location'));
  if (status === 404) return { kind: 'error', status, message: 'has no such report (HTTP 404)' };
  return { kind: 'error', status, message: `answered HTTP ${status}` };
}

function redirect(url: string, status: number, location: string | null): ResponseKind {
  if (location === null || location.trim() === '') return { kind: 'error', status, message: `answered HTTP ${status} without a Location` };
  let target: URL;
  try {
    target = new URL(location, url); // the URL parser drops leading and trailing spaces itself
  } catch {
    return { kind: 'error', status, message: `redirected to an invalid URL "${location}"` };
  }
  const origin = new URL(url).origin;
  if (target.origin !== origin) return { kind: 'error', status, message: `redirected to another host (${target.origin}); not followed` };
  return { kind: 'redirect', location: target.href };
}
