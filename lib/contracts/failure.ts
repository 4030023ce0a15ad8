import { isWechatPayError } from '@/lib/wechatpay/errors';
import type { FieldErrors } from './search-input';
import type { ContractsPage } from './view';

/** What went wrong with a lookup, in terms staff can be told about. */
export type LookupErrorKind =
  /** No signed-in staff member (or a disabled one): nothing was looked up. */
  | 'unauthenticated'
  /** This staff member's own per-minute limit, before anything was sent to WeChat. */
  | 'staff_rate_limited'
  /** A plan outside the clerk's schools (or archived): refused before anything was sent to WeChat. */
  | 'out_of_scope'
  /** A clerk with no school yet can look nothing up; refused before anything was sent to WeChat. */
  | 'no_school'
  | 'invalid_input'
  | 'unverified'
  | 'malformed'
  | 'timeout'
  | 'network'
  | 'param'
  | 'sign_error'
  | 'no_auth'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'upstream'
  /** The clerk cancelled (an export) while WeChat was being asked. */
  | 'cancelled'
  /** Too many lookups in flight on this server to start this one soon: not sent to WeChat. */
  | 'busy'
  /** A CSV export past MAX_EXPORT_PAGES: stopped before asking WeChat for more. */
  | 'export_too_large'
  | 'internal';

export interface LookupError {
  kind: LookupErrorKind;
  status?: number;
  /** WeChat's error code, e.g. SYSTEM_ERROR. */
  code?: string;
  /** WeChat's own message: untrusted text, shown only where it helps (PARAM_ERROR). */
  upstreamMessage?: string;
  /** WeChat's Request-ID, for staff to quote to WeChat support. */
  requestId?: string;
  fieldErrors?: FieldErrors;
}

export type LookupResult = { ok: true; page: ContractsPage } | { ok: false; error: LookupError };

function kindOfHttpFailure(status: number, code: string | undefined): LookupErrorKind {
  switch (code) {
    case 'PARAM_ERROR':
      return 'param';
    // The request broke the API's rules: a bug or misconfiguration, nothing staff typed.
    case 'INVALID_REQUEST':
      return 'upstream';
    case 'SIGN_ERROR':
      return 'sign_error';
    case 'NO_AUTH':
      return 'no_auth';
    case 'NOT_FOUND':
    case 'RESOURCE_NOT_EXISTS':
      return 'not_found';
    case 'RATELIMIT_EXCEEDED':
    case 'FREQUENCY_LIMITED':
      return 'rate_limited';
    case 'SYSTEM_ERROR':
    case 'SERVICE_UNAVAILABLE':
      return 'unavailable';
  }
  // Unknown codes are handled by HTTP status, as WeChat documents.
  if (status === 401) return 'sign_error';
  if (status === 403) return 'no_auth';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  if (status === 400) return 'param';
  return 'upstream';
}

/** Turns whatever a lookup threw into a value the browser may see: no stack, no secrets. */
export function describeFailure(error: unknown): LookupError {
  if (!isWechatPayError(error)) return { kind: 'internal' };
  const requestId = error.requestId;
  switch (error.kind) {
    case 'http': {
      const kind = kindOfHttpFailure(error.status ?? 0, error.code);
      return {
        kind,
        status: error.status,
        code: error.code,
        requestId,
        upstreamMessage: kind === 'param' ? error.message : undefined,
      };
    }
    case 'unverified':
    case 'malformed':
    case 'timeout':
    case 'network':
      return { kind: error.kind, status: error.status, requestId };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'busy':
      return { kind: 'busy' };
  }
}
